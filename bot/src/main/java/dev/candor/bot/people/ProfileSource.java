package dev.candor.bot.people;

import java.util.Optional;

/** Looks a user up in a platform's directory. Empty when the lookup fails: a failed lookup never fails a command. */
public interface ProfileSource {

    /** @throws NoSuchUser when the platform answered that there is no such user (Slack's {@code user_not_found}) */
    Optional<Profile> lookup(String workspaceId, String userId);

    /** The platform knows no user by that id: unlike a failed lookup, this is an answer. */
    final class NoSuchUser extends RuntimeException {
        public NoSuchUser() {
            super("no such user", null, false, false);
        }
    }
}
