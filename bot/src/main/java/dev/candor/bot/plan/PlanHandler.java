package dev.candor.bot.plan;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Person;
import dev.candor.storage.plan.Plan;
import dev.candor.storage.plan.PlanDao;
import dev.candor.storage.plan.PlanState;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /candor plan …}: {@code new @person} (the form), {@code list}, {@code show ID|@person}, {@code ack ID},
 * {@code comment ID text}, {@code note ID text}, {@code outcome ID completed|extended YYYY-MM-DD|ended} and
 * {@code help}. A plan someone may not read gets the same answer as one that doesn't exist. The buttons and forms
 * are {@link PlanButtons}'.
 */
public final class PlanHandler implements CommandHandler {
    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final Clock clock;
    private final PlanActions actions;
    private final PlanButtons buttons;

    public PlanHandler(Jdbi jdbi, PeopleDirectory directory, Clock clock) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.clock = clock;
        this.actions = new PlanActions(jdbi, clock);
        this.buttons = new PlanButtons(this, actions);
    }

    /** The buttons and forms of plans, for the router's {@code plan.} actions and forms. */
    public PlanButtons buttons() {
        return buttons;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        String[] words = command.text().strip().split("\\s+", 4);
        String verb = words.length < 2 ? "list" : words[1].toLowerCase(Locale.ROOT);
        String id = words.length < 3 ? "" : words[2];
        String rest = words.length < 4 ? "" : words[3].strip();
        return switch (verb) {
            case "new" -> newPlan(actor, command.mentions());
            case "list" -> list(actor);
            case "show" ->
                command.mentions().isEmpty()
                        ? visible(actor, id).map(plan -> show(actor, plan)).orElseGet(() -> noSuchPlan(actor, id))
                        : showPerson(actor, command.mentions().get(0));
            case "ack", "acknowledge" -> withPlan(actor, "ack", id, plan -> ack(actor, plan, command.sourceKey()));
            case "comment" -> withPlan(actor, "comment", id, plan -> comment(actor, plan, rest, command.sourceKey()));
            case "note", "notes" -> withPlan(actor, "note", id, plan -> note(actor, plan, rest, command.sourceKey()));
            case "outcome" -> withPlan(actor, "outcome", id, plan -> outcome(actor, plan, rest, command.sourceKey()));
            default -> Reply.privately(PlanMessages.help(actor.platform()));
        };
    }

    private Reply newPlan(Actor actor, List<Mention> mentions) {
        if (mentions.size() != 1) {
            return Reply.privately("Say who the plan is for: " + PlanText.plan(actor.platform(), "new @person") + ".");
        }
        Optional<Person> employee = person(actor, mentions.get(0));
        if (employee.isEmpty()) {
            return Reply.privately("I don't know " + mentions.get(0).displayName() + " in this workspace. Mention them"
                    + " with @ as you type.");
        }
        return mayWriteFor(actor, employee.get())
                .map(Reply::privately)
                .orElseGet(() -> Reply.form(
                        PlanForms.newPlan(employee.get(), LocalDate.ofInstant(clock.instant(), actor.zone()))));
    }

    /** Why {@code actor} may not start a plan for {@code employee} now, if they may not. */
    Optional<String> mayWriteFor(Actor actor, Person employee) {
        if (employee.id() == actor.personId()) {
            return Optional.of("An improvement plan is written by someone's manager or HR, not for yourself.");
        }
        if (employee.isBot() || !employee.active()) {
            return Optional.of(employee.name() + " isn't someone Candor can write a plan for.");
        }
        if (!actor.isHrAdmin() && !Objects.equals(employee.managerId(), actor.personId())) {
            return Optional.of("Only " + employee.name() + "'s manager or an HR admin can write an improvement plan"
                    + " for them, and Candor's directory doesn't list you as their manager. HR sets managers when"
                    + " importing people (import-people FILE.csv, column manager_email).");
        }
        return jdbi.withExtension(PlanDao.class, dao -> dao.listOf(actor.orgId(), employee.id())).stream()
                .filter(Plan::isOpen)
                .findFirst()
                .map(open -> employee.name() + " has an open improvement plan already: "
                        + PlanText.plan(actor.platform(), "show " + open.id()) + ".");
    }

    private Reply showPerson(Actor actor, Mention mention) {
        Optional<Person> person = person(actor, mention);
        String name = person.map(Person::name).orElse(mention.displayName());
        Optional<Plan> plan = person.flatMap(
                found -> jdbi.withExtension(PlanDao.class, dao -> dao.listOf(actor.orgId(), found.id())).stream()
                        .filter(each -> Access.of(actor, each).mayRead())
                        .findFirst());
        return plan.map(found -> show(actor, found))
                .orElseGet(() -> Reply.privately(name + " has no improvement plan that you can see. "
                        + PlanText.plan(actor.platform(), "list") + " shows yours."));
    }

    Reply show(Actor actor, Plan plan) {
        PlanFile file = jdbi.withHandle(handle -> PlanFile.load(handle, actor.orgId(), plan.id()))
                .orElseThrow();
        return Reply.privately(PlanMessages.plan(file, Access.of(actor, plan), actor.platform(), actor.zone()));
    }

    private Reply list(Actor actor) {
        List<Plan> plans = jdbi.withExtension(PlanDao.class, dao -> {
            if (actor.isHrAdmin()) {
                return dao.listOpen(actor.orgId());
            }
            Map<Long, Plan> mine = new LinkedHashMap<>();
            dao.listOf(actor.orgId(), actor.personId()).forEach(plan -> mine.put(plan.id(), plan));
            dao.listOfReports(actor.orgId(), actor.personId()).forEach(plan -> mine.put(plan.id(), plan));
            return new ArrayList<>(mine.values());
        });
        return Reply.privately(PlanMessages.list(plans, actor.platform(), actor.isHrAdmin()));
    }

    private Reply ack(Actor actor, Plan plan, String sourceKey) {
        if (Access.of(actor, plan) != Access.EMPLOYEE) {
            return Reply.privately("Only " + plan.employeeName() + " acknowledges their plan.");
        }
        return Reply.privately(actions.acknowledge(actor, plan, sourceKey));
    }

    Reply comment(Actor actor, Plan plan, String text, String sourceKey) {
        if (text.isEmpty()) {
            return Reply.form(PlanForms.comment(plan.id(), plan.employeeName()));
        }
        if (text.length() > PlanForms.LONGEST_TEXT) {
            return Reply.privately("Keep a comment to " + PlanForms.LONGEST_TEXT + " characters.");
        }
        return Reply.privately(actions.comment(actor, plan, text, sourceKey));
    }

    Reply note(Actor actor, Plan plan, String text, String sourceKey) {
        if (!Access.of(actor, plan).runsIt()) {
            return Reply.privately("Follow-up notes are your manager's. Add yours with "
                    + PlanText.plan(actor.platform(), "comment " + plan.id() + " …") + ".");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), actor.zone());
        LocalDate checkin = jdbi.withHandle(handle -> PlanFile.load(handle, actor.orgId(), plan.id()))
                .flatMap(file -> file.latestCheckin(today))
                .orElse(null);
        if (text.isEmpty()) {
            return Reply.form(PlanForms.note(plan.id(), plan.employeeName(), checkin));
        }
        if (text.length() > PlanForms.LONGEST_TEXT) {
            return Reply.privately("Keep notes to " + PlanForms.LONGEST_TEXT + " characters.");
        }
        return Reply.privately(actions.note(actor, plan, checkin, text, sourceKey));
    }

    private Reply outcome(Actor actor, Plan plan, String rest, String sourceKey) {
        if (!Access.of(actor, plan).runsIt()) {
            return Reply.privately("The outcome is " + (plan.managerName() == null ? "HR's" : plan.managerName() + "'s")
                    + " or HR's to record.");
        }
        String[] words = rest.split("\\s+");
        String outcome = words[0].toLowerCase(Locale.ROOT);
        return switch (outcome) {
            case "completed", "complete" -> Reply.privately(actions.close(actor, plan, PlanState.COMPLETED, sourceKey));
            case "ended", "end" -> Reply.privately(actions.close(actor, plan, PlanState.ENDED, sourceKey));
            case "extended", "extend" -> extend(actor, plan, words.length < 2 ? "" : words[1], sourceKey);
            default -> Reply.privately(outcomeUsage(actor.platform(), plan.id()));
        };
    }

    private Reply extend(Actor actor, Plan plan, String day, String sourceKey) {
        LocalDate endsOn;
        try {
            endsOn = LocalDate.parse(day);
        } catch (DateTimeException e) {
            return Reply.privately("Say the new end day: "
                    + PlanText.plan(
                            actor.platform(),
                            "outcome " + plan.id() + " extended "
                                    + plan.endsOn().plusDays(30))
                    + ".");
        }
        return Reply.privately(extendTo(actor, plan, endsOn, null, sourceKey));
    }

    /** Extends after checking the days; the answer to show. */
    String extendTo(Actor actor, Plan plan, LocalDate endsOn, LocalDate checkin, String sourceKey) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), actor.zone());
        if (!endsOn.isAfter(plan.endsOn()) || endsOn.isBefore(today)) {
            return "The new end is after " + PlanText.day(plan.endsOn().isBefore(today) ? today : plan.endsOn())
                    + ": pick a later day.";
        }
        if (endsOn.isAfter(plan.startsOn().plusDays(PlanInput.LONGEST_DAYS * 2L))) {
            return "A plan runs for up to two years with its extensions: pick an earlier day.";
        }
        if (checkin != null && (checkin.isBefore(today) || checkin.isAfter(endsOn))) {
            return "Pick a check-in day from today to the new end, " + PlanText.day(endsOn) + ".";
        }
        return actions.extend(actor, plan, endsOn, checkin, sourceKey);
    }

    static String outcomeUsage(Platform platform, long id) {
        return "Say how it ended: " + PlanText.plan(platform, "outcome " + id + " completed") + ", "
                + PlanText.plan(platform, "outcome " + id + " extended YYYY-MM-DD") + " or "
                + PlanText.plan(platform, "outcome " + id + " ended") + ".";
    }

    private Reply withPlan(Actor actor, String verb, String id, java.util.function.Function<Plan, Reply> then) {
        if (id.isEmpty()) {
            return Reply.privately("Say which plan by its number, e.g. "
                    + PlanText.plan(actor.platform(), verb + " 12") + "; " + PlanText.plan(actor.platform(), "list")
                    + " shows yours.");
        }
        return visible(actor, id).map(then).orElseGet(() -> noSuchPlan(actor, id));
    }

    /** The plan with this number ({@code 12} or {@code #12}) if the person may read it. */
    Optional<Plan> visible(Actor actor, String id) {
        long number;
        try {
            number = Long.parseLong(id.startsWith("#") ? id.substring(1) : id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbi.withExtension(PlanDao.class, dao -> dao.find(actor.orgId(), number))
                .filter(plan -> Access.of(actor, plan).mayRead());
    }

    Reply noSuchPlan(Actor actor, String id) {
        return Reply.privately(
                PlanMessages.noSuchPlan(actor.platform(), id.isEmpty() ? "" : id.startsWith("#") ? id : "#" + id));
    }

    Optional<Person> person(Actor actor, Mention mention) {
        try {
            return Optional.of(directory.personFor(actor, mention));
        } catch (ProfileSource.NoSuchUser unknown) {
            return Optional.empty();
        }
    }

    LocalDate today(Actor actor) {
        return LocalDate.ofInstant(clock.instant(), actor.zone());
    }

    Optional<Person> personById(Actor actor, long id) {
        return jdbi.withExtension(
                dev.candor.storage.people.PersonLookupDao.class, dao -> dao.findById(actor.orgId(), id));
    }
}
