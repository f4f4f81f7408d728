package dev.candor.storage.pulse;

import dev.candor.storage.DbEnum;

/** A survey's life: drafted and previewed, launched, paused (no new rounds, no reminders), closed. */
public enum SurveyState implements DbEnum {
    DRAFT,
    ACTIVE,
    PAUSED,
    CLOSED
}
