package dev.candor.bot.chat;

import dev.candor.storage.DatabaseUnavailable;

/**
 * What a person is told when Candor's database can't be reached while it handles their request: the truth about
 * whether anything was saved, at once, instead of a timeout or a generic error.
 */
public final class Unavailable {
    public static final String NOT_SAVED =
            "Candor can't save right now, nothing was recorded; please try again in a minute.";
    public static final String IN_DOUBT = "Candor lost its database while saving this, so it can't tell whether it"
            + " was recorded. Please check in a minute before trying again.";

    private Unavailable() {}

    /** True when {@code error} means the database could not be reached, rather than a bug or a refusal. */
    public static boolean is(Throwable error) {
        return DatabaseUnavailable.isCause(error);
    }

    /** The answer for a request that failed because the database could not be reached. */
    public static Message message(Throwable error) {
        return Message.of(DatabaseUnavailable.duringCommit(error) ? IN_DOUBT : NOT_SAVED);
    }
}
