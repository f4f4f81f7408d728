package dev.candor.bot.oneonone;

import dev.candor.bot.ask.Asking;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.scheduler.oneonone.Cadence;
import dev.candor.scheduler.oneonone.MeetingPlanner;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.oneonone.OneOnOne;
import dev.candor.storage.oneonone.OneOnOneDao;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A 1:1's meetings as rounds of the asking engine: the round of a meeting is opened when the 1:1 is scheduled and
 * then each time the previous meeting's round closes; cancelling or moving the 1:1 cancels its open round.
 */
final class MeetingRounds {
    private final Rounds rounds;
    private final Clock clock;
    private final MeetingPlanner planner = new MeetingPlanner();

    MeetingRounds(Asking asking, Clock clock) {
        this.rounds = asking.rounds();
        this.clock = clock;
    }

    static Cadence cadence(OneOnOne oneOnOne) {
        return new Cadence(
                oneOnOne.everyWeeks(),
                DayOfWeek.of(oneOnOne.weekday()),
                oneOnOne.localTime(),
                Cadence.zone(oneOnOne.zone()));
    }

    /** Opens the round of {@code meeting} for both people, in the caller's transaction, and records it as current. */
    void open(Handle handle, OneOnOne oneOnOne, LocalDateTime meeting) {
        Cadence cadence = cadence(oneOnOne);
        QuestionnaireVersion questions = questionnaire(handle, oneOnOne.orgId());
        rounds.open(
                handle,
                new RoundRequest(
                        oneOnOne.orgId(),
                        MeetingPlanner.FEATURE,
                        MeetingPlanner.subject(oneOnOne.id()),
                        MeetingPlanner.period(meeting, oneOnOne.revision()),
                        questions.questionnaireId(),
                        questions.version(),
                        planner.timing(cadence, meeting),
                        false,
                        List.of(oneOnOne.managerId(), oneOnOne.reportId()),
                        oneOnOne.managerId()));
        handle.attach(OneOnOneDao.class)
                .markMeeting(oneOnOne.orgId(), oneOnOne.id(), meeting, cadence.remindAt(meeting));
    }

    /** After {@code meeting}'s round closed: the round of the next meeting still to come. */
    void openNext(Handle handle, OneOnOne oneOnOne, LocalDateTime meeting) {
        open(handle, oneOnOne, planner.following(cadence(oneOnOne), meeting, clock.instant()));
    }

    /** Cancels the 1:1's open rounds (it was cancelled): nobody is reminded or asked for notes again. */
    void cancelAll(Handle handle, long orgId, long oneOnOneId) {
        cancel(handle, orgId, oneOnOneId, false);
    }

    /**
     * Cancels the round of a meeting that hasn't started (the 1:1 moved): a past meeting's round still takes notes
     * until its deadline, but no longer leads on to another meeting (it isn't the 1:1's current one).
     */
    void cancelUpcoming(Handle handle, long orgId, long oneOnOneId) {
        cancel(handle, orgId, oneOnOneId, true);
    }

    /** True when {@code round} is the 1:1's current meeting (a moved 1:1's older rounds are not). */
    static boolean current(OneOnOne oneOnOne, Round round) {
        return round.period().equals(MeetingPlanner.period(oneOnOne.occurrence(), oneOnOne.revision()));
    }

    private void cancel(Handle handle, long orgId, long oneOnOneId, boolean upcomingOnly) {
        RoundDao dao = handle.attach(RoundDao.class);
        Instant now = clock.instant();
        for (Round round : dao.listOpenOf(orgId, MeetingPlanner.FEATURE, MeetingPlanner.subject(oneOnOneId))) {
            boolean started = round.opensAt() != null
                    && !round.opensAt().plus(Cadence.REMIND_BEFORE).isAfter(now);
            if (!upcomingOnly || !started) {
                dao.cancel(orgId, round.id(), now);
            }
        }
    }

    /** The organisation's 1:1 questionnaire, stored the first time a 1:1 needs it. */
    private static QuestionnaireVersion questionnaire(Handle handle, long orgId) {
        QuestionnaireDao dao = handle.attach(QuestionnaireDao.class);
        return dao.findLatestOfFeature(orgId, MeetingPlanner.FEATURE)
                .orElseGet(() -> dao.insert(
                        orgId, MeetingPlanner.FEATURE, QuestionsJson.write(MeetingNotes.questionnaire()), null));
    }
}
