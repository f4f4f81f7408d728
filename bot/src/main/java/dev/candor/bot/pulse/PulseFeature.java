package dev.candor.bot.pulse;

import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Actor;
import dev.candor.storage.ask.Round;
import dev.candor.storage.people.PersonLookupDao;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyDao;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/**
 * Pulse surveys as the asking engine knows them: what their asks say (plainly whether the answers are anonymous), who
 * may read one person's answers (HR, and only of a named survey), and the smallest group whose results are shown,
 * which also bounds what each answer keeps of its author's groups.
 */
public final class PulseFeature implements AskFeature {
    static final String ANONYMOUS_NOTE =
            "Anonymous: nobody, HR included, can see who answered what; results show only for groups of %d or more.";
    static final String NAMED_NOTE = "Named survey: HR sees your name with your answers.";

    @Override
    public String name() {
        return Survey.FEATURE;
    }

    @Override
    public AskText text(Handle handle, Round round) {
        Optional<Survey> survey = survey(handle, round);
        String by = survey.flatMap(
                        found -> handle.attach(PersonLookupDao.class).findById(round.orgId(), found.createdBy()))
                .map(person -> person.name())
                .orElse(null);
        return text(
                survey.map(Survey::name).orElse("Pulse survey"),
                by,
                round.anonymous(),
                survey.map(Survey::minGroup).orElse(5));
    }

    /** What a survey's asks say; HR's preview shows the same before launching. */
    static AskText text(Survey survey, String by) {
        return text(survey.name(), by, survey.anonymous(), survey.minGroup());
    }

    private static AskText text(String name, String by, boolean anonymous, int minGroup) {
        return new AskText(name, by, anonymous ? ANONYMOUS_NOTE.formatted(minGroup) : NAMED_NOTE);
    }

    /** One person's answers: nobody's in an anonymous survey; HR admins' in a named one. */
    @Override
    public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
        return !round.anonymous() && viewer.isHrAdmin();
    }

    /** HR admins write to the anonymous authors of comments (they read the results). */
    @Override
    public boolean mayReply(Handle handle, Actor viewer, Round round) {
        return viewer.isHrAdmin();
    }

    @Override
    public OptionalInt groupMinimum(Handle handle, Round round) {
        return survey(handle, round)
                .map(found -> OptionalInt.of(found.minGroup()))
                .orElse(OptionalInt.empty());
    }

    static Optional<Survey> survey(Handle handle, Round round) {
        try {
            return handle.attach(SurveyDao.class).find(round.orgId(), Long.parseLong(round.subject()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
