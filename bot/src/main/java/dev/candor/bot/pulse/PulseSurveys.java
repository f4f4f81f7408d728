package dev.candor.bot.pulse;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.checkin.Questions;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.scheduler.pulse.PulseRounds;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.pulse.AudienceDao;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyAudience;
import dev.candor.storage.pulse.SurveyDao;
import dev.candor.storage.pulse.SurveyEditDao;
import dev.candor.storage.pulse.SurveyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Surveys before they are launched: a draft's settings and questions (an engine questionnaire, a new version on each
 * change), and the forms that edit them. Only HR admins get here (the handler checks).
 */
final class PulseSurveys {
    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Asking asking;

    PulseSurveys(Jdbi jdbi, PeopleDirectory directory, Asking asking) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.asking = asking;
    }

    Optional<Survey> find(Actor actor, long surveyId) {
        return jdbi.withExtension(SurveyDao.class, dao -> dao.find(actor.orgId(), surveyId));
    }

    List<Survey> list(Actor actor) {
        return jdbi.withExtension(SurveyDao.class, dao -> dao.listByOrg(actor.orgId()));
    }

    Form newForm(Actor actor) {
        return SettingsForm.of(PulseSettings.defaults(), departments(actor), List.of(), List.of(), SettingsForm.NEW);
    }

    Form settingsForm(Actor actor, Survey draft) {
        List<Long> picked = jdbi.withExtension(SurveyDao.class, dao -> dao.listPeople(actor.orgId(), draft.id()));
        List<Mention> manager =
                draft.audienceManagerId() == null ? List.of() : mentions(actor, List.of(draft.audienceManagerId()));
        return SettingsForm.of(
                PulseSettings.of(draft),
                departments(actor),
                manager,
                mentions(actor, picked),
                String.valueOf(draft.id()));
    }

    Form questionsForm(Survey survey) {
        return QuestionsForm.of(survey.id(), survey.name(), questions(survey));
    }

    /** The survey's current questions, as the engine has them. */
    Questionnaire questions(Survey survey) {
        return jdbi.withExtension(
                        QuestionnaireDao.class, dao -> dao.findLatest(survey.orgId(), survey.questionnaireId()))
                .map(version -> QuestionsJson.readQuestionnaire(version.questionsJson()))
                .orElse(PulseTemplates.BLANK.questions());
    }

    /**
     * Stores a new draft, or changes {@code existing}; a changed template replaces the questions with its own.
     *
     * @throws dev.candor.bot.people.ProfileSource.NoSuchUser when a picked person doesn't exist on the platform
     */
    Survey save(Actor actor, Survey existing, SettingsInput input) {
        PulseSettings settings = input.settings();
        Long manager = input.manager() == null
                ? null
                : directory
                        .personFor(actor, new Mention(input.manager(), input.manager()))
                        .id();
        List<Long> people = new ArrayList<>();
        for (String userId : input.people()) {
            people.add(directory.personFor(actor, new Mention(userId, userId)).id());
        }
        long questionnaire;
        if (existing == null) {
            questionnaire = asking.createQuestionnaire(
                            actor.orgId(),
                            PulseRounds.FEATURE,
                            settings.template().questions(),
                            actor.personId())
                    .questionnaireId();
        } else {
            questionnaire = existing.questionnaireId();
            if (existing.template() != settings.template().stored()) {
                asking.editQuestionnaire(
                        actor.orgId(), questionnaire, settings.template().questions(), actor.personId());
            }
        }
        Survey row = row(actor, existing, settings, questionnaire, manager, input.channel());
        if (existing == null) {
            return jdbi.withExtension(SurveyDao.class, dao -> dao.insert(row, people));
        }
        return jdbi.inTransaction(handle -> {
            SurveyDao dao = handle.attach(SurveyDao.class);
            handle.attach(SurveyEditDao.class).update(row, row.departmentsArray());
            dao.replacePeople(actor.orgId(), existing.id(), people);
            return dao.find(actor.orgId(), existing.id()).orElseThrow();
        });
    }

    /**
     * Reads typed question lines into the survey's next questionnaire version (kept as it is when unchanged); the
     * mistakes to show instead, when there are any.
     */
    Optional<String> saveQuestions(Actor actor, Survey survey, String lines) {
        Questionnaire current = questions(survey);
        Questions.Parsed parsed = Questions.parse(lines, current);
        if (parsed.error() != null) {
            return Optional.of(parsed.error());
        }
        if (!parsed.questionnaire().equals(current)) {
            asking.editQuestionnaire(actor.orgId(), survey.questionnaireId(), parsed.questionnaire(), actor.personId());
        }
        return Optional.empty();
    }

    private List<String> departments(Actor actor) {
        return jdbi.withExtension(AudienceDao.class, dao -> dao.departments(actor.orgId()));
    }

    /** The people as the actor's platform can show them (those without an account there are left out). */
    private List<Mention> mentions(Actor actor, List<Long> personIds) {
        List<Mention> mentions = new ArrayList<>();
        for (Contact contact : jdbi.withExtension(ContactDao.class, dao -> dao.list(actor.orgId(), personIds))) {
            if (contact.platform() == actor.platform() && contact.reachable()) {
                mentions.add(new Mention(contact.platformUserId(), contact.name()));
            }
        }
        return mentions;
    }

    private static Survey row(
            Actor actor, Survey existing, PulseSettings settings, long questionnaire, Long manager, String channel) {
        boolean inChannel = settings.audience() == SurveyAudience.CHANNEL;
        String keptChannel = existing == null ? null : existing.audienceChannel();
        return new Survey(
                existing == null ? 0 : existing.id(),
                actor.orgId(),
                settings.name(),
                settings.template().stored(),
                questionnaire,
                settings.anonymous(),
                settings.minGroup(),
                settings.audience(),
                settings.audience() == SurveyAudience.DEPARTMENTS ? settings.departments() : List.of(),
                settings.audience() == SurveyAudience.ORGANISATION ? manager : null,
                inChannel ? (channel != null ? channel : keptChannel) : null,
                inChannel ? actor.platform() : null,
                settings.schedule().cadence(),
                settings.opensOn(),
                settings.time(),
                settings.day().getValue(),
                settings.deadlineDays(),
                settings.reminders(),
                SurveyState.DRAFT,
                existing == null ? actor.personId() : existing.createdBy(),
                null,
                null,
                null);
    }
}
