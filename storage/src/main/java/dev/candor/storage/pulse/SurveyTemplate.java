package dev.candor.storage.pulse;

import dev.candor.storage.DbEnum;

/** Where a survey's questions started from. */
public enum SurveyTemplate implements DbEnum {
    ENPS,
    ENGAGEMENT,
    WELLBEING,
    BLANK
}
