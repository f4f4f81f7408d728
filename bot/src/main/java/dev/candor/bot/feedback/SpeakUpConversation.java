package dev.candor.bot.feedback;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.SpeakUpDao;
import dev.candor.storage.feedback.SpeakUpMessage;
import dev.candor.storage.feedback.SpeakUpThread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A speak-up thread after it was sent: its readers reply (only they may), the author gets a notice that names
 * nothing, opens their threads with See replies (found by computing their key for each thread) and answers back
 * (only they may), and the readers get the answer from "the author". The author's notice is queued in a transaction of
 * its own after the reply's, so that nothing written with the reply names them.
 */
final class SpeakUpConversation {
    /** Conversations shown at once under See replies (a Slack message takes 50 blocks, a Teams card 28 KB). */
    private static final int SHOWN = 3;

    private final Jdbi jdbi;
    private final SpeakUpKeys keys;

    SpeakUpConversation(Jdbi jdbi, SpeakUpKeys keys) {
        this.jdbi = jdbi;
        this.keys = keys;
    }

    Reply handle(Action action) {
        Actor actor = action.actor();
        return switch (action.actionId()) {
            case SpeakUpMessages.REPLY -> replyForm(actor, action.value());
            case SpeakUpMessages.MINE -> Reply.privately(mine(actor));
            case SpeakUpMessages.ANSWER -> answerForm(actor, action.value());
            default -> Reply.privately(FeedbackMessages.help(actor.platform()));
        };
    }

    Reply handle(FormSubmission form) {
        String text = form.text(SpeakUpMessages.TEXT);
        if (text.isEmpty()) {
            return new Reply.FormErrors(Map.of(SpeakUpMessages.TEXT, "Write your message, or close the form."));
        }
        if (text.length() > SpeakUpMessages.MAX_LENGTH) {
            return new Reply.FormErrors(Map.of(SpeakUpMessages.TEXT, SpeakUpMessages.tooLong(text.length())));
        }
        return switch (form.formId()) {
            case SpeakUpMessages.REPLY -> reply(form.actor(), form.context(), text, form.sourceKey());
            case SpeakUpMessages.ANSWER -> answerBack(form.actor(), form.context(), text, form.sourceKey());
            default -> Reply.privately(FeedbackMessages.help(form.actor().platform()));
        };
    }

    private Reply replyForm(Actor actor, String threadId) {
        return jdbi.withHandle(handle -> {
            Optional<SpeakUpThread> thread = asReader(handle, actor, threadId, false);
            if (thread.isEmpty()) {
                return Reply.privately(SpeakUpMessages.notReader());
            }
            if (!reachable(thread.get())) {
                return Reply.privately(SpeakUpMessages.unreachable());
            }
            List<SpeakUpMessage> messages = handle.attach(SpeakUpDao.class)
                    .messages(actor.orgId(), thread.get().id());
            return Reply.form(SpeakUpMessages.replyForm(thread.get().id(), messages, actor.personId()));
        });
    }

    private record Stored(SpeakUpThread thread, Integer seq, Message refusal) {}

    /** Stores a reader's reply, then tells the author in a transaction of its own. */
    private Reply reply(Actor actor, String threadId, String text, String sourceKey) {
        long orgId = actor.orgId();
        Stored stored = jdbi.inTransaction(handle -> {
            Optional<SpeakUpThread> thread = asReader(handle, actor, threadId, true);
            if (thread.isEmpty()) {
                return new Stored(null, null, SpeakUpMessages.notReader());
            }
            if (!reachable(thread.get())) {
                return new Stored(null, null, SpeakUpMessages.unreachable());
            }
            UUID id = thread.get().id();
            Optional<Integer> seq = handle.attach(SpeakUpDao.class)
                    .insertMessage(orgId, id, actor.personId(), text, keys.source(orgId, "message:" + id, sourceKey));
            return new Stored(thread.get(), seq.orElse(null), seq.isEmpty() ? SpeakUpMessages.alreadySent() : null);
        });
        if (stored.refusal() != null) {
            return Reply.privately(stored.refusal());
        }
        notifyAuthor(orgId, stored.thread(), stored.seq());
        return Reply.privately(SpeakUpMessages.replySent());
    }

    /** Finds the author among everyone by their key and queues the notice; nothing when they are gone. */
    private void notifyAuthor(long orgId, SpeakUpThread thread, int seq) {
        List<Long> everyone = jdbi.withExtension(SpeakUpDao.class, dao -> dao.everyone(orgId));
        Optional<Long> author = keys.findAuthor(orgId, thread.id(), thread.authorKey(), everyone);
        if (author.isEmpty()) {
            return;
        }
        String key = keys.noticeKey(orgId, thread.id(), seq, author.get());
        jdbi.useTransaction(handle -> {
            for (Contact contact : handle.attach(ContactDao.class).list(orgId, List.of(author.get()))) {
                if (contact.reachable()) {
                    Outbox.toUserForgottenWhenDelivered(
                            handle, orgId, contact.platform(), contact.platformUserId(), key, SpeakUpMessages.notice());
                }
            }
        });
    }

    /** The threads this person wrote that have replies, those waiting for their answer first. */
    Message mine(Actor actor) {
        return jdbi.withHandle(handle -> {
            SpeakUpDao dao = handle.attach(SpeakUpDao.class);
            List<SpeakUpMessages.Thread> threads = new ArrayList<>();
            for (SpeakUpThread thread : dao.listReplied(actor.orgId())) {
                if (keys.isAuthor(actor.orgId(), thread.id(), actor.personId(), thread.authorKey())) {
                    threads.add(new SpeakUpMessages.Thread(thread.id(), dao.messages(actor.orgId(), thread.id())));
                }
            }
            if (threads.isEmpty()) {
                return SpeakUpMessages.noneYours();
            }
            threads.sort(Comparator.comparing(SpeakUpConversation::answered));
            int shown = Math.min(SHOWN, threads.size());
            return SpeakUpMessages.mine(threads.subList(0, shown), threads.size() - shown);
        });
    }

    /** Whether the author had the last word: those that wait for them sort first. */
    private static boolean answered(SpeakUpMessages.Thread thread) {
        return thread.messages().get(thread.messages().size() - 1).fromAuthor();
    }

    private Reply answerForm(Actor actor, String threadId) {
        return jdbi.withHandle(handle -> {
            Optional<SpeakUpThread> thread = asAuthor(handle, actor, threadId, false);
            if (thread.isEmpty()) {
                return Reply.privately(SpeakUpMessages.notAuthor());
            }
            UUID id = thread.get().id();
            List<SpeakUpMessage> messages = handle.attach(SpeakUpDao.class).messages(actor.orgId(), id);
            List<String> names = SpeakUp.names(handle, actor.orgId(), others(handle, actor.orgId(), id, messages));
            return Reply.form(SpeakUpMessages.answerForm(id, messages, names));
        });
    }

    /** Stores the author's answer and sends it to the readers, without a name, in one transaction. */
    private Reply answerBack(Actor actor, String threadId, String text, String sourceKey) {
        long orgId = actor.orgId();
        return jdbi.inTransaction(handle -> {
            Optional<SpeakUpThread> thread = asAuthor(handle, actor, threadId, true);
            if (thread.isEmpty()) {
                return Reply.privately(SpeakUpMessages.notAuthor());
            }
            UUID id = thread.get().id();
            SpeakUpDao dao = handle.attach(SpeakUpDao.class);
            Optional<Integer> seq =
                    dao.insertMessage(orgId, id, null, text, keys.source(orgId, "message:" + id, sourceKey));
            if (seq.isEmpty()) {
                return Reply.privately(SpeakUpMessages.alreadySent());
            }
            List<SpeakUpMessage> messages = dao.messages(orgId, id);
            List<Contact> readers = handle.attach(ContactDao.class).list(orgId, others(handle, orgId, id, messages));
            Message dm = SpeakUpMessages.answered(id, messages.get(0).body(), text);
            Outbox.toUsers(
                    handle,
                    readers.stream()
                            .filter(Contact::reachable)
                            .map(reader -> new Outbox.UserMessage(
                                    orgId,
                                    reader.platform(),
                                    reader.platformUserId(),
                                    "speakup:answer:" + id + ":" + seq.get() + ":" + reader.personId(),
                                    dm))
                            .toList());
            return Reply.privately(SpeakUpMessages.answerSent(
                    readers.stream().map(Contact::name).toList()));
        });
    }

    /** The thread's readers and anyone else who wrote in it: whom the author's answers go to. */
    private static List<Long> others(Handle handle, long orgId, UUID id, List<SpeakUpMessage> messages) {
        Set<Long> people = new LinkedHashSet<>(handle.attach(SpeakUpDao.class).readers(orgId, id));
        messages.stream().filter(message -> !message.fromAuthor()).forEach(message -> people.add(message.senderId()));
        return List.copyOf(people);
    }

    private boolean reachable(SpeakUpThread thread) {
        return thread.reachable() && keys.available();
    }

    private static Optional<SpeakUpThread> asReader(Handle handle, Actor actor, String threadId, boolean lock) {
        return find(handle, actor.orgId(), threadId, lock).filter(thread -> handle.attach(SpeakUpDao.class)
                .readers(actor.orgId(), thread.id())
                .contains(actor.personId()));
    }

    private Optional<SpeakUpThread> asAuthor(Handle handle, Actor actor, String threadId, boolean lock) {
        return find(handle, actor.orgId(), threadId, lock)
                .filter(thread -> keys.isAuthor(actor.orgId(), thread.id(), actor.personId(), thread.authorKey()));
    }

    private static Optional<SpeakUpThread> find(Handle handle, long orgId, String threadId, boolean lock) {
        UUID id;
        try {
            id = UUID.fromString(threadId == null ? "" : threadId.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        SpeakUpDao dao = handle.attach(SpeakUpDao.class);
        return lock ? dao.lock(orgId, id) : dao.find(orgId, id);
    }
}
