package dev.candor.storage.kudos;

import dev.candor.storage.DbEnum;

/** How often a giver's kudos allowance resets: at midnight in the giver's time zone. */
public enum AllowancePeriod implements DbEnum {
    DAY,
    WEEK,
    MONTH;
}
