package dev.candor.bot.feedback;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.FeedbackDao;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What follows a piece of feedback: the recipient thanks the giver, and its readers and giver reply to each other.
 * Every step first checks that the person may read the feedback; everything sent goes through the outbox.
 */
final class FeedbackConversation {
    private final Jdbi jdbi;
    private final Clock clock;

    FeedbackConversation(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The feedback, when this person may read it. */
    Optional<Feedback> readable(Actor actor, String id) {
        return parse(id)
                .flatMap(found -> jdbi.withExtension(FeedbackDao.class, dao -> dao.find(actor.orgId(), found)))
                .filter(feedback -> feedback.readableBy(actor.personId()));
    }

    Message thank(Actor actor, Feedback feedback) {
        if (actor.personId() != feedback.recipientId()) {
            return FeedbackMessages.notYours();
        }
        boolean first = jdbi.inTransaction(handle -> {
            if (!handle.attach(FeedbackDao.class).markThanked(actor.orgId(), feedback.id(), clock.instant())) {
                return false;
            }
            send(
                    handle,
                    actor,
                    feedback.giverId(),
                    "feedback:" + feedback.id() + ":thanked",
                    FeedbackMessages.thanked(feedback));
            return true;
        });
        return FeedbackMessages.thankConfirmed(feedback, first);
    }

    /** The reply form, addressed to the other side. */
    Form replyForm(Actor actor, Feedback feedback) {
        return FeedbackForms.reply(feedback, name(actor, other(actor, feedback)));
    }

    /** Stores the reply and sends it to the other side; the confirmation names them. */
    Message reply(Actor actor, Feedback feedback, String text, String sourceKey) {
        long to = other(actor, feedback);
        return jdbi.inTransaction(handle -> {
            FeedbackDao dao = handle.attach(FeedbackDao.class);
            dao.lock(actor.orgId(), feedback.id());
            int seq = dao.insertReply(actor.orgId(), feedback.id(), actor.personId(), text.strip(), clock.instant());
            send(
                    handle,
                    actor,
                    to,
                    "feedback:" + feedback.id() + ":reply:" + seq,
                    FeedbackMessages.reply(feedback, actor.name(), text.strip()));
            return FeedbackMessages.replySent(name(handle, actor, to));
        });
    }

    /**
     * Whom a reply goes to: the giver's goes to whoever the feedback was for (the recipient, or their manager when
     * it was for the manager alone); anyone else's goes to the giver.
     */
    private static long other(Actor actor, Feedback feedback) {
        if (actor.personId() != feedback.giverId()) {
            return feedback.giverId();
        }
        return feedback.visibility().recipientReads() ? feedback.recipientId() : feedback.managerId();
    }

    private String name(Actor actor, long personId) {
        return jdbi.withHandle(handle -> name(handle, actor, personId));
    }

    private static String name(Handle handle, Actor actor, long personId) {
        return handle.attach(ContactDao.class).list(actor.orgId(), List.of(personId)).stream()
                .findFirst()
                .map(Contact::name)
                .orElse("them");
    }

    private static void send(Handle handle, Actor actor, long personId, String key, Message message) {
        for (Contact contact : handle.attach(ContactDao.class).list(actor.orgId(), List.of(personId))) {
            if (contact.platformUserId() != null) {
                Outbox.toUser(handle, actor.orgId(), contact.platform(), contact.platformUserId(), key, message);
            }
        }
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
