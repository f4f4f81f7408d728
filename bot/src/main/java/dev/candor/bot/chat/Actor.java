package dev.candor.bot.chat;

import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Who did something in chat: a provisioned person of an organisation, with how the platform knows them.
 *
 * @param workspaceId the Slack team id or Teams tenant id of the organisation
 * @param platformUserId the Slack user id or Teams user id ({@code 29:…}) the request came from
 */
public record Actor(
        long orgId,
        String workspaceId,
        long personId,
        Platform platform,
        String platformUserId,
        String name,
        Role role,
        ZoneId zone,
        Locale locale) {

    public boolean isHrAdmin() {
        return role == Role.HR_ADMIN;
    }
}
