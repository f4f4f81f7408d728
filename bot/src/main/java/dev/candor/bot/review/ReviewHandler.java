package dev.candor.bot.review;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.ask.OpenedRound;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.review.ReviewRounds;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.audit.AuditDao;
import dev.candor.storage.pulse.AudienceDao;
import dev.candor.storage.review.ReviewCycle;
import dev.candor.storage.review.ReviewDao;
import dev.candor.storage.review.ReviewPhase;
import dev.candor.storage.review.ReviewPhaseKind;
import dev.candor.storage.review.ReviewState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /candor review …} for HR admins: {@code new} (the form), {@code list}, {@code status NAME}, {@code pause},
 * {@code resume} and {@code close NAME}; and the form's submission, which stores the cycle with its phase and, when
 * the phase is open already, asks everyone at once through the engine.
 */
public final class ReviewHandler implements CommandHandler, Handlers.FormHandler {
    /** At most this many late people are named in a status. */
    static final int NAMED = 20;

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Asking asking;
    private final ReviewRounds rounds;
    private final Clock clock;
    private final ReviewExport export;

    public ReviewHandler(
            Jdbi jdbi,
            PeopleDirectory directory,
            Asking asking,
            ReviewRounds rounds,
            Clock clock,
            dev.candor.bot.server.FileLinks files) {
        this.jdbi = jdbi;
        this.export = new ReviewExport(jdbi, files);
        this.directory = directory;
        this.asking = asking;
        this.rounds = rounds;
        this.clock = clock;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        String[] words = command.text().strip().split("\\s+", 3);
        String verb = words.length < 2 ? "" : words[1].toLowerCase(Locale.ROOT);
        String name = words.length < 3 ? "" : words[2].strip();
        if (verb.equals("help")) {
            return Reply.privately(ReviewMessages.help(actor.platform()));
        }
        if (verb.isEmpty() || verb.equals("mine")) {
            return mine(actor);
        }
        if (!actor.isHrAdmin()) {
            return Reply.privately("Review cycles are run by HR admins; ask one of them.");
        }
        return switch (verb) {
            case "new" ->
                Reply.form(ReviewForm.of(
                        today(actor), jdbi.withExtension(AudienceDao.class, dao -> dao.departments(actor.orgId()))));
            case "list" -> Reply.privately(list(actor));
            case "status", "pause", "resume", "close", "export", "open" ->
                named(actor, verb, name, command.sourceKey());
            default -> Reply.privately(ReviewMessages.help(actor.platform()));
        };
    }

    private Reply named(Actor actor, String verb, String name, String sourceKey) {
        if (name.isEmpty()) {
            return Reply.privately("Say which cycle, e.g. "
                    + ReviewMessages.review(
                            actor.platform(), verb + " " + today(actor).getYear() + " annual review") + ".");
        }
        Optional<ReviewCycle> cycle = jdbi.withExtension(ReviewDao.class, dao -> dao.findByName(actor.orgId(), name));
        if (cycle.isEmpty()) {
            return Reply.privately("There is no review cycle called \"" + name + "\". "
                    + ReviewMessages.review(actor.platform(), "list") + " shows them.");
        }
        return Reply.privately(
                switch (verb) {
                    case "status" -> status(actor, cycle.get());
                    case "pause" -> pause(actor, cycle.get());
                    case "resume" -> resume(actor, cycle.get());
                    case "export" -> export.export(actor, cycle.get(), clock.instant(), sourceKey);
                    case "open" -> openNow(actor, cycle.get());
                    default -> close(actor, cycle.get());
                });
    }

    /**
     * What the person has to do in reviews now: the form itself when it is one thing (as its DM's Answer button
     * opens it), else the list of them, each with its Answer button.
     */
    private Reply mine(Actor actor) {
        Instant now = clock.instant();
        List<Long> open = jdbi.withHandle(handle ->
                handle
                        .attach(dev.candor.storage.ask.AskDao.class)
                        .listOpenFor(actor.orgId(), actor.personId(), now)
                        .stream()
                        .filter(ask -> handle.attach(RoundDao.class)
                                .find(actor.orgId(), ask.roundId())
                                .map(round -> round.feature().equals(ReviewRounds.FEATURE))
                                .orElse(false))
                        .map(dev.candor.storage.ask.Ask::id)
                        .toList());
        if (open.size() == 1) {
            return asking.handler().open(actor, open.get(0));
        }
        return asking.openAsks(actor, ReviewRounds.FEATURE, now)
                .map(Reply::privately)
                .orElse(Reply.privately("You have no review to write now: Candor sends you a message when one opens."
                        + (actor.isHrAdmin()
                                ? " " + ReviewMessages.review(actor.platform(), "help") + " lists HR's" + " commands."
                                : "")));
    }

    /** HR opens a phase whose first day hasn't come yet now, rather than at 09:00 on its day. */
    private Message openNow(Actor actor, ReviewCycle cycle) {
        if (cycle.state() != ReviewState.ACTIVE) {
            return Message.of(
                    "\"" + cycle.name() + "\" is " + cycle.state().dbValue() + ": only an active cycle opens.");
        }
        Instant now = clock.instant();
        record Opened(ReviewPhase phase, List<OpenedRound> rounds) {}
        List<Opened> opened = jdbi.inTransaction(handle -> {
            List<Opened> all = new ArrayList<>();
            for (ReviewPhase phase : handle.attach(ReviewDao.class).phases(actor.orgId(), cycle.id())) {
                if (phase.openedAt() == null) {
                    all.add(new Opened(phase, rounds.open(handle, cycle, phase, Opening.now(), actor.personId())));
                }
            }
            return all;
        });
        if (opened.isEmpty()) {
            return Message.of("Every phase of \"" + cycle.name() + "\" is open already; "
                    + ReviewMessages.review(actor.platform(), "status " + cycle.name())
                    + " shows who has done theirs.");
        }
        StringBuilder text = new StringBuilder();
        rounds.rounds()
                .openNow(opened.stream()
                        .flatMap(one -> one.rounds().stream())
                        .map(round -> round.round().id())
                        .toList());
        for (Opened one : opened) {
            int later = one.rounds().stream()
                    .mapToInt(round -> round.later(now).size())
                    .sum();
            int asked = one.rounds().stream()
                            .mapToInt(round -> round.pending().size())
                            .sum()
                    - later;
            text.append("📝 Opened the ")
                    .append(one.phase().kind().label().toLowerCase(Locale.ROOT))
                    .append(" of \"")
                    .append(cycle.name())
                    .append("\" now: ")
                    .append(
                            one.phase().kind() == ReviewPhaseKind.MANAGER
                                    ? asked + (asked == 1 ? " review" : " reviews") + " asked of managers now, " + later
                                            + " at their next working morning"
                                    : ReviewMessages.people(asked) + " asked now, " + ReviewMessages.people(later)
                                            + " at their next working morning")
                    .append("; due ")
                    .append(ReviewMessages.day(one.phase().dueOn()))
                    .append(". ");
        }
        return Message.of(text.toString().strip());
    }

    @Override
    public Reply handle(FormSubmission submission) {
        Actor actor = submission.actor();
        if (!ReviewForm.ID.equals(submission.formId())) {
            return Reply.privately("That form is no longer supported.");
        }
        if (!actor.isHrAdmin()) {
            return Reply.privately("Review cycles are run by HR admins; ask one of them.");
        }
        LocalDate today = today(actor);
        ReviewInput input = ReviewInput.read(submission, today);
        if (!input.errors().isEmpty()) {
            return new Reply.FormErrors(input.errors());
        }
        if (jdbi.withExtension(ReviewDao.class, dao -> dao.findByName(actor.orgId(), input.name()))
                .isPresent()) {
            return new Reply.FormErrors(
                    Map.of(ReviewForm.NAME, "There is a cycle called \"" + input.name() + "\" already: pick another."));
        }
        Long manager;
        try {
            manager = input.managerUserId() == null
                    ? null
                    : directory
                            .personFor(actor, new Mention(input.managerUserId(), input.managerUserId()))
                            .id();
        } catch (ProfileSource.NoSuchUser unknown) {
            return new Reply.FormErrors(Map.of(ReviewForm.MANAGER, "That person isn't in the directory."));
        }
        long questionnaire = asking.createQuestionnaire(
                        actor.orgId(), ReviewRounds.FEATURE, input.selfQuestions(), actor.personId())
                .questionnaireId();
        record Questions(ReviewInput.Phase phase, long questionnaire, Long followUp) {}
        List<Questions> others = new ArrayList<>();
        for (ReviewInput.Phase phase : input.others()) {
            others.add(new Questions(
                    phase,
                    asking.createQuestionnaire(actor.orgId(), ReviewRounds.FEATURE, phase.questions(), actor.personId())
                            .questionnaireId(),
                    phase.followUp() == null
                            ? null
                            : asking.createQuestionnaire(
                                            actor.orgId(), ReviewRounds.FEATURE, phase.followUp(), actor.personId())
                                    .questionnaireId()));
        }
        Instant now = clock.instant();
        record Started(ReviewCycle cycle, List<ReviewPhase> phases, int people, List<OpenedRound> opened) {}
        Optional<Started> started = jdbi.inTransaction(handle -> {
            ReviewDao dao = handle.attach(ReviewDao.class);
            Optional<ReviewCycle> cycle = dao.insert(
                    actor.orgId(),
                    input.name(),
                    input.audience(),
                    input.departments().toArray(String[]::new),
                    manager,
                    input.joinedBy(),
                    input.periodFrom(),
                    input.periodTo(),
                    actor.personId(),
                    now,
                    submission.sourceKey());
            if (cycle.isEmpty()) {
                return Optional.empty();
            }
            dao.insertPhase(
                    actor.orgId(),
                    cycle.get().id(),
                    ReviewPhaseKind.SELF,
                    input.selfOpens(),
                    input.selfDue(),
                    questionnaire);
            for (Questions other : others) {
                dao.insertPhase(
                        actor.orgId(),
                        cycle.get().id(),
                        other.phase().kind(),
                        other.phase().opens(),
                        other.phase().due(),
                        other.questionnaire(),
                        other.followUp());
            }
            List<ReviewPhase> phases = dao.phases(actor.orgId(), cycle.get().id());
            handle.attach(AuditDao.class)
                    .insert(
                            actor.orgId(),
                            actor.personId(),
                            "review new",
                            null,
                            cycle.get().name());
            int people = ReviewRounds.participants(handle, cycle.get()).size();
            List<OpenedRound> opened = new ArrayList<>();
            for (ReviewPhase phase : phases) {
                if (!phase.opensOn().isAfter(today) && people > 0) {
                    opened.addAll(rounds.open(handle, cycle.get(), phase, Opening.now(), actor.personId()));
                }
            }
            return Optional.of(new Started(cycle.get(), phases, people, opened));
        });
        if (started.isEmpty()) {
            return Reply.privately("That cycle was started already.");
        }
        rounds.rounds()
                .openNow(started.get().opened().stream()
                        .map(opened -> opened.round().id())
                        .toList());
        return Reply.privately(startedMessage(
                actor,
                started.get().cycle(),
                started.get().phases(),
                started.get().people(),
                started.get().opened(),
                today,
                now));
    }

    private static Message startedMessage(
            Actor actor,
            ReviewCycle cycle,
            List<ReviewPhase> phases,
            int people,
            List<OpenedRound> opened,
            LocalDate today,
            Instant now) {
        ReviewPhase self = phases.stream()
                .filter(phase -> phase.kind() == ReviewPhaseKind.SELF)
                .findFirst()
                .orElseThrow();
        List<OpenedRound> selfRounds = opened.stream()
                .filter(round -> round.round().subject().equals(cycle.subject(ReviewPhaseKind.SELF)))
                .toList();
        StringBuilder text = new StringBuilder("📝 Started \"" + cycle.name() + "\" for "
                + ReviewMessages.people(people) + ": the self review is due " + ReviewMessages.day(self.dueOn())
                + " at the end of each person's working day. ");
        if (people == 0) {
            text.append("Nobody takes part as it stands: check who takes part, or ask for the directory's import.");
        } else if (selfRounds.isEmpty()) {
            text.append("It opens on ")
                    .append(ReviewMessages.day(self.opensOn()))
                    .append(" at 09:00 their time.");
        } else {
            OpenedRound round = selfRounds.get(0);
            int later = round.later(now).size();
            int skipped = round.skipped().size();
            text.append(ReviewMessages.people(round.pending().size() - later)).append(" asked now");
            if (later > 0) {
                text.append(", ")
                        .append(ReviewMessages.people(later))
                        .append(" at their next working morning or when back from being away");
            }
            if (skipped > 0) {
                text.append("; ")
                        .append(ReviewMessages.people(skipped))
                        .append(" away until after it is due, not asked");
            }
            text.append('.');
        }
        phases.stream().filter(phase -> phase.kind() != ReviewPhaseKind.SELF).forEach(phase -> text.append(" ")
                .append(ReviewMessages.who(phase.kind()))
                .append(" from ")
                .append(ReviewMessages.day(phase.opensOn()))
                .append(phase.opensOn().isAfter(today) ? "" : " (now)")
                .append(" to ")
                .append(ReviewMessages.day(phase.dueOn()))
                .append('.'));
        text.append(" Follow it with ")
                .append(ReviewMessages.review(actor.platform(), "status " + cycle.name()))
                .append('.');
        return Message.of(text.toString());
    }

    private Message list(Actor actor) {
        List<ReviewCycle> cycles = jdbi.withExtension(ReviewDao.class, dao -> dao.list(actor.orgId()));
        if (cycles.isEmpty()) {
            return Message.of("No review cycles yet. " + ReviewMessages.review(actor.platform(), "new")
                    + " starts one in a form.");
        }
        Text.Builder lines = Text.builder();
        for (ReviewCycle cycle : cycles) {
            lines.strong(cycle.name())
                    .plain(" · " + cycle.state().dbValue() + " · covers " + ReviewMessages.day(cycle.periodFrom())
                            + " to " + ReviewMessages.day(cycle.periodTo()));
            for (ReviewPhase phase :
                    jdbi.withExtension(ReviewDao.class, dao -> dao.phases(actor.orgId(), cycle.id()))) {
                List<ReviewDao.Progress> progress = progress(cycle, phase);
                long done = progress.stream()
                        .filter(one -> one.state().equals("answered"))
                        .count();
                lines.lineBreak()
                        .plain("  " + phase.kind().label() + ": " + ReviewMessages.day(phase.opensOn()) + " → "
                                + ReviewMessages.day(phase.dueOn())
                                + (progress.isEmpty()
                                        ? ", not open yet"
                                        : ", " + done + " of " + progress.size() + " done"));
            }
            lines.lineBreak();
        }
        return new Message(
                "Review cycles", List.of(new Block.Header("Review cycles"), new Block.Section(lines.build())));
    }

    /** Per phase: done, to do, late and away; per department; and the names of those late, with their manager. */
    private Message status(Actor actor, ReviewCycle cycle) {
        Instant now = clock.instant();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header(cycle.name() + " · " + cycle.state().dbValue()));
        for (ReviewPhase phase : jdbi.withExtension(ReviewDao.class, dao -> dao.phases(actor.orgId(), cycle.id()))) {
            List<ReviewDao.Progress> progress = progress(cycle, phase);
            Text.Builder text = Text.builder()
                    .strong(phase.kind().label())
                    .plain(" · due " + ReviewMessages.day(phase.dueOn())
                            + ", at the end of each person's last working day by then")
                    .lineBreak();
            if (progress.isEmpty()) {
                text.plain("Opens " + ReviewMessages.day(phase.opensOn()) + " at 09:00 in each person's zone.");
                blocks.add(new Block.Section(text.build()));
                continue;
            }
            List<ReviewDao.Progress> late = new ArrayList<>();
            long done = 0;
            long away = 0;
            long toDo = 0;
            Map<String, long[]> departments = new TreeMap<>();
            for (ReviewDao.Progress one : progress) {
                boolean answered = one.state().equals("answered");
                long[] counts = departments.computeIfAbsent(
                        one.department() == null || one.department().isBlank() ? "No department" : one.department(),
                        key -> new long[2]);
                counts[1]++;
                if (answered) {
                    done++;
                    counts[0]++;
                } else if (one.away()) {
                    away++;
                } else if (one.late()) {
                    late.add(one);
                } else {
                    toDo++;
                }
            }
            text.plain(done + " of " + progress.size() + " done · " + toDo + " to do · " + late.size() + " late · "
                    + away + " away (not counted as late)");
            blocks.add(new Block.Section(text.build()));
            Text.Builder byDepartment = Text.builder();
            departments.forEach((department, counts) -> byDepartment
                    .plain(department + ": " + counts[0] + " of " + counts[1])
                    .lineBreak());
            blocks.add(new Block.Context(byDepartment.build()));
            if (!late.isEmpty()) {
                Text.Builder names = Text.builder().strong("Late").lineBreak();
                late.stream().limit(NAMED).forEach(one -> names.plain("• " + one.name()
                                + (one.aboutName() == null ? "" : ", about " + one.aboutName())
                                + (one.managerName() == null ? "" : " (manager " + one.managerName() + ")"))
                        .lineBreak());
                if (late.size() > NAMED) {
                    names.plain("… and " + (late.size() - NAMED) + " more.");
                }
                blocks.add(new Block.Section(names.build()));
            }
        }
        return new Message("Status of " + cycle.name(), blocks);
    }

    private List<ReviewDao.Progress> progress(ReviewCycle cycle, ReviewPhase phase) {
        Instant now = clock.instant();
        return jdbi.withExtension(
                ReviewDao.class, dao -> dao.progress(cycle.orgId(), cycle.subject(phase.kind()), now));
    }

    /** No phase opens and nobody is reminded until resumed. */
    private Message pause(Actor actor, ReviewCycle cycle) {
        if (move(actor, cycle, ReviewState.ACTIVE, ReviewState.PAUSED).isEmpty()) {
            return Message.of("Only an active cycle can be paused; \"" + cycle.name() + "\" is "
                    + cycle.state().dbValue() + ".");
        }
        int held = 0;
        for (long round : openRounds(cycle)) {
            held += rounds.rounds().holdReminders(actor.orgId(), round);
        }
        return Message.of("⏸ Paused \"" + cycle.name() + "\": no phase opens and nobody is reminded ("
                + ReviewMessages.people(held) + " had a reminder to come) until "
                + ReviewMessages.review(actor.platform(), "resume " + cycle.name()) + ". Answers still count.");
    }

    private Message resume(Actor actor, ReviewCycle cycle) {
        if (move(actor, cycle, ReviewState.PAUSED, ReviewState.ACTIVE).isEmpty()) {
            return Message.of("Only a paused cycle can be resumed; \"" + cycle.name() + "\" is "
                    + cycle.state().dbValue() + ".");
        }
        int reminded = 0;
        for (long round : openRounds(cycle)) {
            reminded += rounds.rounds().resumeReminders(actor.orgId(), round);
        }
        return Message.of("▶️ Resumed \"" + cycle.name() + "\": " + ReviewMessages.people(reminded)
                + " will be reminded again, in their working hours (reminders due during the pause are not sent in"
                + " a burst).");
    }

    /** Over for good: its open rounds end, keeping what was answered; nobody is asked or reminded again. */
    private Message close(Actor actor, ReviewCycle cycle) {
        Instant now = clock.instant();
        Integer ended = jdbi.inTransaction(handle -> {
            if (handle.attach(ReviewDao.class)
                    .move(actor.orgId(), cycle.id(), new String[] {"active", "paused"}, ReviewState.CLOSED, now)
                    .isEmpty()) {
                return null;
            }
            handle.attach(AuditDao.class).insert(actor.orgId(), actor.personId(), "review close", cycle.name(), null);
            int count = 0;
            for (ReviewPhaseKind kind : ReviewPhaseKind.values()) {
                for (long round : handle.attach(ReviewDao.class).openRounds(actor.orgId(), cycle.subject(kind))) {
                    count += handle.attach(RoundDao.class).cancel(actor.orgId(), round, now) ? 1 : 0;
                }
            }
            return count;
        });
        return Message.of(
                ended == null
                        ? "\"" + cycle.name() + "\" is closed already."
                        : "🏁 Closed \"" + cycle.name() + "\": "
                                + (ended == 0 ? "no phase was open" : "its open phase ended")
                                + "; what was answered is kept, and nobody is asked or reminded again.");
    }

    private Optional<ReviewCycle> move(Actor actor, ReviewCycle cycle, ReviewState from, ReviewState to) {
        Optional<ReviewCycle> moved = jdbi.inTransaction(handle -> {
            Optional<ReviewCycle> done = handle.attach(ReviewDao.class)
                    .move(actor.orgId(), cycle.id(), new String[] {from.dbValue()}, to, clock.instant());
            done.ifPresent(found -> handle.attach(AuditDao.class)
                    .insert(actor.orgId(), actor.personId(), "review " + to.dbValue(), from.dbValue(), cycle.name()));
            return done;
        });
        return moved;
    }

    private List<Long> openRounds(ReviewCycle cycle) {
        List<Long> open = new ArrayList<>();
        for (ReviewPhaseKind kind : ReviewPhaseKind.values()) {
            open.addAll(jdbi.withExtension(ReviewDao.class, dao -> dao.openRounds(cycle.orgId(), cycle.subject(kind))));
        }
        return open;
    }

    private LocalDate today(Actor actor) {
        return LocalDate.ofInstant(clock.instant(), actor.zone());
    }
}
