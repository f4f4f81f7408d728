package dev.candor.bot.people;

import dev.candor.storage.Platform;
import dev.candor.storage.StorableText;

/**
 * A chat user as one request describes them, before Candor knows who they are.
 *
 * @param workspaceId the Slack team id or the Teams tenant id
 * @param name the display name the platform sent, if any
 * @param aadObjectId Teams only: the Azure AD object id
 * @param timezone IANA zone from the request (Teams {@code clientInfo}), or null
 * @param teamsServiceUrl Teams only: the Bot Connector endpoint for this tenant
 */
public record PlatformUser(
        Platform platform,
        String workspaceId,
        String userId,
        String name,
        String aadObjectId,
        String timezone,
        String locale,
        String teamsServiceUrl) {

    public PlatformUser {
        name = StorableText.clean(name);
        timezone = StorableText.clean(timezone);
        locale = StorableText.clean(locale);
    }

    public static PlatformUser slack(String teamId, String userId, String name) {
        return new PlatformUser(Platform.SLACK, teamId, userId, name, null, null, null, null);
    }
}
