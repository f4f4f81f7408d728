package dev.candor.storage.feedback;

import dev.candor.storage.DbEnum;

/** Who may read a piece of feedback besides its giver. */
public enum Visibility implements DbEnum {
    /** The recipient alone. */
    PRIVATE,
    /** The recipient and the manager they had when it was given. */
    WITH_MANAGER,
    /** That manager alone, about the recipient's work. */
    MANAGER_ONLY;

    /** Whether the recipient reads it. */
    public boolean recipientReads() {
        return this != MANAGER_ONLY;
    }

    /** Whether the recipient's manager (when it was given) reads it. */
    public boolean managerReads() {
        return this != PRIVATE;
    }
}
