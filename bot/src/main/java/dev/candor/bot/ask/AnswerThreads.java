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
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.ask.AnswerThread;
import dev.candor.storage.ask.AnswerThreadDao;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.ask.ThreadMessage;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Two-way conversations with the anonymous author of an answer (a survey comment): someone the round's feature allows
 * ({@link AskFeature#mayReply}, HR for surveys) writes; Candor tells everyone who answered the round that a reply came
 * (so the notice singles out nobody, in chat or in the outbox table), and only the person whose edit key matches the
 * answer can open it and answer back, still anonymous. Nobody is ever told who the author is; the database keeps no
 * link but the edit key under CANDOR_ENCRYPTION_KEY, and without that key there are no replies.
 *
 * <p>Routed under the feature name {@code thread}: buttons {@code thread.reply} (value: the thread), {@code
 * thread.mine} (value: the round), {@code thread.answer} (value: the thread); forms of the same ids.
 */
public final class AnswerThreads implements Handlers.ActionHandler, Handlers.FormHandler {
    public static final String REPLY = "thread.reply";
    public static final String MINE = "thread.mine";
    public static final String ANSWER = "thread.answer";
    static final String TEXT = "message";
    static final int MAX_LENGTH = 3000;
    static final String NOT_ALLOWED = "Only the people who read this survey's results can reply to its comments.";
    static final String NOT_YOURS = "That conversation is about someone else's answer.";
    static final String NO_KEY = "Replies to anonymous answers need CANDOR_ENCRYPTION_KEY, which this Candor has not"
            + " got: ask the person who runs it to set it.";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AskFeatures features;
    private final EditKeys editKeys;

    AnswerThreads(Jdbi jdbi, Clock clock, AskFeatures features, EditKeys editKeys) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.features = features;
        this.editKeys = editKeys;
    }

    /** The "Reply to its author" button of a conversation, shown under an anonymous comment. */
    public static Block.Button replyButton(String thread) {
        return new Block.Button(REPLY, "Reply to its author", thread, Block.ButtonStyle.DEFAULT);
    }

    /**
     * The conversation about answer {@code answerId}'s question, started if need be (its id, for {@link
     * #replyButton(String)}); empty when its author can't be reached (a named round, or no encryption key).
     */
    public Optional<String> threadFor(Handle handle, long orgId, long roundId, UUID answerId, String questionId) {
        if (!editKeys.available()) {
            return Optional.empty();
        }
        return handle.select(
                        "SELECT a.edit_key FROM answers a JOIN rounds r ON r.id = a.round_id AND r.anonymous"
                                + " WHERE a.org_id = ? AND a.round_id = ? AND a.id = ? AND a.edit_key IS NOT NULL",
                        orgId,
                        roundId,
                        answerId)
                .mapTo(byte[].class)
                .findOne()
                .map(key -> handle.attach(AnswerThreadDao.class).start(orgId, roundId, key, questionId))
                .map(thread -> thread.id().toString());
    }

    @Override
    public Reply handle(Action action) {
        return jdbi.inTransaction(handle -> switch (action.actionId()) {
            case REPLY -> replyForm(handle, action.actor(), action.value());
            case MINE -> mine(handle, action.actor(), action.value());
            case ANSWER -> answerForm(handle, action.actor(), action.value());
            default -> Reply.privately("That button is no longer supported.");
        });
    }

    @Override
    public Reply handle(FormSubmission submission) {
        String text = submission.text(TEXT);
        if (text.isEmpty()) {
            return new Reply.FormErrors(Map.of(TEXT, "Write your message."));
        }
        if (text.length() > MAX_LENGTH) {
            return new Reply.FormErrors(Map.of(TEXT, "Keep it under " + MAX_LENGTH + " characters."));
        }
        return jdbi.inTransaction(handle -> switch (submission.formId()) {
            case REPLY -> reply(handle, submission.actor(), submission.context(), text);
            case ANSWER -> answerBack(handle, submission.actor(), submission.context(), text);
            default -> Reply.privately("That form is no longer supported.");
        });
    }

    private record Found(AnswerThread thread, Round round, AskText text) {}

    private Optional<Found> find(Handle handle, long orgId, String threadId) {
        UUID id;
        try {
            id = UUID.fromString(threadId == null ? "" : threadId.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return handle.attach(AnswerThreadDao.class).find(orgId, id).flatMap(thread -> handle.attach(RoundDao.class)
                .find(orgId, thread.roundId())
                .map(round -> new Found(thread, round, features.text(handle, round))));
    }

    private boolean mayReply(Handle handle, Actor actor, Found found) {
        return features.find(found.round().feature())
                .map(feature -> feature.mayReply(handle, actor, found.round()))
                .orElse(false);
    }

    private boolean isAuthor(Actor actor, AnswerThread thread) {
        return editKeys.of(actor.orgId(), thread.roundId(), actor.personId())
                .map(key -> Arrays.equals(key, thread.authorKey()))
                .orElse(false);
    }

    private Reply replyForm(Handle handle, Actor actor, String threadId) {
        Optional<Found> found = find(handle, actor.orgId(), threadId);
        if (found.isEmpty() || !mayReply(handle, actor, found.get())) {
            return Reply.privately(NOT_ALLOWED);
        }
        List<Block> intro = conversation(handle, found.get(), "You");
        intro.add(new Block.Context(Text.of("Candor passes this on to the answer's author without telling you or"
                + " anyone who they are; they can answer back, still anonymous.")));
        return Reply.form(form(REPLY, "Reply anonymously", intro, threadId));
    }

    private Reply reply(Handle handle, Actor actor, String threadId, String text) {
        Optional<Found> found = find(handle, actor.orgId(), threadId);
        if (found.isEmpty() || !mayReply(handle, actor, found.get())) {
            return Reply.privately(NOT_ALLOWED);
        }
        if (!editKeys.available()) {
            return Reply.privately(NO_KEY);
        }
        Found thread = found.get();
        AnswerThreadDao threads = handle.attach(AnswerThreadDao.class);
        threads.add(actor.orgId(), thread.thread().id(), actor.personId(), text);
        List<Long> answered = threads.answered(actor.orgId(), thread.round().id());
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        String lead = "💬 " + actor.name() + " replied to an anonymous answer in \""
                + thread.text().title() + "\"." + " If it is yours, only you can read the reply.";
        Message notice = new Message(
                lead,
                List.of(
                        new Block.Section(Text.of(lead)),
                        new Block.Context(Text.of("Everyone who answered gets this notice, so that it tells nobody"
                                + " who wrote what.")),
                        new Block.Buttons(List.of(new Block.Button(
                                MINE,
                                "See replies",
                                Long.toString(thread.round().id()),
                                Block.ButtonStyle.PRIMARY)))));
        List<Outbox.UserMessage> notices = handle.attach(ContactDao.class).list(actor.orgId(), answered).stream()
                .filter(contact -> contact.platform() != null)
                .map(contact -> new Outbox.UserMessage(
                        actor.orgId(),
                        contact.platform(),
                        contact.platformUserId(),
                        "thread:notice:" + thread.round().id() + ":" + day + ":" + contact.personId(),
                        notice))
                .toList();
        Outbox.toUsers(handle, notices);
        return Reply.privately("Sent. Everyone who answered \"" + thread.text().title() + "\" (" + answered.size()
                + ") got a notice; only the author can read your reply, and nobody learns who they are.");
    }

    private Reply mine(Handle handle, Actor actor, String roundId) {
        if (roundId == null || !roundId.strip().matches("\\d{1,18}")) {
            return Reply.privately(NOT_YOURS);
        }
        long round = Long.parseLong(roundId.strip());
        Optional<byte[]> key = editKeys.of(actor.orgId(), round, actor.personId());
        List<AnswerThread> threads = key.map(
                        mine -> handle.attach(AnswerThreadDao.class).listByAuthor(actor.orgId(), round, mine))
                .orElse(List.of());
        if (threads.isEmpty()) {
            return Reply.privately("None of the replies are to an answer of yours.");
        }
        List<Block> blocks = new ArrayList<>();
        for (AnswerThread thread : threads) {
            Found found = find(handle, actor.orgId(), thread.id().toString()).orElseThrow();
            blocks.addAll(conversation(handle, found, "You"));
            blocks.add(new Block.Buttons(List.of(
                    new Block.Button(ANSWER, "Answer back", thread.id().toString(), Block.ButtonStyle.PRIMARY))));
        }
        blocks.add(new Block.Context(Text.of("Only you see this. Answering back keeps you anonymous.")));
        return Reply.privately(new Message("Replies to your anonymous answer", blocks));
    }

    private Reply answerForm(Handle handle, Actor actor, String threadId) {
        Optional<Found> found = find(handle, actor.orgId(), threadId);
        if (found.isEmpty() || !isAuthor(actor, found.get().thread())) {
            return Reply.privately(NOT_YOURS);
        }
        List<Block> intro = conversation(handle, found.get(), "You");
        intro.add(new Block.Context(Text.of("Your answer goes to them without your name.")));
        return Reply.form(form(ANSWER, "Answer back", intro, threadId));
    }

    private Reply answerBack(Handle handle, Actor actor, String threadId, String text) {
        Optional<Found> found = find(handle, actor.orgId(), threadId);
        if (found.isEmpty() || !isAuthor(actor, found.get().thread())) {
            return Reply.privately(NOT_YOURS);
        }
        Found thread = found.get();
        AnswerThreadDao threads = handle.attach(AnswerThreadDao.class);
        threads.add(actor.orgId(), thread.thread().id(), null, text);
        List<ThreadMessage> messages =
                threads.messages(actor.orgId(), thread.thread().id());
        List<Long> writers = messages.stream()
                .map(ThreadMessage::senderId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        String lead =
                "💬 The author of an anonymous answer in \"" + thread.text().title() + "\" answered back.";
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.of(lead)));
        blocks.add(new Block.Quote(Text.of(text)));
        blocks.add(new Block.Buttons(
                List.of(new Block.Button(REPLY, "Reply", thread.thread().id().toString(), Block.ButtonStyle.PRIMARY))));
        Message message = new Message(lead, blocks);
        int seq = messages.get(messages.size() - 1).seq();
        List<Contact> readers = handle.attach(ContactDao.class).list(actor.orgId(), writers);
        Outbox.toUsers(
                handle,
                readers.stream()
                        .filter(contact -> contact.platform() != null)
                        .map(contact -> new Outbox.UserMessage(
                                actor.orgId(),
                                contact.platform(),
                                contact.platformUserId(),
                                "thread:answer:" + thread.thread().id() + ":" + seq + ":" + contact.personId(),
                                message))
                        .toList());
        return Reply.privately("Sent without your name to "
                + String.join(", ", readers.stream().map(Contact::name).toList()) + ".");
    }

    /** The answer and the messages so far, each named but the author's. */
    private static List<Block> conversation(Handle handle, Found found, String me) {
        AnswerThread thread = found.thread();
        AnswerThreadDao threads = handle.attach(AnswerThreadDao.class);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder()
                .plain("An anonymous answer in ")
                .strong(found.text().title())
                .plain(":")
                .build()));
        threads.comment(thread.orgId(), thread.roundId(), thread.authorKey(), thread.questionId())
                .ifPresent(comment -> blocks.add(new Block.Quote(Text.of(comment))));
        for (ThreadMessage message : threads.messages(thread.orgId(), thread.id())) {
            String who = message.fromAuthor() ? "The author" : message.senderName();
            blocks.add(new Block.Section(
                    Text.builder().strong(who + ":").plain(" " + message.body()).build()));
        }
        return blocks;
    }

    private static Form form(String id, String title, List<Block> intro, String threadId) {
        return new Form(
                id,
                title,
                "Send",
                intro,
                List.of(new Form.TextInput(TEXT, "Your message", null, true, true, null, MAX_LENGTH)),
                threadId);
    }
}
