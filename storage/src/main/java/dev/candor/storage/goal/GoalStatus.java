package dev.candor.storage.goal;

import dev.candor.storage.DbEnum;

/** How a goal is going, as its owner says. */
public enum GoalStatus implements DbEnum {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    DONE;

    /** The words people type and read: "on track", "at risk". */
    public String words() {
        return dbValue().replace('_', ' ');
    }
}
