package dev.candor.storage.checkin;

import dev.candor.storage.DbEnum;

/** How often a check-in asks. */
public enum Cadence implements DbEnum {
    WEEKLY,
    /** Every other week, counted from the week the check-in starts. */
    BIWEEKLY,
    /** On the first chosen weekday of each month. */
    MONTHLY
}
