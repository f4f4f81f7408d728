package dev.candor.bot.checkin;

import dev.candor.bot.Candor;
import dev.candor.storage.ask.Cadence;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** A manager's weekly check-in of their reports (Friday 14:00, two working days), set up as its form would. */
public final class TestCheckins {
    private TestCheckins() {}

    /**
     * @param lines the questions, one per line as the setup form takes them
     * @param channel where answers are posted too, or null
     */
    public static void weekly(Candor candor, Jdbi jdbi, long orgId, long managerId, String lines, String channel) {
        var questions = candor.asking()
                .createQuestionnaire(
                        orgId, "checkin", Questions.parseCheckin(lines, null).questionnaire(), managerId);
        jdbi.onDemand(CheckinDao.class)
                .insert(
                        new Checkin(
                                0,
                                orgId,
                                managerId,
                                "Weekly check-in",
                                Audience.REPORTS,
                                null,
                                Cadence.WEEKLY,
                                5,
                                LocalTime.of(14, 0),
                                2,
                                questions.questionnaireId(),
                                channel,
                                LocalDate.parse("2026-11-30"),
                                true),
                        List.of());
    }
}
