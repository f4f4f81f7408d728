package dev.candor.bot.kudos;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.storage.kudos.Kudos;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.kudos.KudosGivingDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosTallyDao;
import dev.candor.storage.kudos.NewKudos;
import dev.candor.storage.kudos.Via;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.people.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Giving kudos, whichever way it was asked for: checks the rules, spends the giver's allowance, stores the kudos
 * and queues its public post and the recipients' DMs, all in one transaction.
 */
public final class KudosService {
    private static final Logger log = LoggerFactory.getLogger(KudosService.class);

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Clock clock;
    private final RecognitionSettings settings;

    public KudosService(Jdbi jdbi, PeopleDirectory directory, Clock clock) {
        this(jdbi, directory, clock, new RecognitionSettings(jdbi));
    }

    public KudosService(Jdbi jdbi, PeopleDirectory directory, Clock clock, RecognitionSettings settings) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
    }

    GiveOutcome give(GiveRequest request) {
        Actor giver = request.giver();
        RecognitionSettings.Snapshot configured = this.settings.get(giver.orgId());
        KudosSettings settings = configured.settings();
        KudosRules rules = new KudosRules(settings, configured.values());
        Optional<Message> problem = rules.checkPeopleCount(request);
        if (problem.isPresent()) {
            return new GiveOutcome.Refused(problem.get(), "people");
        }
        problem = rules.checkMentionIds(request);
        if (problem.isPresent()) {
            return new GiveOutcome.Refused(problem.get(), "people");
        }
        problem = rules.checkMessage(request);
        if (problem.isPresent()) {
            return new GiveOutcome.Refused(problem.get(), "message");
        }
        List<Person> recipients = new ArrayList<>(request.recipients().size());
        for (Mention mention : request.recipients()) {
            try {
                recipients.add(directory.personFor(giver, mention));
            } catch (ProfileSource.NoSuchUser unknown) {
                log.info("kudos refused: a recipient is unknown to {}", giver.platform());
                return new GiveOutcome.Refused(
                        KudosMessages.unknownPeople(giver.platform(), List.of(KudosRules.shortName(mention))),
                        "people");
            }
        }
        problem = rules.checkRecipients(giver, recipients);
        if (problem.isPresent()) {
            return new GiveOutcome.Refused(problem.get(), "people");
        }
        return jdbi.inTransaction(handle -> store(handle, request, rules, configured, recipients));
    }

    /** Balance of a giver now, for confirmations and {@code /kudos me}. */
    public Allowance allowanceOf(Actor actor) {
        KudosSettings settings = this.settings.get(actor.orgId()).settings();
        Instant since = Allowance.periodStart(settings.allowancePeriod(), actor.zone(), clock.instant());
        int spent = jdbi.onDemand(KudosGivingDao.class).countSpentSince(actor.orgId(), actor.personId(), since);
        return Allowance.of(settings, actor.role(), spent);
    }

    private GiveOutcome store(
            Handle handle,
            GiveRequest request,
            KudosRules rules,
            RecognitionSettings.Snapshot configured,
            List<Person> recipients) {
        Actor giver = request.giver();
        KudosSettings settings = configured.settings();
        KudosGivingDao kudosDao = handle.attach(KudosGivingDao.class);
        // Serialises this giver's requests (concurrent ones can't both see room for the last kudos), and holds off a
        // recount of the organisation's tallies until this kudos is counted. The zone is read again under that lock:
        // the one in the settings may be from before a zone change that has committed since.
        kudosDao.lockGiver(giver.orgId(), giver.personId());
        Instant since = Allowance.periodStart(settings.allowancePeriod(), giver.zone(), clock.instant());
        KudosGivingDao.Spent spent = kudosDao.countSpentAndZone(giver.orgId(), giver.personId(), since);
        Allowance allowance = Allowance.of(settings, giver.role(), spent.kudos());
        if (!allowance.allows(recipients.size())) {
            // A repeat of a submission that already spent the last kudos is not a new request.
            Optional<Kudos> earlier = findEarlier(kudosDao, request);
            if (earlier.isPresent()) {
                return new GiveOutcome.AlreadyGiven(earlier.get());
            }
            Instant reset = Allowance.nextReset(settings.allowancePeriod(), giver.zone(), clock.instant());
            return new GiveOutcome.Refused(
                    KudosMessages.overAllowance(allowance, recipients.size(), reset, giver.zone()), "people");
        }
        Optional<Kudos> inserted = kudosDao.insert(new NewKudos(
                giver.orgId(),
                giver.personId(),
                request.message(),
                giver.platform(),
                request.where().conversationId(),
                request.sourceKey(),
                request.via(),
                request.sourceMessageId(),
                request.sourceUrl(),
                request.parentKudosId()));
        if (inserted.isEmpty()) {
            return new GiveOutcome.AlreadyGiven(findEarlier(kudosDao, request).orElseThrow());
        }
        Kudos kudos = inserted.get();
        List<String> values = rules.values(request.message());
        kudosDao.insertRecipientsAndValuesCounted(
                giver.orgId(),
                kudos.id(),
                giver.personId(),
                recipients.stream().map(Person::id).toList(),
                values,
                kudos.createdAt(),
                spent.timezone());
        // The public post and the recipients' DMs, queued in one round trip.
        List<Outbox.Queued> messages = new ArrayList<>(recipients.size() + 1);
        Outbox.Queued post = announcement(request, settings, kudos, values);
        if (post != null) {
            messages.add(post);
        }
        messages.addAll(directMessages(request, kudos, recipients, values));
        Outbox.queueAll(handle, messages);
        String postedTo = post == null ? null : post.target();
        log.info(
                "kudos {} ({}) stored for {} recipient(s)",
                kudos.id(),
                request.via().dbValue(),
                recipients.size());
        return new GiveOutcome.Given(kudos, values, allowance.afterSpending(recipients.size()), postedTo);
    }

    private static Optional<Kudos> findEarlier(KudosGivingDao kudosDao, GiveRequest request) {
        Actor giver = request.giver();
        if (request.via() == Via.REACTION || request.via() == Via.PLUS_ONE) {
            return kudosDao.findReaction(giver.orgId(), giver.personId(), request.sourceMessageId());
        }
        return request.sourceKey() == null
                ? Optional.empty()
                : kudosDao.findBySourceKey(giver.orgId(), request.sourceKey());
    }

    /** The public post of a kudos, or null when there is none. */
    private static Outbox.Queued announcement(
            GiveRequest request, KudosSettings settings, Kudos kudos, List<String> values) {
        String target = KudosRules.announcementTarget(request, settings);
        if (target == null) {
            return null;
        }
        Actor giver = request.giver();
        Message post = KudosMessages.announcement(
                new Mention(giver.platformUserId(), giver.name()),
                request.recipients(),
                request.message(),
                values,
                request.sourceUrl());
        String replyUrl = target.equals(request.where().conversationId()) ? request.replyUrl() : null;
        return Outbox.Queued.toConversation(
                giver.orgId(), giver.platform(), target, "kudos:" + kudos.id() + ":post", post, replyUrl);
    }

    /** A DM to each recipient. */
    private static List<Outbox.Queued> directMessages(
            GiveRequest request, Kudos kudos, List<Person> recipients, List<String> values) {
        Actor giver = request.giver();
        Mention from = new Mention(giver.platformUserId(), giver.name());
        Message dm = request.via() == Via.PLUS_ONE
                ? KudosMessages.joined(from, request.message())
                : KudosMessages.received(from, request.message(), values, request.sourceUrl());
        List<Outbox.Queued> dms = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            dms.add(Outbox.Queued.toUser(
                    giver.orgId(),
                    giver.platform(),
                    request.recipients().get(i).platformUserId(),
                    "kudos:" + kudos.id() + ":" + recipients.get(i).id(),
                    dm));
        }
        return dms;
    }

    /** Takes back a reaction kudos removed within ten minutes: the kudos and any DM not yet sent. */
    boolean takeBack(Actor giver, String messageId) {
        return jdbi.inTransaction(handle -> {
            KudosDao kudosDao = handle.attach(KudosDao.class);
            Optional<Kudos> kudos = kudosDao.findReaction(giver.orgId(), giver.personId(), messageId);
            if (kudos.isEmpty()
                    || kudos.get().createdAt().isBefore(clock.instant().minusSeconds(600))) {
                return false;
            }
            handle.attach(OutboxDao.class)
                    .cancelPending(giver.orgId(), "kudos:" + kudos.get().id() + ":");
            handle.attach(KudosTallyDao.class)
                    .uncount(giver.orgId(), kudos.get().id());
            return kudosDao.delete(giver.orgId(), kudos.get().id()) > 0;
        });
    }
}
