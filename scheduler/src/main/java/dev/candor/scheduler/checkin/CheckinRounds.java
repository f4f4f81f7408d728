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
import org.jdbi.v3.core.Jdbi;

/**
 * Opens a check-in's round for a period through the asking engine's {@link Rounds}: check-ins decide only who, which
 * questionnaire version and the period's local opening; the engine plans each person's ask in their working time.
 */
public final class CheckinRounds {
    public static final String FEATURE = "checkin";

    private final Rounds rounds;
    private final ChannelMembers channels;

    public CheckinRounds(Rounds rounds, ChannelMembers channels) {
        this.rounds = rounds;
        this.channels = channels;
    }

    /**
     * Who the check-in asks now: the owner's reports as the directory has them, its picked people, or the members of
     * its channel as the platform lists them. Call it outside a transaction: a channel's members may take a call to
     * the platform.
     */
    public List<Long> audience(Jdbi jdbi, Checkin checkin) {
        if (checkin.audience() == Audience.CHANNEL) {
            return channels.personIds(checkin.orgId(), checkin.audienceChannel(), checkin.ownerId());
        }
        return jdbi.withHandle(handle -> members(handle, checkin));
    }

    /**
     * Opens the round of {@code period} in the caller's transaction for {@code people} (see {@link #audience}); empty
     * when it was opened before.
     *
     * @param opening the period's local opening, or {@link Opening#now()} for "send it now"
     */
    public Optional<OpenedRound> open(
            Handle handle,
            Checkin checkin,
            List<Long> people,
            String period,
            Opening opening,
            Instant now,
            Long openedBy) {
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
                        people,
                        openedBy));
    }

    /** The owner's reports as the directory has them now, or the check-in's picked people. */
    static List<Long> members(Handle handle, Checkin checkin) {
        CheckinDao checkins = handle.attach(CheckinDao.class);
        return checkin.audience() == Audience.REPORTS
                ? checkins.listReports(checkin.orgId(), checkin.ownerId())
                : checkins.listMembers(checkin.orgId(), checkin.id());
    }
}
