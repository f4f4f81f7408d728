package dev.candor.bot.ask;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.AskDraftDao;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.ask.SkipReason;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The Answer button ({@code ask.answer}) opens the ask's form, filled with the previous answer; the form's
 * submission is checked (mistakes shown next to their questions, nothing typed lost), stored, and the ask's DM
 * turns into "answered ✓". Only the person asked may answer, and only until the deadline.
 */
public final class AskHandler implements Handlers.ActionHandler, Handlers.FormHandler {
    static final String CLOSED = "This can no longer be answered: its deadline has passed.";
    static final String DECLINED = "You declined this one, so there is nothing to answer.";
    static final String CANCELLED = "This was cancelled, so it can no longer be answered.";
    static final String NOT_YOURS = "This question was sent to someone else.";
    static final String FINAL = "Your anonymous answer is in; it can't be changed.";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AskFeatures features;
    private final AnswerStore store;
    private static final com.fasterxml.jackson.databind.ObjectMapper DRAFTS =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private final QuestionnaireVersions questionnaires = new QuestionnaireVersions();

    AskHandler(Jdbi jdbi, Clock clock, AskFeatures features, AnswerStore store) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.features = features;
        this.store = store;
    }

    @Override
    public Reply handle(Action action) {
        if (AskMessages.DECLINE.equals(action.actionId())) {
            return jdbi.inTransaction(handle -> declineForm(handle, action.actor(), askId(action.value())));
        }
        if (!AskMessages.ANSWER.equals(action.actionId())) {
            return Reply.privately("That button is no longer supported.");
        }
        return jdbi.inTransaction(handle -> open(handle, action.actor(), askId(action.value())));
    }

    /** The form of the person's ask, as {@code /checkin} (or any feature's command) would open it. */
    public Reply open(Actor actor, long askId) {
        return jdbi.inTransaction(handle -> open(handle, actor, askId));
    }

    private Reply open(Handle handle, Actor actor, long askId) {
        Optional<Ask> found = handle.attach(AskDao.class).find(actor.orgId(), askId);
        Optional<Reply> refused = refusal(found, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Ask ask = found.get();
        Round round =
                handle.attach(RoundDao.class).find(ask.orgId(), ask.roundId()).orElseThrow();
        if (!store.canChange(round, ask)) {
            return Reply.privately(FINAL);
        }
        var questionnaire = questionnaires.of(handle, round);
        Optional<Map<String, List<String>>> draft = round.anonymous()
                ? Optional.empty()
                : handle.attach(AskDraftDao.class).find(ask.orgId(), ask.id()).map(AskHandler::draftValues);
        Map<String, List<String>> given = draft.orElseGet(() -> store.previous(handle, round, ask)
                .map(answers -> answers.formValues(questionnaire))
                .orElse(Map.of()));
        Form form = AskForms.form(
                features.text(handle, round),
                ask.id(),
                questionnaire,
                given,
                ask.dueAt(),
                actor.zone(),
                goals ->
                        round.anonymous() ? List.of() : features.goalQuestions().inputs(handle, actor, goals, given),
                features.formIntro(handle, actor, round, ask),
                features.formInputs(handle, actor, round, ask));
        boolean longAnswers = questionnaire.questions().stream()
                .anyMatch(question -> question instanceof Question.Text text && text.multiline());
        if (round.anonymous() || !longAnswers) {
            return Reply.form(form);
        }
        if (draft.isPresent()) {
            List<Block> intro = new java.util.ArrayList<>(form.intro());
            intro.add(new Block.Context(Text.of("💾 Your draft is filled in: send it when it is ready.")));
            form = new Form(form.formId(), form.title(), form.submitLabel(), intro, form.inputs(), form.context());
        }
        return Reply.form(form.withDrafts());
    }

    /**
     * Keeps what the person typed, unchecked, when they close the form unsent (or save it for later): the form opens
     * with it again until they send their answer. Only their own ask, while it takes answers, never an anonymous one.
     */
    private Reply saveDraft(Handle handle, FormSubmission submission) {
        Actor actor = submission.actor();
        Optional<Ask> found = handle.attach(AskDao.class).find(actor.orgId(), askId(submission.context()));
        Optional<Reply> refused = refusal(found, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Ask ask = found.get();
        Round round =
                handle.attach(RoundDao.class).find(ask.orgId(), ask.roundId()).orElseThrow();
        if (round.anonymous()) {
            return Reply.privately("Anonymous answers are never kept as drafts: send it, or type it again later.");
        }
        handle.attach(AskDraftDao.class).save(ask.orgId(), ask.id(), draftJson(submission.values()), clock.instant());
        return open(handle, actor, ask.id());
    }

    private static String draftJson(Map<String, List<String>> values) {
        try {
            return DRAFTS.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a draft that can't be written as JSON", e);
        }
    }

    private static Map<String, List<String>> draftValues(String json) {
        try {
            return DRAFTS.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }

    @Override
    public Reply handle(FormSubmission submission) {
        if (AskForms.DECLINE_ID.equals(submission.formId())) {
            return jdbi.inTransaction(handle -> decline(handle, submission));
        }
        if ((AskForms.FORM_ID + Form.DRAFT).equals(submission.formId())) {
            return jdbi.inTransaction(handle -> saveDraft(handle, submission));
        }
        if (!AskForms.FORM_ID.equals(submission.formId())) {
            return Reply.privately("That form is no longer supported.");
        }
        return jdbi.inTransaction(handle -> submit(handle, submission));
    }

    private Reply submit(Handle handle, FormSubmission submission) {
        Actor actor = submission.actor();
        Optional<Ask> found = handle.attach(AskDao.class).lock(actor.orgId(), askId(submission.context()));
        Optional<Reply> refused = refusal(found, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Ask ask = found.get();
        Round round =
                handle.attach(RoundDao.class).find(ask.orgId(), ask.roundId()).orElseThrow();
        if (!store.canChange(round, ask)) {
            return Reply.privately(FINAL);
        }
        Questionnaire questionnaire = questionnaires.of(handle, round);
        Answers.Check check = Answers.check(questionnaire, submission.values());
        if (check instanceof Answers.Check.Invalid invalid) {
            return new Reply.FormErrors(invalid.errors());
        }
        Answers answers = ((Answers.Check.Valid) check).answers();
        List<Question.Goals> goalQuestions = round.anonymous()
                ? List.of() // a goal's update says who made it: never from an anonymous answer
                : questionnaire.questions().stream()
                        .filter(Question.Goals.class::isInstance)
                        .map(Question.Goals.class::cast)
                        .toList();
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        goalQuestions.forEach(goals ->
                problems.putAll(features.goalQuestions().problems(handle, actor, goals, answers.progress(goals.id()))));
        problems.putAll(features.formProblems(handle, round, ask, submission));
        if (!problems.isEmpty()) {
            return new Reply.FormErrors(problems);
        }
        AskText text = features.text(handle, round);
        features.formAccepted(handle, round, ask, submission);
        store.save(handle, round, ask, answers, text, actor.zone());
        handle.attach(AskDraftDao.class).delete(ask.orgId(), ask.id());
        goalQuestions.forEach(goals -> features.goalQuestions()
                .apply(handle, actor, ask, goals, answers.progress(goals.id()), submission.sourceKey()));
        return Reply.privately(new Message(
                "Thanks, your answer is saved.",
                AskMessages.answered(text, ask.id(), ask.dueAt(), actor.zone()).blocks()));
    }

    /** The decline form: a reason, optional; only for a pending ask of a feature that lets people decline. */
    private Reply declineForm(Handle handle, Actor actor, long askId) {
        Optional<Ask> found = handle.attach(AskDao.class).find(actor.orgId(), askId);
        Optional<Reply> refused = declineRefusal(handle, found, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Round round = handle.attach(RoundDao.class)
                .find(found.get().orgId(), found.get().roundId())
                .orElseThrow();
        return Reply.form(AskForms.declineForm(features.text(handle, round), askId));
    }

    private Reply decline(Handle handle, FormSubmission submission) {
        Actor actor = submission.actor();
        Optional<Ask> found = handle.attach(AskDao.class).lock(actor.orgId(), askId(submission.context()));
        Optional<Reply> refused = declineRefusal(handle, found, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Ask ask = found.get();
        Round round =
                handle.attach(RoundDao.class).find(ask.orgId(), ask.roundId()).orElseThrow();
        AskText text = features.text(handle, round);
        handle.attach(AskDao.class).skip(ask.orgId(), ask.id(), SkipReason.DECLINED);
        String reason = submission.text(AskForms.REASON).strip();
        features.declined(handle, round, ask.id(), ask.personId(), reason);
        AnswerStore.markDms(handle, ask, ":declined", AskMessages.declined(text));
        return Reply.privately(new Message(
                "Declined: " + text.title(), AskMessages.declined(text).blocks()));
    }

    /** Only the person's own pending ask, before its deadline, of a feature that lets people decline. */
    private Optional<Reply> declineRefusal(Handle handle, Optional<Ask> ask, Actor actor) {
        Optional<Reply> refused = refusal(ask, actor);
        if (refused.isPresent()) {
            return refused;
        }
        if (ask.get().state() != dev.candor.storage.ask.AskState.PENDING) {
            return Optional.of(Reply.privately("You answered this already, so there is nothing to decline."));
        }
        Round round = handle.attach(RoundDao.class)
                .find(ask.get().orgId(), ask.get().roundId())
                .orElseThrow();
        return features.text(handle, round).declinable()
                ? Optional.empty()
                : Optional.of(Reply.privately("This one can't be declined; answer it, or leave it."));
    }

    private Optional<Reply> refusal(Optional<Ask> ask, Actor actor) {
        if (ask.isEmpty() || ask.get().personId() != actor.personId()) {
            return Optional.of(Reply.privately(NOT_YOURS));
        }
        Instant now = clock.instant();
        if (ask.get().acceptsAnswersAt(now)) {
            return Optional.empty();
        }
        // Say why: declined and cancelled asks are closed for another reason than their deadline.
        SkipReason skipped = ask.get().skipReason();
        return Optional.of(Reply.privately(
                skipped == SkipReason.DECLINED ? DECLINED : skipped == SkipReason.CANCELLED ? CANCELLED : CLOSED));
    }

    private static long askId(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
