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
import dev.candor.storage.ask.AnswerDao;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.StoredAnswer;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.FeedbackRequest;
import dev.candor.storage.feedback.FeedbackRequestDao;
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
                        .map(request -> request.requesterId() == viewer.personId())
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
        List<Contact> contacts = handle.attach(ContactDao.class)
                .list(round.orgId(), List.of(request.requesterId(), answered.personId()));
        String answerer = contacts.stream()
                .filter(contact -> contact.personId() == answered.personId())
                .findFirst()
                .map(Contact::name)
                .orElse("Someone you asked");
        Message message = answerMessage(request, answerer, values(answer.get().valuesJson()), answered.changed());
        String key = "feedback-request:" + request.id() + ":" + answered.askId() + ":"
                + Integer.toHexString(answer.get().valuesJson().hashCode());
        contacts.stream()
                .filter(contact -> contact.personId() == request.requesterId() && contact.platformUserId() != null)
                .forEach(contact -> Outbox.toUser(
                        handle, round.orgId(), contact.platform(), contact.platformUserId(), key, message));
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
        if (!round.anonymous() || found.isEmpty()) {
            return;
        }
        FeedbackRequest request = found.get();
        List<StoredAnswer> answers =
                new ArrayList<>(handle.attach(AnswerDao.class).listByRound(round.orgId(), round.id()));
        Collections.shuffle(answers, ThreadLocalRandom.current());
        List<Block> blocks = new ArrayList<>();
        String headline;
        if (answers.size() < FeedbackRequests.ANONYMOUS_MINIMUM) {
            headline = "🔒 Your anonymous feedback request about " + request.topic() + " closed with "
                    + answers.size() + (answers.size() == 1 ? " answer" : " answers") + ": anonymous answers show"
                    + " from " + FeedbackRequests.ANONYMOUS_MINIMUM + ", so Candor keeps them to itself.";
            blocks.add(new Block.Section(Text.of(headline)));
        } else {
            headline = "💬 " + answers.size() + " anonymous answers to your feedback request about " + request.topic()
                    + ", in random order";
            blocks.add(new Block.Section(Text.builder().strong(headline).build()));
            for (Question question : questionnaire().questions()) {
                blocks.add(new Block.Context(Text.of(question.prompt())));
                for (StoredAnswer answer : answers) {
                    String text = values(answer.valuesJson())
                            .path(question.id())
                            .asText("")
                            .strip();
                    if (!text.isEmpty()) {
                        blocks.add(new Block.Quote(Text.of(text)));
                    }
                }
            }
        }
        Message message = new Message(headline, blocks);
        handle.attach(ContactDao.class).list(round.orgId(), List.of(request.requesterId())).stream()
                .filter(contact -> contact.platformUserId() != null)
                .forEach(contact -> Outbox.toUser(
                        handle,
                        round.orgId(),
                        contact.platform(),
                        contact.platformUserId(),
                        "feedback-request:" + request.id() + ":anonymous",
                        message));
    }

    static Message answerMessage(FeedbackRequest request, String answerer, JsonNode values, boolean changed) {
        List<Block> blocks = new ArrayList<>();
        String headline = "💬 " + answerer + (changed ? " changed their answer to" : " answered")
                + " your feedback request about " + request.topic();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        StringBuilder fallback = new StringBuilder(headline);
        for (Question question : questionnaire().questions()) {
            String text = values.path(question.id()).asText("").strip();
            blocks.add(new Block.Context(Text.of(question.prompt())));
            blocks.add(new Block.Quote(Text.of(text.isEmpty() ? "(no answer)" : text)));
            fallback.append(" · ").append(question.prompt()).append(' ').append(text);
        }
        return new Message(fallback.toString(), blocks);
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
