package dev.candor.storage.goal;

import dev.candor.storage.DbEnum;

/** How a goal's progress is measured. */
public enum GoalMeasure implements DbEnum {
    /** 0 to 100 %. */
    PERCENT,
    /** A number from a start to a target, with a unit ({@code from 0 to 120 customers}). */
    NUMBER,
    /** Done or not done (1 or 0). */
    DONE
}
