package dev.candor.storage.plan;

import dev.candor.storage.DbEnum;

/** Where an improvement plan is: running (extending one keeps it open), or over with its outcome. */
public enum PlanState implements DbEnum {
    OPEN,
    COMPLETED,
    ENDED
}
