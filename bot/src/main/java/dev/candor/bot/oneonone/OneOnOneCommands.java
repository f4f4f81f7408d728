package dev.candor.bot.oneonone;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.bot.people.Reachability;
import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.oneonone.Cadence;
import dev.candor.storage.oneonone.AgendaDao;
import dev.candor.storage.oneonone.OneOnOne;
import dev.candor.storage.oneonone.OneOnOneDao;
import dev.candor.storage.people.Person;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 1:1 sub-commands of {@code /checkin}: {@code 1on1 @ana every 2 weeks tuesday 10:00}, {@code 1on1 list},
 * {@code 1on1 cancel @ana} and {@code agenda @ana what to talk about}. The {@code /checkin} router hands these words
 * to {@link #handle(Command)}; {@link #checkin(CommandHandler)} is a stand-in router until check-ins have theirs.
 */
public final class OneOnOneCommands {
    public static final Set<String> VERBS = Set.of("1on1", "agenda");
    static final int MAX_POINT = 500;
    private static final Logger log = LoggerFactory.getLogger(OneOnOneCommands.class);

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Clock clock;
    private final Reachability reachability;
    private final MeetingRounds rounds;

    /** @param feature the 1:1s' feature of the asking engine, through which meetings become rounds */
    public OneOnOneCommands(Jdbi jdbi, PeopleDirectory directory, Clock clock, OneOnOneFeature feature) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.clock = clock;
        this.reachability = new Reachability(jdbi);
        this.rounds = feature.rounds();
    }

    /** True for the {@code /checkin} words this class answers. */
    public static boolean handles(Command command) {
        return VERBS.contains(command.verb());
    }

    /** A {@code /checkin} that answers {@code 1on1} and {@code agenda} and hands every other word on. */
    public CommandHandler checkin(CommandHandler others) {
        return command -> handles(command) ? handle(command) : others.handle(command);
    }

    public Reply handle(Command command) {
        String rest = command.text().substring(command.verb().length()).strip();
        if (command.verb().equals("agenda")) {
            return agenda(command.actor(), rest, command);
        }
        OneOnOneRequest request = OneOnOneRequest.parse(rest, command.mentions());
        Actor actor = command.actor();
        if (request instanceof OneOnOneRequest.ListAll) {
            return Reply.privately(OneOnOneMessages.list(
                    actor.platform(),
                    actor.personId(),
                    actor.zone(),
                    jdbi.onDemand(OneOnOneDao.class).listFor(actor.orgId(), actor.personId())));
        } else if (request instanceof OneOnOneRequest.Cancel cancel) {
            return cancel(actor, cancel.person());
        } else if (request instanceof OneOnOneRequest.Schedule schedule) {
            return schedule(actor, schedule);
        }
        return Reply.privately(OneOnOneMessages.usage(actor.platform(), ((OneOnOneRequest.Problem) request).message()));
    }

    private Reply schedule(Actor actor, OneOnOneRequest.Schedule request) {
        Optional<Person> found = person(actor, request.person());
        if (found.isEmpty()) {
            return unknown(actor, request.person());
        }
        Person report = found.get();
        if (report.id() == actor.personId()) {
            return Reply.privately(
                    "A 1:1 takes two: name one of your reports, e.g. " + OneOnOneMessages.example(actor.platform()));
        }
        if (report.managerId() == null || report.managerId() != actor.personId()) {
            return Reply.privately("You can only schedule 1:1s with your own reports, and Candor's directory doesn't"
                    + " list you as " + report.name() + "'s manager. HR sets managers when importing people"
                    + " (import-people FILE.csv, column manager_email).");
        }
        Person manager = jdbi.onDemand(dev.candor.storage.people.PersonLookupDao.class)
                .findById(actor.orgId(), actor.personId())
                .orElseThrow();
        String zone = Cadence.zone(manager.timezone()).getId();
        Cadence cadence = new Cadence(request.everyWeeks(), request.day(), request.time(), Cadence.zone(zone));
        Instant now = clock.instant();
        LocalDateTime first = cadence.first(now);
        OneOnOne saved = jdbi.inTransaction(handle -> {
            OneOnOneDao dao = handle.attach(OneOnOneDao.class);
            OneOnOne stored = dao.save(
                    actor.orgId(),
                    actor.personId(),
                    report.id(),
                    request.everyWeeks(),
                    request.day().getValue(),
                    request.time(),
                    zone,
                    first,
                    cadence.remindAt(first));
            rounds.cancelUpcoming(handle, actor.orgId(), stored.id());
            rounds.open(handle, stored, first);
            return stored;
        });
        boolean replaced = saved.revision() > 0;
        log.info("1:1 {} scheduled in org {}", saved.id(), actor.orgId());
        Optional<Unreachable> lost = reachability.unreachable(actor.orgId(), List.of(report.id())).stream()
                .findFirst();
        return Reply.privately(
                OneOnOneMessages.scheduled(saved, cadence.at(first), Cadence.zone(report.timezone()), replaced, lost));
    }

    private Reply cancel(Actor actor, Mention mention) {
        Optional<Person> found = person(actor, mention);
        if (found.isEmpty()) {
            return unknown(actor, mention);
        }
        Person other = found.get();
        Optional<OneOnOne> oneOnOne =
                jdbi.onDemand(OneOnOneDao.class).findBetween(actor.orgId(), actor.personId(), other.id());
        if (oneOnOne.isEmpty()) {
            return Reply.privately(OneOnOneMessages.noneWith(actor.platform(), other.name()));
        }
        if (oneOnOne.get().managerId() != actor.personId()) {
            return Reply.privately("Only " + oneOnOne.get().managerName()
                    + ", who scheduled your 1:1s, can cancel them. Ask them, or add a talking point instead.");
        }
        jdbi.useTransaction(handle -> {
            handle.attach(OneOnOneDao.class)
                    .cancel(actor.orgId(), oneOnOne.get().id(), clock.instant());
            rounds.cancelAll(handle, actor.orgId(), oneOnOne.get().id());
        });
        log.info("1:1 {} cancelled in org {}", oneOnOne.get().id(), actor.orgId());
        return Reply.privately(OneOnOneMessages.cancelled(other.name()));
    }

    private Reply agenda(Actor actor, String rest, Command command) {
        if (command.mentions().size() != 1) {
            return Reply.privately(
                    OneOnOneMessages.usage(actor.platform(), "Name the person of the 1:1, then the talking point."));
        }
        Mention mention = command.mentions().get(0);
        String point = OneOnOneRequest.withoutMentions(rest, command.mentions()).strip();
        if (point.isEmpty() || point.length() > MAX_POINT) {
            return Reply.privately(OneOnOneMessages.usage(
                    actor.platform(),
                    point.isEmpty()
                            ? "Say what you want to talk about after the name."
                            : "Keep a talking point under " + MAX_POINT + " characters."));
        }
        Optional<Person> other = person(actor, mention);
        if (other.isEmpty()) {
            return unknown(actor, mention);
        }
        Optional<OneOnOne> oneOnOne = jdbi.onDemand(OneOnOneDao.class)
                .findBetween(actor.orgId(), actor.personId(), other.get().id());
        if (oneOnOne.isEmpty()) {
            return Reply.privately(
                    OneOnOneMessages.noneWith(actor.platform(), other.get().name()));
        }
        jdbi.onDemand(AgendaDao.class)
                .insertPoint(actor.orgId(), oneOnOne.get().id(), point, actor.personId(), clock.instant());
        return Reply.privately(OneOnOneMessages.pointAdded(other.get().name(), point));
    }

    private Optional<Person> person(Actor actor, Mention mention) {
        try {
            return Optional.of(directory.personFor(actor, mention));
        } catch (ProfileSource.NoSuchUser unknown) {
            return Optional.empty();
        }
    }

    private static Reply unknown(Actor actor, Mention mention) {
        return Reply.privately(Message.of(
                mention.displayName().toLowerCase(Locale.ROOT).isEmpty()
                        ? "I don't know that person."
                        : "I don't know " + mention.displayName()
                                + " in this workspace. Mention them with @ as you type."));
    }
}
