package dev.candor.storage.checkin;

import dev.candor.storage.DbEnum;

/** Who a check-in asks. */
public enum Audience implements DbEnum {
    /** The owner's direct reports, as the directory says on the day a round opens. */
    REPORTS,
    /** The members of a channel. */
    CHANNEL,
    /** People picked by name. */
    PEOPLE
}
