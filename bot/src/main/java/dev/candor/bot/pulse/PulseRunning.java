package dev.candor.bot.pulse;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.scheduler.ask.OpenedRound;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.pulse.PulseRounds;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyDao;
import dev.candor.storage.pulse.SurveyRoundDao;
import dev.candor.storage.pulse.SurveyState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A survey's life after its draft: launch (a once-now survey's round opens at once through the engine; later and
 * recurring rounds are opened by the engine's series job), pause (no new rounds, no reminders), resume and close
 * (open rounds end; who hasn't answered is asked no more).
 */
final class PulseRunning {
    private static final Logger log = LoggerFactory.getLogger(PulseRunning.class);

    /** Every state a survey can be closed from. */
    private static final String[] OPEN = {"draft", "active", "paused"};

    private final Jdbi jdbi;
    private final PulseRounds rounds;
    private final PulseWords words;
    private final Clock clock;

    PulseRunning(Jdbi jdbi, PulseRounds rounds, PulseWords words, Clock clock) {
        this.jdbi = jdbi;
        this.rounds = rounds;
        this.words = words;
        this.clock = clock;
    }

    /** Who it would ask now; empty when the channel's platform can't say (see {@link PulseRounds#audience}). */
    Optional<List<Long>> audience(Survey survey) {
        try {
            return Optional.of(rounds.audience(jdbi, survey));
        } catch (RuntimeException unlisted) {
            log.warn(
                    "audience of survey {} of org {} not listed: {}",
                    survey.id(),
                    survey.orgId(),
                    unlisted.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Launches the draft for these people (its audience, resolved by the caller and not empty): active from now on;
     * a once-now survey asks everyone in working time at once and the rest at their next working morning.
     */
    Message launch(Actor actor, Survey draft, List<Long> people) {
        Instant now = clock.instant();
        if (move(draft, List.of(SurveyState.DRAFT), SurveyState.ACTIVE).isEmpty()) {
            return PulseMessages.gone(actor.platform());
        }
        PulseSettings.Schedule schedule = PulseSettings.Schedule.of(draft.cadence(), draft.opensOn());
        if (schedule != PulseSettings.Schedule.NOW) {
            LocalDate today = LocalDate.ofInstant(now, actor.zone());
            return PulseMessages.scheduled(
                    actor.platform(), draft, people.size(), words.schedule(draft) + words.first(draft, today));
        }
        Optional<OpenedRound> opened = jdbi.inTransaction(
                handle -> rounds.open(handle, draft, people, PulseRounds.ONCE, Opening.now(), actor.personId()));
        if (opened.isEmpty()) {
            return PulseMessages.scheduled(actor.platform(), draft, people.size(), words.schedule(draft));
        }
        rounds.rounds().openNow(opened.get().round().id());
        return PulseMessages.launched(
                actor.platform(),
                draft,
                opened.get().pending().size() - opened.get().later(now).size(),
                opened.get().later(now).size(),
                opened.get().skipped().size());
    }

    /** No new rounds, and no reminders in the open ones, until resumed. */
    Message pause(Actor actor, Survey survey) {
        if (move(survey, List.of(SurveyState.ACTIVE), SurveyState.PAUSED).isEmpty()) {
            return PulseMessages.cannot(actor.platform(), survey, "pause", "only an active survey can be paused");
        }
        int held = 0;
        for (long round : openRounds(survey)) {
            held += rounds.rounds().holdReminders(actor.orgId(), round);
        }
        return PulseMessages.paused(actor.platform(), survey, held);
    }

    Message resume(Actor actor, Survey survey) {
        if (move(survey, List.of(SurveyState.PAUSED), SurveyState.ACTIVE).isEmpty()) {
            return PulseMessages.cannot(actor.platform(), survey, "resume", "only a paused survey can be resumed");
        }
        for (long round : openRounds(survey)) {
            rounds.rounds().resumeReminders(actor.orgId(), round);
        }
        return PulseMessages.resumed(survey, words.schedule(survey));
    }

    /** Closed for good: its open rounds end now, keeping the answers given; nobody is asked or reminded again. */
    Message close(Actor actor, Survey survey) {
        Instant now = clock.instant();
        Integer ended = jdbi.inTransaction(handle -> {
            if (handle.attach(SurveyDao.class)
                    .move(actor.orgId(), survey.id(), OPEN, SurveyState.CLOSED, now)
                    .isEmpty()) {
                return null;
            }
            int count = 0;
            for (long round : handle.attach(SurveyRoundDao.class).openRounds(actor.orgId(), survey.subject())) {
                count += handle.attach(RoundDao.class).cancel(actor.orgId(), round, now) ? 1 : 0;
            }
            return count;
        });
        return ended == null
                ? PulseMessages.cannot(actor.platform(), survey, "close", "it is closed already")
                : PulseMessages.closed(survey, ended);
    }

    /** The answers of the survey's latest round, as "answered of asked", or null before its first round. */
    AskCounts latest(Survey survey) {
        return jdbi.withHandle(handle -> handle.attach(SurveyRoundDao.class)
                .latestRound(survey.orgId(), survey.subject())
                .map(round -> handle.attach(RoundDao.class).countAsks(survey.orgId(), round))
                .orElse(null));
    }

    /** The survey moved from one of {@code from} to {@code to}; empty when it was in none of them. */
    private Optional<Survey> move(Survey survey, List<SurveyState> from, SurveyState to) {
        String[] states = from.stream().map(SurveyState::dbValue).toArray(String[]::new);
        return jdbi.withExtension(
                SurveyDao.class, dao -> dao.move(survey.orgId(), survey.id(), states, to, clock.instant()));
    }

    private List<Long> openRounds(Survey survey) {
        return jdbi.withExtension(SurveyRoundDao.class, dao -> dao.openRounds(survey.orgId(), survey.subject()));
    }
}
