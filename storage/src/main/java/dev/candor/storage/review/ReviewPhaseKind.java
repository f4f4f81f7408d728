package dev.candor.storage.review;

import dev.candor.storage.DbEnum;

/** A phase of a review cycle: each participant reviews themselves; each participant's manager reviews them. */
public enum ReviewPhaseKind implements DbEnum {
    SELF,
    MANAGER;

    /** How people read it: "Self review". */
    public String label() {
        return this == SELF ? "Self review" : "Manager review";
    }
}
