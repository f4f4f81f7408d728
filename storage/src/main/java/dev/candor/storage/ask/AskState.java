package dev.candor.storage.ask;

import dev.candor.storage.DbEnum;

/** Where an ask stands: pending until answered, skipped or expired at its deadline. */
public enum AskState implements DbEnum {
    PENDING,
    ANSWERED,
    SKIPPED,
    EXPIRED;

    /** True for the states an ask never leaves. */
    public boolean isFinal() {
        return this != PENDING && this != ANSWERED;
    }
}
