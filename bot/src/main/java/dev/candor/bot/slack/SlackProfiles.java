package dev.candor.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.candor.bot.people.Profile;
import dev.candor.bot.people.ProfileSource;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads people's Slack profiles with {@code users.info}: name, email, time zone, bot or deactivated, and whether their
 * status says they are away.
 */
final class SlackProfiles implements ProfileSource {
    private static final Logger log = LoggerFactory.getLogger(SlackProfiles.class);

    private final MethodsClient client;

    SlackProfiles(MethodsClient client) {
        this.client = client;
    }

    @Override
    public Optional<Profile> lookup(String teamId, String userId) {
        try {
            UsersInfoResponse response = client.usersInfo(r -> r.user(userId));
            if ("user_not_found".equals(response.getError())) {
                throw new NoSuchUser();
            }
            if (!response.isOk() || response.getUser() == null) {
                log.warn("users.info for {} answered {}", userId, response.getError());
                return Optional.empty();
            }
            return Optional.of(profile(response.getUser()));
        } catch (IOException | SlackApiException e) {
            // Not the message: the client's exception quotes Slack's response body.
            log.warn("users.info for {} failed: {}", userId, SlackApi.failure(e));
            return Optional.empty();
        }
    }

    /** What a Slack user object says (from users.info or a user_change event), status included. */
    static Profile profile(User user) {
        String name = user.getProfile() != null && notBlank(user.getProfile().getDisplayName())
                ? user.getProfile().getDisplayName()
                : notBlank(user.getRealName()) ? user.getRealName() : user.getName();
        String email = user.getProfile() == null ? null : user.getProfile().getEmail();
        boolean bot = user.isBot() || "USLACKBOT".equals(user.getId()) || user.isAppUser();
        return new Profile(name, email, user.getTz(), bot, user.isDeleted(), SlackStatus.of(user.getProfile()));
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
