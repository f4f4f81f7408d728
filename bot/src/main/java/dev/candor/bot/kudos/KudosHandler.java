package dev.candor.bot.kudos;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.storage.kudos.Kudos;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.people.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /kudos @ana @li thanks for the demo #ownership}: stores the kudos, announces it, DMs each recipient. */
public final class KudosHandler implements CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(KudosHandler.class);

    private final Jdbi jdbi;
    private final PeopleDirectory directory;

    public KudosHandler(Jdbi jdbi, PeopleDirectory directory) {
        this.jdbi = jdbi;
        this.directory = directory;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        KudosRequest request = KudosRequest.parse(command.text(), command.mentions());
        if (request.recipients().isEmpty() || request.message().isBlank()) {
            return Reply.privately(KudosMessages.usage(actor.platform()));
        }
        if (request.recipients().size() > KudosRequest.MAX_RECIPIENTS) {
            return Reply.privately(KudosMessages.tooMany(actor.platform()));
        }
        List<Person> people = resolve(command, request.recipients());
        Optional<Message> refusal = refusal(actor, people);
        if (refusal.isPresent()) {
            return Reply.privately(refusal.get());
        }
        Mention giver = new Mention(actor.platformUserId(), actor.name());
        Kudos kudos = store(command, request, people, giver);
        log.info("kudos {} stored for {} recipient(s)", kudos.id(), people.size());
        return Reply.publicly(
                KudosMessages.announcement(giver, request.recipients(), request.message(), request.values()));
    }

    private List<Person> resolve(Command command, List<Mention> recipients) {
        return recipients.stream()
                .map(mention -> directory.personFor(command.actor(), mention))
                .toList();
    }

    private static Optional<Message> refusal(Actor actor, List<Person> people) {
        List<String> bots = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            if (person.id() == actor.personId()) {
                return Optional.of(KudosMessages.noSelfKudos(actor.platform()));
            }
            if (person.isBot()) {
                bots.add(person.name());
            } else if (!person.active()) {
                inactive.add(person.name());
            }
        }
        if (!bots.isEmpty()) {
            return Optional.of(KudosMessages.noBots(bots));
        }
        return inactive.isEmpty() ? Optional.empty() : Optional.of(KudosMessages.inactive(inactive));
    }

    /** Stores the kudos and queues the recipients' DMs in one transaction: all of it happens, or none. */
    private Kudos store(Command command, KudosRequest request, List<Person> people, Mention giver) {
        Actor actor = command.actor();
        return jdbi.inTransaction(handle -> {
            KudosDao dao = handle.attach(KudosDao.class);
            Optional<Kudos> inserted = dao.insert(
                    actor.orgId(),
                    actor.personId(),
                    request.message(),
                    actor.platform(),
                    command.where().conversationId(),
                    command.sourceKey());
            if (inserted.isEmpty()) {
                // The same submission again (a retry, a double click): it was stored and announced already.
                return dao.findBySourceKey(actor.orgId(), command.sourceKey()).orElseThrow();
            }
            Kudos kudos = inserted.get();
            dao.insertRecipients(
                    kudos.id(), actor.orgId(), people.stream().map(Person::id).toList());
            dao.insertValues(kudos.id(), actor.orgId(), request.values());
            Message dm = KudosMessages.received(giver, request.message(), request.values());
            for (int i = 0; i < people.size(); i++) {
                Outbox.toUser(
                        handle,
                        actor.orgId(),
                        actor.platform(),
                        request.recipients().get(i).platformUserId(),
                        "kudos:" + kudos.id() + ":" + people.get(i).id(),
                        dm);
            }
            return kudos;
        });
    }
}
