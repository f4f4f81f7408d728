package dev.candor.storage.pulse;

import dev.candor.storage.DbEnum;

/** Who a survey asks; its people are found again at each round. */
public enum SurveyAudience implements DbEnum {
    EVERYONE,
    /** The people of one or more departments. */
    DEPARTMENTS,
    /** Everyone under a person, at any depth. */
    ORGANISATION,
    /** The members of a channel when each round opens. */
    CHANNEL,
    /** People picked by name. */
    PEOPLE
}
