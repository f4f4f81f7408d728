package dev.candor.bot.feedback;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.feedback.FeedbackNomination;
import dev.candor.storage.feedback.FeedbackNominationDao;
import dev.candor.storage.feedback.FeedbackSettingsDao;
import dev.candor.storage.feedback.SubjectSees;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /feedback nominate @li @mo [for the mid-year review]}: someone proposes the peers their manager should ask
 * about them. The manager gets a DM with Approve and Decline; approving asks the nominees as a 360 with the manager
 * as the requester (the subject reads the answers as the organisation's policy says), declining tells the subject.
 */
final class FeedbackNominations {
    static final String APPROVE = "feedback.nomination.approve";
    static final String DECLINE = "feedback.nomination.decline";

    private final Jdbi jdbi;
    private final Clock clock;
    private final FeedbackRequests requests;

    FeedbackNominations(Jdbi jdbi, Clock clock, FeedbackRequests requests) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.requests = requests;
    }

    Message nominate(Command command) {
        Actor actor = command.actor();
        if (command.mentions().isEmpty()) {
            return FeedbackMessages.nominateUsage(actor.platform());
        }
        Optional<Person> me = person(actor.orgId(), actor.personId());
        Optional<Person> manager = me.map(Person::managerId)
                .flatMap(id -> person(actor.orgId(), id))
                .filter(Person::active);
        if (manager.isEmpty()) {
            return Message.of("Candor doesn't know who your manager is, so there is nobody to approve your"
                    + " nominations: ask HR to add your manager to the people directory.");
        }
        FeedbackRequests.Resolved<List<Person>> nominees = requests.resolved(actor, command.mentions());
        if (nominees.problem() != null) {
            return nominees.problem();
        }
        for (Person nominee : nominees.value()) {
            if (nominee.id() == actor.personId()) {
                return Message.of("Nominate the people you worked with; your own view belongs in your self-review.");
            }
            if (nominee.id() == manager.get().id()) {
                return Message.of(manager.get().name() + " reads the answers: nominate the peers you worked with.");
            }
            if (nominee.isBot()) {
                return FeedbackMessages.toBot(nominee.name());
            }
            if (!nominee.active()) {
                return FeedbackMessages.inactive(nominee.name());
            }
        }
        String topic = topic(command, actor.name());
        List<Person> people = nominees.value();
        Person boss = manager.get();
        SubjectSees sees = jdbi.withExtension(FeedbackSettingsDao.class, dao -> dao.get(actor.orgId()))
                .subjectSees();
        Optional<Long> stored = jdbi.inTransaction(handle -> {
            FeedbackNominationDao dao = handle.attach(FeedbackNominationDao.class);
            Optional<Long> id =
                    dao.insert(actor.orgId(), actor.personId(), boss.id(), topic, command.sourceKey(), clock.instant());
            id.ifPresent(nomination -> {
                dao.addNominees(
                        actor.orgId(),
                        nomination,
                        IntStream.range(0, people.size()).boxed().toList(),
                        people.stream().map(Person::id).toList());
                tell(
                        handle,
                        actor.orgId(),
                        boss.id(),
                        "feedback-nomination:" + nomination,
                        FeedbackMessages.nominated(nomination, actor.name(), names(people), topic, sees));
            });
            return id;
        });
        if (stored.isEmpty()) {
            return FeedbackMessages.alreadyRequested();
        }
        return Message.of("📨 Sent to " + boss.name() + " for approval: " + FeedbackMessages.joined(names(people))
                + ", about " + topic + ". You'll hear here when " + boss.name() + " decides.");
    }

    /** The manager's Approve or Decline under a nomination. */
    Message decide(Action action) {
        Actor actor = action.actor();
        Optional<FeedbackNomination> found = parse(action.value())
                .flatMap(id -> jdbi.withExtension(FeedbackNominationDao.class, dao -> dao.find(actor.orgId(), id)));
        if (found.isEmpty() || found.get().managerId() != actor.personId()) {
            return Message.of("Only the manager it was sent to can approve or decline this nomination.");
        }
        FeedbackNomination nomination = found.get();
        boolean approve = action.actionId().equals(APPROVE);
        boolean decided = jdbi.withExtension(
                FeedbackNominationDao.class,
                dao -> dao.decide(actor.orgId(), nomination.id(), approve ? "approved" : "declined", clock.instant()));
        if (!decided) {
            return Message.of("✅ You decided on this nomination already; nothing changed.");
        }
        Optional<Person> subject = person(actor.orgId(), nomination.subjectId());
        String subjectName = subject.map(Person::name).orElse("them");
        if (!approve) {
            jdbi.useTransaction(handle -> tell(
                    handle,
                    actor.orgId(),
                    nomination.subjectId(),
                    "feedback-nomination:" + nomination.id() + ":declined",
                    Message.of("🙅 " + actor.name() + " declined your nomination for feedback about "
                            + nomination.topic() + ". Talk to them about whom to ask instead.")));
            return Message.of("Declined; " + subjectName + " is told.");
        }
        List<Person> nominees = jdbi.withHandle(handle -> {
            List<Long> ids = handle.attach(FeedbackNominationDao.class).nominees(actor.orgId(), nomination.id());
            return handle.attach(PersonDao.class).listByIds(actor.orgId(), ids).stream()
                    .sorted(java.util.Comparator.comparingInt(person -> ids.indexOf(person.id())))
                    .toList();
        });
        FeedbackRequests.Outcome outcome = requests.open(
                actor,
                nominees,
                nomination.topic(),
                false,
                subject.orElseThrow(),
                "nomination:" + nomination.id(),
                false);
        if (outcome.requestId().isEmpty()) {
            // a guard refused (someone left since): undo the decision so that the manager can decide again
            jdbi.useHandle(handle -> handle.execute(
                    "UPDATE feedback_nominations SET state = 'pending', decided_at = NULL WHERE org_id = ? AND id = ?",
                    actor.orgId(),
                    nomination.id()));
            return outcome.message();
        }
        SubjectSees sees = jdbi.withExtension(FeedbackSettingsDao.class, dao -> dao.get(actor.orgId()))
                .subjectSees();
        jdbi.useTransaction(handle -> {
            handle.attach(FeedbackNominationDao.class)
                    .linkRequest(
                            actor.orgId(), nomination.id(), outcome.requestId().get());
            tell(
                    handle,
                    actor.orgId(),
                    nomination.subjectId(),
                    "feedback-nomination:" + nomination.id() + ":approved",
                    FeedbackMessages.nominationApproved(actor.name(), names(nominees), nomination.topic(), sees));
        });
        return outcome.message();
    }

    private static List<String> names(List<Person> people) {
        return people.stream().map(Person::name).toList();
    }

    private static void tell(Handle handle, long orgId, long personId, String key, Message message) {
        handle.attach(ContactDao.class).list(orgId, List.of(personId)).stream()
                .filter(contact -> contact.platformUserId() != null)
                .forEach(contact ->
                        Outbox.toUser(handle, orgId, contact.platform(), contact.platformUserId(), key, message));
    }

    private Optional<Person> person(long orgId, long id) {
        return jdbi.withExtension(PersonDao.class, dao -> dao.listByIds(orgId, List.of(id))).stream()
                .findFirst();
    }

    private static Optional<Long> parse(String value) {
        return value != null && value.strip().matches("\\d{1,18}")
                ? Optional.of(Long.parseLong(value.strip()))
                : Optional.empty();
    }

    /** "nominate @li @mo for the mid-year review" → "the mid-year review"; without words, "Ana's work". */
    private static String topic(Command command, String name) {
        String rest = command.text().replaceFirst("(?i)^nominate\\b", "");
        for (Mention mention : command.mentions()) {
            rest = rest.replace("@" + mention.displayName(), " ");
        }
        rest = rest.replaceAll("\\s+", " ").strip().replaceFirst("(?i)^(for|on|about|re:?)\\s+", "");
        if (rest.isEmpty()) {
            return name + "'s work";
        }
        return rest.length() <= 300 ? rest : rest.substring(0, 299) + "…";
    }

    /** The buttons under the manager's DM. */
    static Block.Buttons buttons(long nomination) {
        return new Block.Buttons(List.of(
                new Block.Button(APPROVE, "Approve and ask them", Long.toString(nomination), Block.ButtonStyle.PRIMARY),
                new Block.Button(DECLINE, "Decline", Long.toString(nomination), Block.ButtonStyle.DEFAULT)));
    }
}
