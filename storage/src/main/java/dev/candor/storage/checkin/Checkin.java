package dev.candor.storage.checkin;

import dev.candor.storage.ask.Cadence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A check-in setup: who is asked which questions how often, and where the answers go.
 *
 * @param weekday ISO day of week (1 = Monday)
 * @param questionnaireId the asking engine's questionnaire holding the questions
 * @param standupChannel where answers are also posted as a stand-up, or null (privately to the owner only)
 * @param startsOn every-two-weeks counts its weeks from this day's week
 */
public record Checkin(
        long id,
        long orgId,
        long ownerId,
        String name,
        Audience audience,
        String audienceChannel,
        Cadence cadence,
        int weekday,
        LocalTime localTime,
        int deadlineDays,
        long questionnaireId,
        String standupChannel,
        LocalDate startsOn,
        boolean active) {

    /** The engine's subject of this check-in's rounds. */
    public String subject() {
        return subject(id);
    }

    public static String subject(long checkinId) {
        return "checkin:" + checkinId;
    }

    public DayOfWeek day() {
        return DayOfWeek.of(weekday);
    }
}
