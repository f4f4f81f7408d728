package dev.candor.storage.review;

import dev.candor.storage.DbEnum;

/** Where a review cycle is: running, held by HR (no phase opens, nobody is reminded), or over. */
public enum ReviewState implements DbEnum {
    ACTIVE,
    PAUSED,
    CLOSED
}
