package dev.candor.bot.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.Answered;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.ask.AnswerDao;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.StoredAnswer;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.FeedbackRequest;
import dev.candor.storage.feedback.FeedbackRequestDao;
import dev.candor.storage.feedback.SubjectSees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;

/**
 * Feedback requests as the asking engine knows them: what the ask says (who asks, about what, and that the requester
 * reads the answer with the answerer's name), who may read the answers (the requester), and each answer sent on to
 * the requester as it comes, through the outbox.
 */
public final class FeedbackRequestFeature implements AskFeature {
    static final String FEATURE = "feedback";
    static final String KEEP = "keep";
    static final String BETTER = "better";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The default questions of a request: what to keep doing, what to do better. */
    static Questionnaire questionnaire() {
        return new Questionnaire(List.of(
                new Question.Text(KEEP, "What should I keep doing?", false, true, Question.Text.LONGEST),
                new Question.Text(BETTER, "What could I do better?", false, true, Question.Text.LONGEST)));
    }

    /** The questions of a 360, about someone else than the requester. */
    static Questionnaire aboutQuestionnaire() {
        return new Questionnaire(List.of(
                new Question.Text(KEEP, "What should they keep doing?", false, true, Question.Text.LONGEST),
                new Question.Text(BETTER, "What could they do better?", false, true, Question.Text.LONGEST)));
    }

    /** The questions the round asked: the defaults of its kind, or those the requester wrote in the form. */
    static Questionnaire questionsOf(Handle handle, Round round) {
        return QuestionsJson.readQuestionnaire(handle.attach(QuestionnaireDao.class)
                .findVersion(round.orgId(), round.questionnaireId(), round.version())
                .orElseThrow()
                .questionsJson());
    }

    @Override
    public String name() {
        return FEATURE;
    }

    @Override
    public AskText text(Handle handle, Round round) {
        Optional<FeedbackRequest> request = request(handle, round);
        String by = request.map(FeedbackRequest::requesterName).orElse(null);
        String topic = request.map(FeedbackRequest::topic).orElse("their work");
        String reader = by == null ? "the person who asked" : by;
        if (request.isPresent() && request.get().about()) {
            FeedbackRequest about = request.get();
            String subject = about.subjectName();
            String subjectReads =
                    switch (about.subjectSees()) {
                        case NAMED -> " " + subject + " reads it too, with your name.";
                        case ANONYMOUS ->
                            " " + subject + " reads the answers without names, all together, and only if at least "
                                    + FeedbackRequests.ANONYMOUS_MINIMUM + " people answer.";
                        case NONE -> " " + subject + " doesn't read it.";
                    };
            return new AskText(
                    "Feedback about " + subject + " for " + reader + ": " + about.topic(),
                    by,
                    "Named: " + reader + " reads your answer with your name." + subjectReads,
                    true);
        }
        return new AskText(
                "Feedback for " + (by == null ? "a colleague" : by) + " about " + topic,
                by,
                round.anonymous()
                        ? "Anonymous: " + reader + " reads the answers without names, in random order, and only if"
                                + " at least " + FeedbackRequests.ANONYMOUS_MINIMUM + " people answer."
                        : "Named: " + reader + " reads your answer with your name.",
                true);
    }

    @Override
    public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
        return !round.anonymous()
                && request(handle, round)
                        .map(request -> request.requesterId() == viewer.personId()
                                || (request.about()
                                        && request.subjectSees() == SubjectSees.NAMED
                                        && request.subjectId() == viewer.personId()))
                        .orElse(false);
    }

    @Override
    public void answered(Handle handle, Round round, Answered answered) {
        if (round.anonymous()) {
            return; // all at once when the round closes, never one by one
        }
        Optional<FeedbackRequest> found = request(handle, round);
        Optional<StoredAnswer> answer = handle.attach(AnswerDao.class).findByAsk(round.orgId(), answered.askId());
        if (found.isEmpty() || answer.isEmpty()) {
            return;
        }
        FeedbackRequest request = found.get();
        boolean subjectReads = request.about() && request.subjectSees() == SubjectSees.NAMED;
        List<Long> people = new ArrayList<>(List.of(request.requesterId(), answered.personId()));
        if (subjectReads) {
            people.add(request.subjectId());
        }
        List<Contact> contacts = handle.attach(ContactDao.class).list(round.orgId(), people);
        String answerer = contacts.stream()
                .filter(contact -> contact.personId() == answered.personId())
                .findFirst()
                .map(Contact::name)
                .orElse("Someone you asked");
        JsonNode values = values(answer.get().valuesJson());
        String key = "feedback-request:" + request.id() + ":" + answered.askId() + ":"
                + Integer.toHexString(answer.get().valuesJson().hashCode());
        Questionnaire questions = questionsOf(handle, round);
        Message message = answerMessage(request, questions, answerer, values, answered.changed());
        Message toSubject = subjectAnswerMessage(request, questions, answerer, values, answered.changed());
        for (Contact contact : contacts) {
            if (contact.platformUserId() == null) {
                continue;
            }
            if (contact.personId() == request.requesterId()) {
                Outbox.toUser(handle, round.orgId(), contact.platform(), contact.platformUserId(), key, message);
            } else if (subjectReads && contact.personId() == request.subjectId()) {
                Outbox.toUser(
                        handle,
                        round.orgId(),
                        contact.platform(),
                        contact.platformUserId(),
                        key + ":subject",
                        toSubject);
            }
        }
    }

    @Override
    public void declined(Handle handle, Round round, long askId, long personId, String reason) {
        Optional<FeedbackRequest> found = request(handle, round);
        if (found.isEmpty()) {
            return;
        }
        FeedbackRequest request = found.get();
        List<Contact> contacts =
                handle.attach(ContactDao.class).list(round.orgId(), List.of(request.requesterId(), personId));
        String who = contacts.stream()
                .filter(contact -> contact.personId() == personId)
                .findFirst()
                .map(Contact::name)
                .orElse("Someone you asked");
        String headline = "🙅 " + who + " declined your feedback request about " + request.topic();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        blocks.add(new Block.Quote(Text.of(reason.isEmpty() ? "(no reason given)" : reason)));
        Message message = new Message(headline, blocks);
        contacts.stream()
                .filter(contact -> contact.personId() == request.requesterId() && contact.platformUserId() != null)
                .forEach(contact -> Outbox.toUser(
                        handle,
                        round.orgId(),
                        contact.platform(),
                        contact.platformUserId(),
                        "feedback-request:" + request.id() + ":" + askId + ":declined",
                        message));
    }

    /** An anonymous request's answers, all together, without names, in random order, once it closed. */
    @Override
    public void closed(Handle handle, Round round, AskCounts counts) {
        Optional<FeedbackRequest> found = request(handle, round);
        if (found.isEmpty()) {
            return;
        }
        FeedbackRequest request = found.get();
        long reader;
        String whose;
        if (round.anonymous()) {
            reader = request.requesterId();
            whose = "your feedback request about " + request.topic();
        } else if (request.about() && request.subjectSees() == SubjectSees.ANONYMOUS) {
            reader = request.subjectId();
            whose = request.requesterName() + "'s feedback request about you (" + request.topic() + ")";
        } else {
            return;
        }
        List<JsonNode> answers = new ArrayList<>();
        handle.attach(AnswerDao.class)
                .listByRound(round.orgId(), round.id())
                .forEach(answer -> answers.add(values(answer.valuesJson())));
        Collections.shuffle(answers, ThreadLocalRandom.current());
        Message message = anonymousAnswers(questionsOf(handle, round), whose, answers);
        handle.attach(ContactDao.class).list(round.orgId(), List.of(reader)).stream()
                .filter(contact -> contact.platformUserId() != null)
                .forEach(contact -> Outbox.toUser(
                        handle,
                        round.orgId(),
                        contact.platform(),
                        contact.platformUserId(),
                        "feedback-request:" + request.id() + ":anonymous",
                        message));
    }

    /**
     * The answers of a request, without names, in the order given (shuffled by the caller), or, under the minimum,
     * a word that they stay with Candor.
     */
    static Message anonymousAnswers(Questionnaire questions, String whose, List<JsonNode> answers) {
        List<Block> blocks = new ArrayList<>();
        String headline;
        if (answers.size() < FeedbackRequests.ANONYMOUS_MINIMUM) {
            headline = "🔒 " + capitalised(whose) + " closed with " + answers.size()
                    + (answers.size() == 1 ? " answer" : " answers") + ": anonymous answers show from "
                    + FeedbackRequests.ANONYMOUS_MINIMUM + ", so Candor keeps them to itself.";
            blocks.add(new Block.Section(Text.of(headline)));
        } else {
            headline = "💬 " + answers.size() + " anonymous answers to " + whose + ", in random order";
            blocks.add(new Block.Section(Text.builder().strong(headline).build()));
            for (Question question : questions.questions()) {
                blocks.add(new Block.Context(Text.of(question.prompt())));
                for (JsonNode answer : answers) {
                    String text = answerText(answer.path(question.id()));
                    if (!text.isEmpty()) {
                        blocks.add(new Block.Quote(Text.of(text)));
                    }
                }
            }
        }
        return new Message(headline, blocks);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** What the subject of a 360 reads when the policy names answerers: the answer, as the requester reads it. */
    static Message subjectAnswerMessage(
            FeedbackRequest request, Questionnaire questions, String answerer, JsonNode values, boolean changed) {
        String headline = "💬 " + answerer + (changed ? " changed their answer to " : " answered ")
                + request.requesterName() + "'s feedback request about you: " + request.topic();
        return answers(headline, questions, values);
    }

    static Message answerMessage(
            FeedbackRequest request, Questionnaire questions, String answerer, JsonNode values, boolean changed) {
        String headline = "💬 " + answerer + (changed ? " changed their answer to" : " answered")
                + " your feedback request about "
                + (request.about() ? request.subjectName() + ": " : "")
                + request.topic();
        return answers(headline, questions, values);
    }

    private static Message answers(String headline, Questionnaire questions, JsonNode values) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        StringBuilder fallback = new StringBuilder(headline);
        for (Question question : questions.questions()) {
            String text = answerText(values.path(question.id()));
            blocks.add(new Block.Context(Text.of(question.prompt())));
            blocks.add(new Block.Quote(Text.of(text.isEmpty() ? "(no answer)" : text)));
            fallback.append(" · ").append(question.prompt()).append(' ').append(text);
        }
        return new Message(fallback.toString(), blocks);
    }

    /** An answer as words: text as typed, a number, yes or no, the options chosen. */
    static String answerText(JsonNode value) {
        if (value.isArray()) {
            List<String> chosen = new ArrayList<>();
            value.forEach(option -> chosen.add(option.asText()));
            return String.join(", ", chosen);
        }
        return value.isMissingNode() || value.isNull() ? "" : value.asText("").strip();
    }

    private static JsonNode values(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an answer's stored values are not JSON", e);
        }
    }

    private static Optional<FeedbackRequest> request(Handle handle, Round round) {
        return handle.attach(FeedbackRequestDao.class).findBySubject(round.orgId(), round.subject());
    }
}
