package dev.candor.bot.people;

import java.util.Optional;

/** Looks a user up in a platform's directory. Empty when the lookup fails: a failed lookup never fails a command. */
public interface ProfileSource {

    Optional<Profile> lookup(String workspaceId, String userId);
}
