package dev.candor.bot.checkin;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.bot.people.ChannelRoster;
import dev.candor.bot.people.Reachability;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.ask.OpenedRound;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.checkin.CheckinRounds;
import dev.candor.scheduler.checkin.CheckinSeries;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /checkin send}: opens the current period's round now. */
final class CheckinSending {
    /** The engine's Answer button on an ask (its AskHandler opens the form). */
    static final String ANSWER = "ask.answer";

    private static final Logger log = LoggerFactory.getLogger(CheckinSending.class);

    private final Jdbi jdbi;
    private final CheckinRounds rounds;
    private final AskQueue queue;
    private final Reachability reachability;
    private final Clock clock;

    CheckinSending(Jdbi jdbi, CheckinRounds rounds, AskQueue queue, Reachability reachability, Clock clock) {
        this.jdbi = jdbi;
        this.rounds = rounds;
        this.queue = queue;
        this.reachability = reachability;
        this.clock = clock;
    }

    /** Opens the current period's round now; everyone in working time is asked at once, the rest at their morning. */
    Message send(Actor actor, Checkin checkin) {
        Instant now = clock.instant();
        String period = CheckinSeries.calendar(checkin)
                .containing(LocalDate.ofInstant(now, actor.zone()))
                .period();
        if (findRound(actor, checkin, period).isPresent()) {
            return alreadySent(actor, checkin, period);
        }
        List<Long> audience;
        try {
            audience = rounds.audience(jdbi, checkin);
        } catch (ChannelRoster.Unlisted unlisted) {
            log.warn("members of check-in {}'s channel in org {} not listed", checkin.id(), checkin.orgId());
            return CheckinMessages.channelUnlisted(actor.platform(), checkin);
        }
        Optional<OpenedRound> opened = jdbi.inTransaction(
                handle -> rounds.open(handle, checkin, audience, period, Opening.now(), now, actor.personId()));
        if (opened.isEmpty()) {
            return alreadySent(actor, checkin, period);
        }
        queue.openDue(opened.get().round().id(), now);
        List<Long> people =
                opened.get().asks().stream().map(ask -> ask.personId()).toList();
        List<Unreachable> cannot = reachability.unreachable(actor.orgId(), people);
        return CheckinMessages.sent(
                checkin, period, SendSummary.of(opened.get(), names(actor.orgId(), people), cannot, now));
    }

    /**
     * Who of the check-in's people Candor can't reach now; empty when the audience can't be listed now (a channel's
     * platform not answering): the next {@code /checkin send} and the round itself tell then.
     */
    List<Unreachable> unreachable(Checkin checkin) {
        try {
            return reachability.unreachable(checkin.orgId(), rounds.audience(jdbi, checkin));
        } catch (ChannelRoster.Unlisted e) {
            log.warn(
                    "audience of check-in {} of org {} not listed: {}",
                    checkin.id(),
                    checkin.orgId(),
                    e.getClass().getSimpleName());
            return List.of();
        }
    }

    private Optional<Round> findRound(Actor actor, Checkin checkin, String period) {
        return jdbi.onDemand(RoundDao.class).findByKey(actor.orgId(), CheckinRounds.FEATURE, checkin.subject(), period);
    }

    private Message alreadySent(Actor actor, Checkin checkin, String period) {
        Round round = findRound(actor, checkin, period).orElseThrow();
        AskCounts counts = jdbi.onDemand(RoundDao.class).countAsks(actor.orgId(), round.id());
        return CheckinMessages.alreadySent(
                actor.platform(), checkin, period, counts.answered(), counts.total() - counts.skipped());
    }

    private Map<Long, String> names(long orgId, List<Long> people) {
        return contacts(orgId, people).values().stream()
                .collect(Collectors.toMap(Contact::personId, Contact::name, (a, b) -> a));
    }

    Map<Long, Contact> contacts(long orgId, List<Long> people) {
        return jdbi.onDemand(ContactDao.class).list(orgId, people).stream()
                .collect(Collectors.toMap(Contact::personId, Function.identity(), (a, b) -> a));
    }

    static String local(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return local.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                + " %02d:%02d".formatted(local.getHour(), local.getMinute());
    }

    static List<Checkin> asking(Jdbi jdbi, Actor actor) {
        return jdbi.onDemand(CheckinDao.class).listAsking(actor.orgId(), actor.personId());
    }
}
