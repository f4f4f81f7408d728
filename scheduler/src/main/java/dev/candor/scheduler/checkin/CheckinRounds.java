package dev.candor.scheduler.checkin;

import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.OpenedRound;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Opens a check-in's round for a period through the asking engine's {@link Rounds}: check-ins decide only who, which
 * questionnaire version and the period's local opening; the engine plans each person's ask in their working time.
 */
public final class CheckinRounds {
    public static final String FEATURE = "checkin";

    private final Rounds rounds;

    public CheckinRounds(Rounds rounds) {
        this.rounds = rounds;
    }

    /**
     * Opens the round of {@code period} in the caller's transaction; empty when it was opened before.
     *
     * @param opening the period's local opening, or {@link Opening#now()} for "send it now"
     */
    public Optional<OpenedRound> open(
            Handle handle, Checkin checkin, String period, Opening opening, Instant now, Long openedBy) {
        QuestionnaireVersion version = handle.attach(QuestionnaireDao.class)
                .findLatest(checkin.orgId(), checkin.questionnaireId())
                .orElseThrow(() -> new IllegalStateException("check-in " + checkin.id() + " has no questions"));
        RoundTiming timing =
                new RoundTiming(opening, Deadline.workingDays(checkin.deadlineDays()), ReminderPlan.defaults());
        return rounds.open(
                handle,
                new RoundRequest(
                        checkin.orgId(),
                        FEATURE,
                        checkin.subject(),
                        period,
                        checkin.questionnaireId(),
                        version.version(),
                        timing,
                        false,
                        members(handle, checkin),
                        openedBy));
    }

    /** Who the check-in asks today: the owner's reports as the directory has them now, or its stored people. */
    public static List<Long> members(Handle handle, Checkin checkin) {
        CheckinDao checkins = handle.attach(CheckinDao.class);
        return checkin.audience() == Audience.REPORTS
                ? checkins.listReports(checkin.orgId(), checkin.ownerId())
                : checkins.listMembers(checkin.orgId(), checkin.id());
    }
}
