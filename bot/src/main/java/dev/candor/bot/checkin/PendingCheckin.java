package dev.candor.bot.checkin;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Reply;
import dev.candor.scheduler.ask.RoundCalendar;
import dev.candor.scheduler.checkin.CheckinRounds;
import dev.candor.scheduler.checkin.CheckinSeries;
import dev.candor.storage.ask.Ask;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.people.PersonLookupDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /checkin} with nothing after it: opens the person's check-in form straight away (the engine's form, as its
 * Answer button would), or says when the next check-in comes and from whom.
 */
final class PendingCheckin {
    private final Jdbi jdbi;
    private final Asking asking;
    private final Clock clock;

    PendingCheckin(Jdbi jdbi, Asking asking, Clock clock) {
        this.jdbi = jdbi;
        this.asking = asking;
        this.clock = clock;
    }

    Reply open(Actor actor) {
        Instant now = clock.instant();
        List<Ask> open =
                jdbi.onDemand(dev.candor.storage.ask.AskDao.class).listOpenFor(actor.orgId(), actor.personId(), now);
        Map<Long, Round> checkinRounds =
                jdbi
                        .onDemand(RoundDao.class)
                        .listByIds(open.stream().map(Ask::roundId).toList())
                        .stream()
                        .filter(round -> CheckinRounds.FEATURE.equals(round.feature()))
                        .collect(Collectors.toMap(Round::id, round -> round));
        List<Ask> mine = open.stream()
                .filter(ask -> checkinRounds.containsKey(ask.roundId()))
                .toList();
        // Not answered yet first; then one answered that may still be changed.
        Optional<Ask> sent = mine.stream()
                .filter(ask -> ask.sentAt() != null)
                .min(Comparator.comparing((Ask ask) -> ask.answeredAt() != null).thenComparing(Ask::dueAt));
        if (sent.isPresent()) {
            return asking.handler().open(actor, sent.get().id());
        }
        Optional<Ask> planned = mine.stream()
                .filter(ask -> ask.sentAt() == null && ask.opensAt().isAfter(now))
                .min(Comparator.comparing(Ask::opensAt));
        if (planned.isPresent()) {
            Round round = checkinRounds.get(planned.get().roundId());
            Optional<Checkin> checkin = CheckinReading.checkinOf(jdbi, round);
            LocalDateTime local = LocalDateTime.ofInstant(planned.get().opensAt(), actor.zone());
            return Reply.privately(CheckinMessages.nextComes(checkin.orElse(null), owner(checkin), local));
        }
        return Reply.privately(next(actor, now));
    }

    /** The soonest of the setups that ask the person, at its local time in their zone. */
    private dev.candor.bot.chat.Message next(Actor actor, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, actor.zone());
        return CheckinSending.asking(jdbi, actor).stream()
                .map(checkin ->
                        Map.entry(checkin, CheckinSeries.calendar(checkin).next(today)))
                .min(Map.Entry.comparingByValue(Comparator.comparing(RoundCalendar.Occurrence::opensLocal)))
                .map(next -> CheckinMessages.nextComes(
                        next.getKey(),
                        owner(Optional.of(next.getKey())),
                        next.getValue().opensLocal()))
                .orElseGet(CheckinMessages::nothingAsks);
    }

    private String owner(Optional<Checkin> checkin) {
        return checkin.flatMap(found -> jdbi.onDemand(PersonLookupDao.class).findById(found.orgId(), found.ownerId()))
                .map(person -> person.name())
                .orElse(null);
    }

    /** "Friday 14:00". */
    static String day(LocalDateTime local) {
        return local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + "%02d:%02d".formatted(local.getHour(), local.getMinute());
    }
}
