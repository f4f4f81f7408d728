package dev.candor.scheduler.pulse;

import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.RoundCalendar;
import dev.candor.scheduler.ask.RoundSeries;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyCadence;
import dev.candor.storage.pulse.SurveyDao;
import dev.candor.storage.pulse.SurveyState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Surveys as series of engine rounds: an active survey at a date opens its one round then, a recurring one a round per
 * period of its calendar. A once-now survey is opened by its launch instead, and a paused or closed one opens nothing.
 */
public final class PulseSeries implements RoundSeries {
    private final PulseRounds rounds;

    public PulseSeries(PulseRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public String feature() {
        return PulseRounds.FEATURE;
    }

    @Override
    public List<Entry> active(Jdbi jdbi) {
        return jdbi.withExtension(SurveyDao.class, SurveyDao::listActive).stream()
                .filter(survey -> survey.cadence() != SurveyCadence.ONCE || survey.opensOn() != null)
                .map(survey -> new Entry(survey.orgId(), survey.id(), survey.subject(), due(survey)))
                .toList();
    }

    @Override
    public boolean open(Jdbi jdbi, Entry entry, RoundCalendar.Occurrence occurrence, Instant now) {
        Survey survey = jdbi.withExtension(SurveyDao.class, surveys -> surveys.find(entry.orgId(), entry.id()))
                .filter(found -> found.state() == SurveyState.ACTIVE)
                .orElse(null);
        if (survey == null) {
            return false;
        }
        List<Long> people = rounds.audience(jdbi, survey);
        return jdbi.inTransaction(handle -> rounds.open(
                        handle, survey, people, occurrence.period(), Opening.at(occurrence.opensLocal()), null)
                .isPresent());
    }

    /** When the survey's rounds open: its date, or its calendar from its first day (else its launch day). */
    public static Due due(Survey survey) {
        return survey.cadence() == SurveyCadence.ONCE
                ? RoundCalendar.once(survey.opensOn().atTime(survey.opensTime()))
                : calendar(survey);
    }

    public static RoundCalendar calendar(Survey survey) {
        LocalDate launched = survey.launchedAt() == null
                ? LocalDate.now(ZoneOffset.UTC)
                : LocalDate.ofInstant(survey.launchedAt(), ZoneOffset.UTC);
        return new RoundCalendar(
                survey.cadence().recurring().orElseThrow(),
                survey.day(),
                survey.opensTime(),
                survey.opensOn() != null ? survey.opensOn() : launched);
    }
}
