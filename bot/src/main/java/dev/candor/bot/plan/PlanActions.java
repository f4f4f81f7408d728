package dev.candor.bot.plan;

import dev.candor.bot.chat.Actor;
import dev.candor.storage.people.Person;
import dev.candor.storage.plan.Plan;
import dev.candor.storage.plan.PlanDao;
import dev.candor.storage.plan.PlanEventKind;
import dev.candor.storage.plan.PlanGoal;
import dev.candor.storage.plan.PlanState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What people do to a plan, whether typed or pressed: each change is one transaction that records who did it and
 * when, and queues the DMs it causes. Callers check who may do what ({@link Access}) first. Comments and notes are
 * never logged.
 */
final class PlanActions {
    private static final Logger log = LoggerFactory.getLogger(PlanActions.class);

    private final Jdbi jdbi;
    private final Clock clock;

    PlanActions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a new plan and tells the employee, HR and the manager; empty when this submission was stored before. */
    Optional<PlanFile> create(Actor actor, Person employee, PlanInput input, String sourceKey) {
        Instant now = clock.instant();
        Optional<PlanFile> created = jdbi.inTransaction(handle -> {
            PlanDao dao = handle.attach(PlanDao.class);
            Optional<Long> id = dao.insert(
                    actor.orgId(), employee.id(), actor.personId(), input.startsOn(), input.endsOn(), now, sourceKey);
            if (id.isEmpty()) {
                return Optional.<PlanFile>empty();
            }
            for (PlanGoal goal : input.goals()) {
                dao.insertGoal(actor.orgId(), id.get(), goal.position(), goal.goal(), goal.measure());
            }
            input.checkins().forEach(day -> dao.insertCheckin(actor.orgId(), id.get(), day));
            event(handle, actor, id.get(), PlanEventKind.CREATED, null, null, null, null, sourceKey);
            PlanFile file = PlanFile.load(handle, actor.orgId(), id.get()).orElseThrow();
            PlanDms.created(handle, file, actor.zone());
            return Optional.of(file);
        });
        created.ifPresent(file ->
                log.info("improvement plan {} created in org {}", file.plan().id(), actor.orgId()));
        return created;
    }

    String acknowledge(Actor actor, Plan plan, String sourceKey) {
        Instant now = clock.instant();
        boolean done = jdbi.inTransaction(handle -> {
            if (!handle.attach(PlanDao.class).acknowledge(actor.orgId(), plan.id(), now)) {
                return false;
            }
            long event = event(handle, actor, plan.id(), PlanEventKind.ACKNOWLEDGED, null, null, null, null, sourceKey)
                    .orElseThrow();
            PlanDms.told(
                    handle,
                    plan,
                    event,
                    List.of(plan.ownerId()),
                    "✅ " + plan.employeeName() + " acknowledged improvement plan " + PlanText.name(plan.id()) + ".",
                    null);
            return true;
        });
        return done
                ? "✅ You acknowledged improvement plan " + PlanText.name(plan.id()) + "; "
                        + (plan.managerName() == null ? "whoever wrote it" : plan.managerName()) + " is told."
                        + " Add a comment any time: it is kept with the plan."
                : "You acknowledged improvement plan " + PlanText.name(plan.id()) + " already.";
    }

    String comment(Actor actor, Plan plan, String text, String sourceKey) {
        Set<Long> told = new LinkedHashSet<>(List.of(plan.employeeId(), plan.ownerId()));
        told.remove(actor.personId());
        boolean stored = jdbi.inTransaction(handle -> {
            Optional<Long> event =
                    event(handle, actor, plan.id(), PlanEventKind.COMMENT, text, null, null, null, sourceKey);
            event.ifPresent(id -> PlanDms.told(
                    handle,
                    plan,
                    id,
                    told,
                    "💬 " + actor.name() + " commented on improvement plan " + PlanText.name(plan.id()) + " for "
                            + plan.employeeName() + ":",
                    text));
            return event.isPresent();
        });
        return stored
                ? "💬 Your comment is kept with improvement plan " + PlanText.name(plan.id()) + ", with your name and"
                        + " the time" + (told.isEmpty() ? "." : "; " + names(plan, told) + " can read it now.")
                : "That comment is stored already.";
    }

    /** The manager's follow-up notes, of a check-in day (or none before the first); nobody is sent them. */
    String note(Actor actor, Plan plan, LocalDate checkinOn, String text, String sourceKey) {
        boolean stored = jdbi.inTransaction(
                handle -> event(handle, actor, plan.id(), PlanEventKind.NOTE, text, checkinOn, null, null, sourceKey)
                        .isPresent());
        return stored
                ? "📝 Your notes" + (checkinOn == null ? "" : " of the check-in of " + PlanText.day(checkinOn))
                        + " are kept with improvement plan " + PlanText.name(plan.id()) + ", with your name and the"
                        + " time. " + plan.employeeName() + " and HR admins can read them in the plan."
                : "Those notes are stored already.";
    }

    /** Closes the plan as completed or ended, and tells the employee and HR. */
    String close(Actor actor, Plan plan, PlanState outcome, String sourceKey) {
        Instant now = clock.instant();
        String word = outcome.dbValue();
        boolean closed = jdbi.inTransaction(handle -> {
            if (!handle.attach(PlanDao.class).close(actor.orgId(), plan.id(), outcome, now)) {
                return false;
            }
            long event = event(handle, actor, plan.id(), PlanEventKind.OUTCOME, null, null, word, null, sourceKey)
                    .orElseThrow();
            PlanDms.told(
                    handle,
                    plan,
                    event,
                    outcomeTold(handle, actor, plan),
                    "🏁 Improvement plan " + PlanText.name(plan.id()) + " for " + plan.employeeName() + " is "
                            + word + " (" + actor.name() + ", " + PlanText.day(LocalDate.ofInstant(now, actor.zone()))
                            + ").",
                    null);
            return true;
        });
        return closed
                ? "🏁 Improvement plan " + PlanText.name(plan.id()) + " for " + plan.employeeName() + " is " + word
                        + ". " + plan.employeeName() + " and HR admins are told; nothing more is sent about it."
                : "Improvement plan " + PlanText.name(plan.id()) + " is closed already.";
    }

    /** Moves the end to a later day, with another check-in day if given, and tells the employee and HR. */
    String extend(Actor actor, Plan plan, LocalDate endsOn, LocalDate checkin, String sourceKey) {
        boolean extended = jdbi.inTransaction(handle -> {
            PlanDao dao = handle.attach(PlanDao.class);
            if (!dao.extend(actor.orgId(), plan.id(), endsOn)) {
                return false;
            }
            if (checkin != null) {
                dao.insertCheckin(actor.orgId(), plan.id(), checkin);
            }
            long event = event(
                            handle, actor, plan.id(), PlanEventKind.OUTCOME, null, null, "extended", endsOn, sourceKey)
                    .orElseThrow();
            PlanDms.told(
                    handle,
                    plan,
                    event,
                    outcomeTold(handle, actor, plan),
                    "⏩ " + actor.name() + " extended improvement plan " + PlanText.name(plan.id()) + " for "
                            + plan.employeeName() + " to " + PlanText.day(endsOn)
                            + (checkin == null ? "." : ", with a check-in on " + PlanText.day(checkin) + "."),
                    null);
            return true;
        });
        return extended
                ? "⏩ Improvement plan " + PlanText.name(plan.id()) + " for " + plan.employeeName() + " now ends "
                        + PlanText.day(endsOn)
                        + (checkin == null ? "" : ", with a check-in on " + PlanText.day(checkin))
                        + ". Candor asks for the outcome again then; " + plan.employeeName()
                        + " and HR admins are told."
                : "Improvement plan " + PlanText.name(plan.id()) + " is closed, or ends on that day or later already.";
    }

    /** The employee, the manager and HR admins, less whoever acted. */
    private static Set<Long> outcomeTold(Handle handle, Actor actor, Plan plan) {
        Set<Long> told = new LinkedHashSet<>(List.of(plan.employeeId(), plan.ownerId()));
        told.addAll(handle.attach(PlanDao.class).hrAdmins(plan.orgId()));
        told.remove(actor.personId());
        return told;
    }

    private Optional<Long> event(
            Handle handle,
            Actor actor,
            long planId,
            PlanEventKind kind,
            String body,
            LocalDate checkinOn,
            String outcome,
            LocalDate endsOn,
            String sourceKey) {
        return handle.attach(PlanDao.class)
                .insertEvent(
                        actor.orgId(),
                        planId,
                        kind,
                        actor.personId(),
                        clock.instant(),
                        body,
                        checkinOn,
                        outcome,
                        endsOn,
                        sourceKey);
    }

    private static String names(Plan plan, Set<Long> people) {
        return String.join(
                " and ",
                people.stream()
                        .map(id -> id == plan.employeeId()
                                ? plan.employeeName()
                                : plan.managerName() != null && id.equals(plan.managerId())
                                        ? plan.managerName()
                                        : plan.createdByName())
                        .toList());
    }
}
