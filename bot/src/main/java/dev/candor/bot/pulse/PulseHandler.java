package dev.candor.bot.pulse;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.ProfileSource;
import dev.candor.storage.pulse.AudienceDao;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyState;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /pulse …} for HR admins: create a survey in three steps (settings, questions, preview), launch, list, pause,
 * resume and close it. Everyone else is told politely who can. Buttons and forms whose ids start with {@code pulse.}
 * come here too.
 */
public final class PulseHandler implements CommandHandler, Handlers.ActionHandler, Handlers.FormHandler {
    private final Jdbi jdbi;
    private final PulseSurveys surveys;
    private final PulseRunning running;
    private final PulsePreview preview;
    private final PulseWords words;
    private final Clock clock;

    PulseHandler(
            Jdbi jdbi,
            PulseSurveys surveys,
            PulseRunning running,
            PulsePreview preview,
            PulseWords words,
            Clock clock) {
        this.jdbi = jdbi;
        this.surveys = surveys;
        this.running = running;
        this.preview = preview;
        this.words = words;
        this.clock = clock;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        if (command.verb().equals("help")) {
            return Reply.privately(PulseMessages.help(actor.platform()));
        }
        if (!actor.isHrAdmin()) {
            return Reply.privately(notHr(actor));
        }
        String rest = command.text().substring(command.verb().length()).strip();
        return switch (command.verb()) {
            case "", "new", "create" -> Reply.form(surveys.newForm(actor));
            case "list" -> Reply.privately(list(actor));
            case "pause" -> Reply.privately(named(actor, "pause", rest, running::pause));
            case "resume" -> Reply.privately(named(actor, "resume", rest, running::resume));
            case "close" -> Reply.privately(named(actor, "close", rest, running::close));
            default -> Reply.privately(PulseMessages.help(actor.platform()));
        };
    }

    @Override
    public Reply handle(Action action) {
        Actor actor = action.actor();
        if (!actor.isHrAdmin()) {
            return Reply.privately(notHr(actor));
        }
        if (action.actionId().equals(PulseMessages.EDIT)) {
            return draft(actor, action.value())
                    .<Reply>map(found -> Reply.form(surveys.settingsForm(actor, found)))
                    .orElseGet(() -> Reply.privately(PulseMessages.gone(actor.platform())));
        }
        return Reply.privately(PulseMessages.help(actor.platform()));
    }

    @Override
    public Reply handle(FormSubmission form) {
        Actor actor = form.actor();
        if (!actor.isHrAdmin()) {
            return Reply.privately(notHr(actor));
        }
        if (form.formId().equals(SettingsForm.FORM_ID)) {
            return settings(form);
        }
        Optional<Survey> found = draft(actor, form.context());
        if (found.isEmpty()) {
            return Reply.privately(PulseMessages.gone(actor.platform()));
        }
        Survey draft = found.get();
        if (form.formId().equals(QuestionsForm.FORM_ID)) {
            Optional<String> mistake = surveys.saveQuestions(actor, draft, form.text(QuestionsForm.QUESTIONS));
            return mistake.<Reply>map(text -> new Reply.FormErrors(Map.of(QuestionsForm.QUESTIONS, text)))
                    .orElseGet(() -> Reply.form(preview.form(actor, draft)));
        }
        return switch (form.text(PreviewForm.NEXT)) {
            case PreviewForm.SETTINGS -> Reply.form(surveys.settingsForm(actor, draft));
            case PreviewForm.QUESTIONS -> Reply.form(surveys.questionsForm(draft));
            case PreviewForm.DRAFT -> Reply.privately(PulseMessages.draftKept(actor.platform(), draft));
            default -> launch(actor, draft);
        };
    }

    private Reply settings(FormSubmission form) {
        Actor actor = form.actor();
        Survey existing = null;
        if (!SettingsForm.NEW.equals(form.context())) {
            Optional<Survey> found = draft(actor, form.context());
            if (found.isEmpty()) {
                return Reply.privately(PulseMessages.gone(actor.platform()));
            }
            existing = found.get();
        }
        SettingsInput input = SettingsInput.read(form, LocalDate.now(clock.withZone(actor.zone())));
        if (!input.errors().isEmpty()) {
            return new Reply.FormErrors(input.errors());
        }
        try {
            return Reply.form(surveys.questionsForm(surveys.save(actor, existing, input)));
        } catch (ProfileSource.NoSuchUser unknown) {
            return new Reply.FormErrors(Map.of(
                    input.manager() != null ? SettingsForm.MANAGER : SettingsForm.PEOPLE,
                    "One of these people isn't in this workspace: pick them again."));
        }
    }

    /** Launches after checking that someone would be asked; otherwise the preview says what to change. */
    private Reply launch(Actor actor, Survey draft) {
        Optional<List<Long>> people = running.audience(draft);
        if (people.isEmpty()) {
            return new Reply.FormErrors(
                    Map.of(PreviewForm.NEXT, PulseMessages.channelUnlisted().fallbackText()));
        }
        if (people.get().isEmpty()) {
            return new Reply.FormErrors(Map.of(
                    PreviewForm.NEXT,
                    PulseMessages.emptyAudience(words.audience(draft)).fallbackText()));
        }
        return Reply.privately(running.launch(actor, draft, people.get()));
    }

    private Message list(Actor actor) {
        return PulseList.of(
                actor.platform(),
                surveys.list(actor).stream()
                        .map(survey -> new PulseList.Row(
                                survey, words.audience(survey), words.schedule(survey), running.latest(survey)))
                        .toList());
    }

    /** A command about one survey, found by words of its name; unclear or unknown: the names to choose from. */
    private Message named(Actor actor, String verb, String typed, BiFunction<Actor, Survey, Message> then) {
        List<String> wanted = List.of(typed.toLowerCase(Locale.ROOT).split("\\s+")).stream()
                .filter(word -> !word.isEmpty())
                .toList();
        List<Survey> open = surveys.list(actor).stream()
                .filter(survey -> survey.state() == SurveyState.ACTIVE || survey.state() == SurveyState.PAUSED)
                .toList();
        List<Survey> matching = open.stream()
                .filter(survey -> !wanted.isEmpty()
                        && wanted.stream().allMatch(survey.name().toLowerCase(Locale.ROOT)::contains))
                .toList();
        Optional<Survey> exact = matching.stream()
                .filter(survey -> survey.name().equalsIgnoreCase(typed))
                .findFirst();
        if (exact.isPresent()) {
            return then.apply(actor, exact.get());
        }
        if (matching.size() == 1) {
            return then.apply(actor, matching.get(0));
        }
        return PulseMessages.choose(actor.platform(), verb, typed, matching.isEmpty() ? open : matching);
    }

    private Optional<Survey> draft(Actor actor, String id) {
        try {
            return surveys.find(actor, Long.parseLong(id == null ? "" : id.strip()))
                    .filter(survey -> survey.state() == SurveyState.DRAFT);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Message notHr(Actor actor) {
        return PulseMessages.notHr(jdbi.withExtension(AudienceDao.class, dao -> dao.hrAdmins(actor.orgId())));
    }
}
