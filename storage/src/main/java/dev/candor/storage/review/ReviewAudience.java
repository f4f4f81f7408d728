package dev.candor.storage.review;

import dev.candor.storage.DbEnum;

/** Who takes part in a review cycle. */
public enum ReviewAudience implements DbEnum {
    EVERYONE,
    DEPARTMENTS,
    /** Everyone under a manager, at any depth. */
    ORGANISATION
}
