package dev.candor.bot.checkin;

import dev.candor.bot.ask.AskMessages;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinAnswerDao;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.checkin.PersonAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /checkin remind} and the digest's Remind button: a DM to each person of a round who hasn't answered, and
 * to nobody else. The digest comes at the deadline, so reminding after it gives those people a day to answer late
 * (the engine reopens their asks), and each late answer then reaches the owner on its own.
 */
final class CheckinReminders {
    /** How long a reminder sent after the deadline lets people answer. */
    static final Duration LATE = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Rounds rounds;
    private final Clock clock;

    CheckinReminders(Jdbi jdbi, Rounds rounds, Clock clock) {
        this.jdbi = jdbi;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** The setup's latest round. */
    Message remind(Actor actor, Checkin checkin) {
        List<PersonAnswer> latest =
                jdbi.onDemand(CheckinAnswerDao.class).listLatestRounds(actor.orgId(), checkin.subject(), 1);
        if (latest.isEmpty()) {
            return CheckinMessages.notSentYet(actor.platform(), checkin);
        }
        return remind(actor, checkin, latest.get(0).roundId());
    }

    /** The digest's Remind button, whose value is the round id: for whoever may read the round's answers. */
    Message remindRound(Actor actor, String value) {
        Optional<Checkin> checkin = roundId(value)
                .flatMap(id -> jdbi.onDemand(RoundDao.class).find(actor.orgId(), id))
                .flatMap(round -> CheckinReading.checkinOf(jdbi, round))
                .filter(found -> Visibility.readsTeam(jdbi, actor, found));
        if (checkin.isEmpty()) {
            return Message.of("Only the check-in's owner can remind its people.");
        }
        return remind(actor, checkin.get(), Long.parseLong(value.strip()));
    }

    private Message remind(Actor actor, Checkin checkin, long roundId) {
        Instant now = clock.instant();
        Round round = jdbi.onDemand(RoundDao.class).find(actor.orgId(), roundId).orElseThrow();
        Instant until = now.plus(LATE);
        // The engine reopens the asks, and the round if it closed: the late answers reach the owner (see
        // CheckinRoundEvents.answered) and the sweep closes the round again at the new deadline.
        boolean late = !rounds.reopenLate(actor.orgId(), roundId, until).isEmpty();
        List<PersonAnswer> waiting = jdbi.onDemand(CheckinAnswerDao.class).listRound(actor.orgId(), roundId).stream()
                .filter(ask -> ask.state() == AskState.PENDING && ask.dueAt().isAfter(now))
                .toList();
        if (waiting.isEmpty()) {
            return Message.of("Nobody to remind in \"" + checkin.name() + "\" (" + round.period()
                    + "): everyone asked has answered.");
        }
        List<Long> people = waiting.stream().map(PersonAnswer::personId).toList();
        Map<Long, Contact> contacts = contacts(actor.orgId(), people);
        Map<Long, ZoneId> zones = rounds.zones(actor.orgId(), people);
        LocalDate today = LocalDate.ofInstant(now, actor.zone());
        List<Outbox.UserMessage> messages = new ArrayList<>();
        List<String> reminded = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (PersonAnswer ask : waiting) {
            Contact contact = contacts.get(ask.personId());
            if (contact == null || !contact.reachable()) {
                unreachable.add(ask.personName());
                continue;
            }
            reminded.add(contact.name());
            messages.add(new Outbox.UserMessage(
                    actor.orgId(),
                    contact.platform(),
                    contact.platformUserId(),
                    "checkin:remind:" + ask.askId() + ":" + today,
                    reminder(actor, checkin, ask, zones.getOrDefault(ask.personId(), actor.zone()))));
        }
        int queued = jdbi.inTransaction(handle -> Outbox.toUsers(handle, messages));
        return Message.of(summary(reminded, unreachable, queued, late ? until : null, actor));
    }

    private static String summary(
            List<String> reminded, List<String> unreachable, int queued, Instant lateUntil, Actor actor) {
        StringBuilder text = new StringBuilder(
                queued == 0 && !reminded.isEmpty()
                        ? "They were reminded today already: " + String.join(", ", reminded) + "."
                        : "⏰ Reminded " + reminded.size() + ": " + String.join(", ", reminded) + ".");
        if (lateUntil != null && !reminded.isEmpty()) {
            text.append(" The deadline had passed, so they can answer until ")
                    .append(CheckinSending.local(lateUntil, actor.zone()))
                    .append(" your time.");
        }
        if (!unreachable.isEmpty()) {
            text.append(" Candor can't reach ")
                    .append(String.join(", ", unreachable))
                    .append('.');
        }
        return text.toString();
    }

    /** What and who, and until when in the person's own time, worded as the engine's asks say it. */
    private static Message reminder(Actor owner, Checkin checkin, PersonAnswer ask, ZoneId zone) {
        String text = "⏰ " + owner.name() + " reminds you: your check-in \"" + checkin.name() + "\" (" + ask.period()
                + ") is waiting for your answer.";
        Block.Context answerBy = AskMessages.answerBy(ask.dueAt(), zone);
        return new Message(
                text + " " + answerBy.text().plain(),
                List.of(
                        new Block.Section(Text.of(text)),
                        answerBy,
                        new Block.Buttons(List.of(new Block.Button(
                                CheckinSending.ANSWER,
                                "Answer",
                                String.valueOf(ask.askId()),
                                Block.ButtonStyle.PRIMARY)))));
    }

    private Map<Long, Contact> contacts(long orgId, List<Long> people) {
        return jdbi.onDemand(ContactDao.class).list(orgId, people).stream()
                .collect(Collectors.toMap(Contact::personId, Function.identity(), (a, b) -> a));
    }

    private static Optional<Long> roundId(String value) {
        return value != null && value.strip().matches("\\d{1,18}")
                ? Optional.of(Long.parseLong(value.strip()))
                : Optional.empty();
    }
}
