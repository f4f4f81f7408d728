package dev.candor.storage.ask;

import dev.candor.storage.DbEnum;

/** How often a feature's rounds come (a check-in, a pulse survey): each period opens one round. */
public enum Cadence implements DbEnum {
    WEEKLY,
    /** Every other week, counted from the week the series starts. */
    BIWEEKLY,
    /** On the first chosen weekday of each month. */
    MONTHLY,
    /** On the first chosen weekday of each quarter (January, April, July, October). */
    QUARTERLY
}
