package dev.candor.bot.pulse;

import dev.candor.bot.ask.AskExtra;
import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.DueAsk;
import dev.candor.scheduler.pulse.PulseRounds;
import dev.candor.storage.ask.Round;
import dev.candor.storage.people.PersonLookupDao;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Surveys as the asking engine knows them: what their asks say (the survey, who in HR sent it, and one line on what
 * happens to the answers), and who may read answers one by one: HR admins in a named survey, nobody in an anonymous
 * one (its results are aggregates only).
 */
final class PulseFeature implements AskFeature {

    @Override
    public String name() {
        return PulseRounds.FEATURE;
    }

    @Override
    public AskText text(Handle handle, Round round) {
        return survey(handle, round)
                .map(survey -> PulseAsk.text(
                        survey,
                        handle.attach(PersonLookupDao.class)
                                .findById(round.orgId(), survey.createdBy())
                                .map(person -> person.name())
                                .orElse(null)))
                .orElse(new AskText("Pulse survey", null));
    }

    @Override
    public Map<Long, AskExtra> extras(Handle handle, Round round, List<DueAsk> due) {
        Optional<Survey> survey = survey(handle, round);
        if (survey.isEmpty()) {
            return Map.of();
        }
        AskExtra extra = PulseAsk.extra(survey.get());
        Map<Long, AskExtra> extras = new HashMap<>();
        due.forEach(ask -> extras.put(ask.delivery().askId(), extra));
        return extras;
    }

    @Override
    public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
        return !round.anonymous() && viewer.isHrAdmin();
    }

    private static Optional<Survey> survey(Handle handle, Round round) {
        try {
            return handle.attach(SurveyDao.class).find(round.orgId(), Long.parseLong(round.subject()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
