package dev.candor.bot.checkin;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.goal.GoalDigest;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.Answered;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.Round;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinAnswerDao;
import dev.candor.storage.checkin.CheckinDao;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.checkin.PersonAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What check-ins do when the engine tells them about a round, with the engine's {@code RoundListener} signature:
 * when a round closes (its deadline passed, or everyone answered) the owner gets one digest DM, even when nobody
 * answered, queued in the engine's transaction under {@code checkin:{roundId}:digest} so that it is sent once (a round
 * reopened for late answers closes again without a second digest); an answer given after the digest reaches the
 * owner as a DM of its own; a stand-up check-in posts each answer to its channel as it comes.
 */
public final class CheckinRoundEvents {
    private static final Logger log = LoggerFactory.getLogger(CheckinRoundEvents.class);
    private final Jdbi jdbi;

    public CheckinRoundEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void closed(Handle handle, Round round, AskCounts counts) {
        Optional<Checkin> found = checkin(handle, round);
        if (found.isEmpty()) {
            return;
        }
        Checkin checkin = found.get();
        List<PersonAnswer> history = handle.attach(CheckinAnswerDao.class)
                .listLatestRounds(round.orgId(), checkin.subject(), CheckinReading.TREND + 1);
        List<PersonAnswer> now =
                history.stream().filter(a -> a.roundId() == round.id()).toList();
        if (now.stream().allMatch(answer -> answer.state() == AskState.SKIPPED)) {
            return; // nobody was asked (all away): nothing to tell
        }
        Moods moods = new Moods(jdbi, round.orgId());
        Map<Long, List<Integer>> trends = new HashMap<>();
        for (PersonAnswer earlier : history) {
            if (earlier.roundId() != round.id()) {
                moods.mood(earlier).ifPresent(mood -> trends.computeIfAbsent(earlier.personId(), p -> new ArrayList<>())
                        .add(mood));
            }
        }
        List<Long> people =
                new ArrayList<>(now.stream().map(PersonAnswer::personId).toList());
        people.add(checkin.ownerId());
        Map<Long, Contact> contacts = contacts(handle, round.orgId(), people);
        Contact owner = contacts.get(checkin.ownerId());
        if (owner == null || !owner.reachable()) {
            log.warn("check-in {} round {}: its owner can't be reached, no digest", checkin.id(), round.id());
            return;
        }
        List<Long> asked = now.stream().map(PersonAnswer::personId).toList();
        // the week before the round closed (in tests and catch-ups, the round's own time, not the wall clock's)
        java.time.Instant closed = round.closedAt() != null
                ? round.closedAt()
                : round.closesAt() != null ? round.closesAt() : round.dueAt();
        List<Block> goalChanges = closed == null
                ? List.of()
                : GoalDigest.changes(handle, round.orgId(), asked, checkin.ownerId(), closed);
        Message digest = DigestMessages.digest(
                owner.platform(), checkin, round.period(), now, moods, trends, contacts, goalChanges);
        Outbox.toUser(handle, round.orgId(), owner.platform(), owner.platformUserId(), digestKey(round.id()), digest);
    }

    /**
     * A late answer (given after the digest went out: the owner reminded after the deadline) reaches the owner as a
     * DM of its own; a stand-up check-in posts each answer to its channel once, and an edited answer replaces that
     * post.
     */
    public void answered(Handle handle, Round round, Answered answered) {
        Optional<Checkin> found = checkin(handle, round);
        if (found.isEmpty() || answered.answerId().isEmpty()) {
            return;
        }
        if (!answered.changed()) {
            tellOwnerIfLate(handle, round, found.get(), answered);
        }
        if (found.get().standupChannel() != null) {
            postToStandup(handle, round, found.get(), answered);
        }
    }

    /**
     * The digest is what the owner reads of a round: an answer that came after it went out would otherwise never
     * reach them. Only a first answer: changing one before the deadline is what the digest already shows.
     */
    private void tellOwnerIfLate(Handle handle, Round round, Checkin checkin, Answered answered) {
        // One plain query on every answer: attaching the whole OutboxDao prepares each of its methods, which doubled
        // the answer path's time in the bench.
        boolean digestQueued = handle.createQuery(
                        "SELECT EXISTS (SELECT 1 FROM outbox WHERE org_id = :orgId AND idempotency_key = :key)")
                .bind("orgId", round.orgId())
                .bind("key", digestKey(round.id()))
                .mapTo(Boolean.class)
                .one();
        if (!digestQueued) {
            return; // the answer will be in the digest
        }
        List<PersonAnswer> answers =
                handle.attach(CheckinAnswerDao.class).findInRound(round.orgId(), round.id(), answered.personId());
        Map<Long, Contact> contacts = contacts(handle, round.orgId(), List.of(answered.personId(), checkin.ownerId()));
        Contact owner = contacts.get(checkin.ownerId());
        if (answers.isEmpty() || owner == null || !owner.reachable()) {
            return;
        }
        Message late = DigestMessages.late(
                checkin,
                round.period(),
                answers.get(0),
                new Moods(jdbi, round.orgId()),
                contacts.get(answered.personId()));
        Outbox.toUser(
                handle,
                round.orgId(),
                owner.platform(),
                owner.platformUserId(),
                lateKey(round.id(), answered.personId()),
                late);
    }

    private void postToStandup(Handle handle, Round round, Checkin checkin, Answered answered) {
        List<PersonAnswer> answers =
                handle.attach(CheckinAnswerDao.class).findInRound(round.orgId(), round.id(), answered.personId());
        Map<Long, Contact> contacts = contacts(handle, round.orgId(), List.of(answered.personId(), checkin.ownerId()));
        Contact owner = contacts.get(checkin.ownerId());
        if (answers.isEmpty() || owner == null || !owner.reachable()) {
            return;
        }
        Message post = DigestMessages.standup(
                checkin,
                round.period(),
                answers.get(0),
                new Moods(jdbi, round.orgId()),
                contacts.get(answered.personId()));
        String key = standupKey(round.id(), answered.personId());
        if (answered.changed()) {
            long edit = handle.attach(CheckinAnswerDao.class)
                    .findSubmittedAt(round.orgId(), answered.answerId().get())
                    .map(at -> at.toEpochMilli())
                    .orElse(0L);
            if (Outbox.update(handle, round.orgId(), key + ":edit:" + edit, key, post)) {
                return;
            }
        }
        // A first answer, or a change to one given before the setup posted to a channel: post it (once).
        Outbox.toConversation(handle, round.orgId(), owner.platform(), checkin.standupChannel(), key, post);
    }

    static String lateKey(long roundId, long personId) {
        return "checkin:" + roundId + ":late:" + personId;
    }

    static String standupKey(long roundId, long personId) {
        return "checkin:" + roundId + ":standup:" + personId;
    }

    private static Map<Long, Contact> contacts(Handle handle, long orgId, List<Long> people) {
        return handle.attach(ContactDao.class).list(orgId, people).stream()
                .collect(Collectors.toMap(Contact::personId, Function.identity(), (a, b) -> a));
    }

    private static Optional<Checkin> checkin(Handle handle, Round round) {
        if (!round.subject().startsWith("checkin:")) {
            return Optional.empty();
        }
        return handle.attach(CheckinDao.class).find(round.orgId(), subjectId(round));
    }

    static String digestKey(long roundId) {
        return "checkin:" + roundId + ":digest";
    }

    private static long subjectId(Round round) {
        return Long.parseLong(round.subject().substring("checkin:".length()));
    }
}
