package dev.candor.bot.oneonone;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Which meeting a notes button or form is about: {@code 42|2026-03-03T10:00}. */
record NotesContext(long oneOnOneId, LocalDateTime meeting) {

    static String of(long oneOnOneId, LocalDateTime meeting) {
        return oneOnOneId + "|" + meeting;
    }

    /** The context, or null when it isn't one (an old or forged button). */
    static NotesContext parse(String text) {
        if (text == null) {
            return null;
        }
        int bar = text.indexOf('|');
        try {
            return bar < 0
                    ? null
                    : new NotesContext(
                            Long.parseLong(text.substring(0, bar)), LocalDateTime.parse(text.substring(bar + 1)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
