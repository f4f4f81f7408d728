package dev.candor.bot.feedback;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.FeedbackDao;
import dev.candor.storage.feedback.FeedbackSettings;
import dev.candor.storage.feedback.FeedbackSettingsDao;
import dev.candor.storage.feedback.Visibility;
import dev.candor.storage.people.Person;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives feedback: checks the person and the words, stores it with the recipient's manager when the visibility names
 * them, and queues the DM to each reader through the outbox, all in one transaction.
 */
final class FeedbackGiving {
    static final int MIN_LENGTH = 20;
    static final int MAX_LENGTH = 4000;
    private static final Logger log = LoggerFactory.getLogger(FeedbackGiving.class);

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Clock clock;

    FeedbackGiving(Jdbi jdbi, PeopleDirectory directory, Clock clock) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.clock = clock;
    }

    /** What came of giving: sent (with the confirmation), refused (why, and which input), or sent before. */
    sealed interface Outcome {
        record Given(Message confirmation) implements Outcome {}

        record Refused(Message reason, String field) implements Outcome {}

        record AlreadyGiven() implements Outcome {}
    }

    Outcome give(Actor giver, Mention to, String body, Visibility visibility, String sourceKey) {
        Person recipient;
        try {
            recipient = directory.personFor(giver, to);
        } catch (ProfileSource.NoSuchUser unknown) {
            log.info("feedback refused: the recipient is unknown to {}", giver.platform());
            return new Outcome.Refused(
                    FeedbackMessages.unknown(giver.platform(), to.displayName()), FeedbackForms.PERSON);
        }
        if (!settings(giver.orgId()).allows(visibility)) {
            return new Outcome.Refused(FeedbackMessages.notAllowed(visibility), FeedbackForms.VISIBILITY);
        }
        Optional<Message> problem = problem(giver, recipient, body, visibility);
        if (problem.isPresent()) {
            String field = body.strip().length() < MIN_LENGTH ? FeedbackForms.WENT_WELL : FeedbackForms.PERSON;
            if (visibility != Visibility.PRIVATE && recipient.managerId() == null) {
                field = FeedbackForms.VISIBILITY;
            }
            return new Outcome.Refused(problem.get(), field);
        }
        Long managerId = visibility == Visibility.PRIVATE ? null : recipient.managerId();
        return jdbi.inTransaction(handle -> handle.attach(FeedbackDao.class)
                .insert(
                        giver.orgId(),
                        giver.personId(),
                        recipient.id(),
                        managerId,
                        visibility,
                        body.strip(),
                        sourceKey,
                        clock.instant())
                .<Outcome>map(id -> deliver(handle, giver, id))
                .orElseGet(Outcome.AlreadyGiven::new));
    }

    FeedbackSettings settings(long orgId) {
        return jdbi.withExtension(FeedbackSettingsDao.class, dao -> dao.get(orgId));
    }

    private static Optional<Message> problem(Actor giver, Person recipient, String body, Visibility visibility) {
        if (recipient.id() == giver.personId()) {
            return Optional.of(FeedbackMessages.toYourself());
        }
        if (recipient.isBot()) {
            return Optional.of(FeedbackMessages.toBot(recipient.name()));
        }
        if (!recipient.active()) {
            return Optional.of(FeedbackMessages.inactive(recipient.name()));
        }
        if (body.strip().length() < MIN_LENGTH) {
            return Optional.of(FeedbackMessages.tooShort(recipient.name(), MIN_LENGTH));
        }
        if (visibility != Visibility.PRIVATE && recipient.managerId() == null) {
            return Optional.of(FeedbackMessages.noManager(recipient.name()));
        }
        return Optional.empty();
    }

    /** The DM to the recipient and/or their manager, as the visibility says; the giver's confirmation. */
    private static Outcome deliver(Handle handle, Actor giver, long id) {
        Feedback feedback =
                handle.attach(FeedbackDao.class).find(giver.orgId(), id).orElseThrow();
        List<Long> readers = new ArrayList<>();
        if (feedback.visibility().recipientReads()) {
            readers.add(feedback.recipientId());
        }
        if (feedback.visibility().managerReads()) {
            readers.add(feedback.managerId());
        }
        String managerName = null;
        List<Outbox.Queued> dms = new ArrayList<>();
        for (Contact contact : handle.attach(ContactDao.class).list(giver.orgId(), readers)) {
            boolean manager = feedback.managerId() != null && contact.personId() == feedback.managerId();
            if (manager) {
                managerName = contact.name();
            }
            if (contact.platformUserId() != null) {
                dms.add(Outbox.Queued.toUser(
                        giver.orgId(),
                        contact.platform(),
                        contact.platformUserId(),
                        "feedback:" + id + (manager ? ":manager" : ":recipient"),
                        FeedbackMessages.delivered(feedback, manager)));
            }
        }
        Outbox.queueAll(handle, dms);
        return new Outcome.Given(FeedbackMessages.confirmation(
                giver.platform(), feedback.recipientName(), managerName, feedback.visibility(), feedback.body()));
    }
}
