package dev.candor.bot.feedback;

import dev.candor.bot.ask.KeyedHash;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.Platform;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.FeedbackSettings;
import dev.candor.storage.feedback.FeedbackSettingsDao;
import dev.candor.storage.feedback.SpeakUpDao;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Speak up: {@code /feedback anonymous <text>} (alone, a form) sends an anonymous message to every active HR admin, or
 * to the one person HR chose, when HR allows it. Candor stores the thread under a keyed hash of its author (see {@link
 * SpeakUpKeys}) and its readers; each reader gets a DM with Reply, and the conversation goes on in {@link
 * SpeakUpConversation}. Buttons and forms are {@code feedback.speakup.*}.
 */
final class SpeakUp {
    static final String PREFIX = "feedback.speakup.";
    private static final String VERB = "anonymous";
    /** {@code /feedback anonymous replies}: the replies to what you sent, as See replies shows them. */
    static final String REPLIES = "replies";

    private final Jdbi jdbi;
    private final SpeakUpKeys keys;
    private final SpeakUpConversation conversation;

    SpeakUp(Jdbi jdbi, KeyedHash hash) {
        this.jdbi = jdbi;
        this.keys = new SpeakUpKeys(hash);
        this.conversation = new SpeakUpConversation(jdbi, keys);
    }

    /** {@code anonymous <text>} sends at once; {@code anonymous} alone opens the form. */
    Reply command(Command command) {
        Actor actor = command.actor();
        // A Teams message to the bot outside the personal chat is read by everyone in that conversation.
        if (actor.platform() == Platform.TEAMS
                && command.where() != null
                && !command.where().isDirect()) {
            return Reply.privately(SpeakUpMessages.onlyInPersonalChat());
        }
        String text = command.text()
                .substring(Math.min(VERB.length(), command.text().length()))
                .strip();
        if (text.equalsIgnoreCase(REPLIES)) {
            // what See replies under a notice shows, for whoever lost or never got the notice
            return Reply.privately(conversation.mine(actor));
        }
        Recipients to = recipients(actor);
        if (to.refusal() != null) {
            return Reply.privately(to.refusal());
        }
        if (text.isEmpty()) {
            return Reply.form(SpeakUpMessages.form(to.label(), keys.available()));
        }
        String problem = lengthProblem(text);
        return Reply.privately(problem != null ? Message.of(problem) : send(actor, to, text, command.sourceKey()));
    }

    Reply handle(Action action) {
        return conversation.handle(action);
    }

    Reply handle(FormSubmission form) {
        if (!form.formId().equals(SpeakUpMessages.SEND)) {
            return conversation.handle(form);
        }
        String text = form.text(SpeakUpMessages.TEXT);
        String problem = lengthProblem(text);
        if (problem != null) {
            return new Reply.FormErrors(Map.of(SpeakUpMessages.TEXT, problem));
        }
        Recipients to = recipients(form.actor());
        if (to.refusal() != null) {
            return Reply.privately(to.refusal());
        }
        return Reply.privately(send(form.actor(), to, text, form.sourceKey()));
    }

    /** Who reads it ({@code label}: "the HR admins" or the chosen person's name), or why nobody may. */
    private record Recipients(List<Long> people, String label, boolean chosen, Message refusal) {
        static Recipients refused(Message refusal) {
            return new Recipients(List.of(), null, false, refusal);
        }
    }

    private Recipients recipients(Actor actor) {
        long orgId = actor.orgId();
        return jdbi.withHandle(handle -> {
            FeedbackSettings settings = handle.attach(FeedbackSettingsDao.class).get(orgId);
            if (!settings.speakUp()) {
                return Recipients.refused(SpeakUpMessages.off());
            }
            SpeakUpDao dao = handle.attach(SpeakUpDao.class);
            Long chosen = settings.speakUpTo();
            List<Long> people =
                    chosen == null ? dao.hrAdmins(orgId) : dao.isActive(orgId, chosen) ? List.of(chosen) : List.of();
            if (people.isEmpty()) {
                return Recipients.refused(SpeakUpMessages.nobody());
            }
            if (people.equals(List.of(actor.personId()))) {
                return Recipients.refused(SpeakUpMessages.toYourself());
            }
            String label = chosen == null
                    ? "the HR admins"
                    : names(handle, orgId, people).get(0);
            return new Recipients(people, label, chosen != null, null);
        });
    }

    private static String lengthProblem(String text) {
        if (text.length() < SpeakUpMessages.MIN_LENGTH) {
            return SpeakUpMessages.tooShort();
        }
        return text.length() > SpeakUpMessages.MAX_LENGTH ? SpeakUpMessages.tooLong(text.length()) : null;
    }

    /**
     * Stores the thread, its readers and the message, and queues each reader's DM, in one transaction; a retry of
     * the same submission stores and sends nothing. Without an encryption key the author key is random.
     */
    private Message send(Actor actor, Recipients to, String text, String sourceKey) {
        long orgId = actor.orgId();
        UUID id = UUID.randomUUID();
        Optional<byte[]> authorKey = keys.author(orgId, id, actor.personId());
        boolean reachable = authorKey.isPresent();
        boolean sent = jdbi.inTransaction(handle -> {
            SpeakUpDao dao = handle.attach(SpeakUpDao.class);
            byte[] source = keys.source(orgId, "thread", sourceKey);
            if (!dao.insertThread(orgId, id, authorKey.orElseGet(SpeakUpKeys::random), reachable, source)) {
                return false;
            }
            dao.insertReaders(orgId, id, to.people());
            dao.insertMessage(orgId, id, null, text, keys.source(orgId, "message:" + id, sourceKey));
            List<Contact> readers = handle.attach(ContactDao.class).list(orgId, to.people());
            Message dm = SpeakUpMessages.delivered(
                    id, text, readers.stream().map(Contact::name).toList(), to.chosen(), reachable);
            Outbox.toUsers(
                    handle,
                    readers.stream()
                            .filter(Contact::reachable)
                            .map(reader -> new Outbox.UserMessage(
                                    orgId,
                                    reader.platform(),
                                    reader.platformUserId(),
                                    "speakup:" + id + ":" + reader.personId(),
                                    dm))
                            .toList());
            return true;
        });
        return sent ? SpeakUpMessages.sent(to.label(), reachable) : SpeakUpMessages.alreadySent();
    }

    static List<String> names(Handle handle, long orgId, List<Long> people) {
        return handle.attach(ContactDao.class).list(orgId, people).stream()
                .map(Contact::name)
                .toList();
    }
}
