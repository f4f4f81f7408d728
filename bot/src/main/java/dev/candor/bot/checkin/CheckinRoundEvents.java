package dev.candor.bot.checkin;

import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.ask.AskCounts;
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

/**
 * What check-ins do when the engine tells them about a round, with the engine's {@code RoundListener} signature:
 * when a round closes (its deadline passed, or everyone answered) the owner gets one digest DM, queued in the
 * engine's transaction under {@code checkin:{roundId}:digest} so that it is sent once.
 */
public final class CheckinRoundEvents {
    private final Jdbi jdbi;

    public CheckinRoundEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void closed(Handle handle, Round round, AskCounts counts) {
        Optional<Checkin> found = handle.attach(CheckinDao.class).find(round.orgId(), subjectId(round));
        if (found.isEmpty()) {
            return;
        }
        Checkin checkin = found.get();
        List<PersonAnswer> history = handle.attach(CheckinAnswerDao.class)
                .listLatestRounds(round.orgId(), checkin.subject(), CheckinReading.TREND + 1);
        List<PersonAnswer> now =
                history.stream().filter(a -> a.roundId() == round.id()).toList();
        if (now.isEmpty()) {
            return;
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
        Map<Long, Contact> contacts = handle.attach(ContactDao.class).list(round.orgId(), people).stream()
                .collect(Collectors.toMap(Contact::personId, Function.identity(), (a, b) -> a));
        Contact owner = contacts.get(checkin.ownerId());
        if (owner == null || !owner.reachable()) {
            return;
        }
        Message digest = DigestMessages.digest(checkin, round.period(), now, moods, trends, contacts);
        Outbox.toUser(handle, round.orgId(), owner.platform(), owner.platformUserId(), digestKey(round.id()), digest);
    }

    static String digestKey(long roundId) {
        return "checkin:" + roundId + ":digest";
    }

    private static long subjectId(Round round) {
        return Long.parseLong(round.subject().substring("checkin:".length()));
    }
}
