package dev.candor.bot.plan;

import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Reply;
import dev.candor.storage.people.Person;
import dev.candor.storage.plan.Plan;
import dev.candor.storage.plan.PlanState;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The buttons under plans and their DMs (Acknowledge, Add a comment, Write notes, Show the plan, and the outcome's
 * Completed, Extend… and Ended) and the forms they open, with the same rules as the typed commands: a plan someone
 * may not read does not exist for them.
 */
public final class PlanButtons implements Handlers.ActionHandler, Handlers.FormHandler {
    private final PlanHandler commands;
    private final PlanActions actions;

    PlanButtons(PlanHandler commands, PlanActions actions) {
        this.commands = commands;
        this.actions = actions;
    }

    @Override
    public Reply handle(Action action) {
        Actor actor = action.actor();
        String value = action.value() == null ? "" : action.value();
        String[] parts = value.split(":", 2);
        Optional<Plan> plan = commands.visible(actor, parts[0]);
        if (plan.isEmpty()) {
            return commands.noSuchPlan(actor, parts[0]);
        }
        Access access = Access.of(actor, plan.get());
        return switch (action.actionId()) {
            case PlanMessages.SHOW -> commands.show(actor, plan.get());
            case PlanMessages.ACK ->
                access == Access.EMPLOYEE
                        ? Reply.privately(actions.acknowledge(actor, plan.get(), action.sourceKey()))
                        : Reply.privately("Only " + plan.get().employeeName() + " acknowledges their plan.");
            case PlanMessages.COMMENT ->
                Reply.form(PlanForms.comment(plan.get().id(), plan.get().employeeName()));
            case PlanMessages.NOTE ->
                parts.length < 2
                        ? commands.note(actor, plan.get(), "", action.sourceKey())
                        : noteForm(actor, plan.get(), day(parts[1]));
            case PlanMessages.OUTCOME -> outcome(actor, plan.get(), parts.length < 2 ? "" : parts[1], action);
            case PlanMessages.EXTEND ->
                access.runsIt()
                        ? Reply.form(PlanForms.extend(
                                plan.get().id(),
                                plan.get().employeeName(),
                                plan.get().endsOn()))
                        : notTheirs(plan.get());
            default -> Reply.privately(PlanMessages.help(actor.platform()));
        };
    }

    private Reply noteForm(Actor actor, Plan plan, LocalDate checkinOn) {
        return Access.of(actor, plan).runsIt()
                ? Reply.form(PlanForms.note(plan.id(), plan.employeeName(), checkinOn))
                : commands.note(actor, plan, "", null);
    }

    private Reply outcome(Actor actor, Plan plan, String word, Action action) {
        if (!Access.of(actor, plan).runsIt()) {
            return notTheirs(plan);
        }
        return switch (word) {
            case "completed" -> Reply.privately(actions.close(actor, plan, PlanState.COMPLETED, action.sourceKey()));
            case "ended" -> Reply.privately(actions.close(actor, plan, PlanState.ENDED, action.sourceKey()));
            default -> Reply.privately(PlanHandler.outcomeUsage(actor.platform(), plan.id()));
        };
    }

    @Override
    public Reply handle(FormSubmission submission) {
        Actor actor = submission.actor();
        return switch (submission.formId()) {
            case PlanForms.NEW -> created(actor, submission);
            case PlanForms.COMMENT, PlanForms.NOTE, PlanForms.EXTEND -> onPlan(actor, submission);
            default -> Reply.privately("That form is no longer supported.");
        };
    }

    private Reply created(Actor actor, FormSubmission submission) {
        long employeeId;
        try {
            employeeId = Long.parseLong(submission.context());
        } catch (NumberFormatException e) {
            return Reply.privately("That form is no longer supported.");
        }
        Optional<Person> employee = commands.personById(actor, employeeId);
        if (employee.isEmpty()) {
            return Reply.privately("That person isn't in the directory any more.");
        }
        Optional<String> refused = commands.mayWriteFor(actor, employee.get());
        if (refused.isPresent()) {
            return Reply.privately(refused.get());
        }
        PlanInput input = PlanInput.read(submission, commands.today(actor));
        if (!input.errors().isEmpty()) {
            return new Reply.FormErrors(input.errors());
        }
        return actions.create(actor, employee.get(), input, submission.sourceKey())
                .map(file -> Reply.privately(PlanMessages.started(file, actor.platform())))
                .orElseGet(() -> Reply.privately("That plan was started already."));
    }

    private Reply onPlan(Actor actor, FormSubmission submission) {
        String[] context = submission.context() == null
                ? new String[] {""}
                : submission.context().split(":", 2);
        Optional<Plan> plan = commands.visible(actor, context[0]);
        if (plan.isEmpty()) {
            return commands.noSuchPlan(actor, context[0]);
        }
        String text = submission.text(PlanForms.TEXT);
        return switch (submission.formId()) {
            case PlanForms.COMMENT ->
                text.isEmpty()
                        ? new Reply.FormErrors(Map.of(PlanForms.TEXT, "Write your comment."))
                        : commands.comment(actor, plan.get(), text, submission.sourceKey());
            case PlanForms.NOTE -> {
                if (text.isEmpty()) {
                    yield new Reply.FormErrors(Map.of(PlanForms.TEXT, "Write your notes."));
                }
                yield context.length < 2
                        ? commands.note(actor, plan.get(), text, submission.sourceKey())
                        : Access.of(actor, plan.get()).runsIt()
                                ? Reply.privately(
                                        actions.note(actor, plan.get(), day(context[1]), text, submission.sourceKey()))
                                : commands.note(actor, plan.get(), text, submission.sourceKey());
            }
            default -> extended(actor, plan.get(), submission);
        };
    }

    private Reply extended(Actor actor, Plan plan, FormSubmission submission) {
        if (!Access.of(actor, plan).runsIt()) {
            return notTheirs(plan);
        }
        LocalDate endsOn = day(submission.text(PlanForms.ENDS_ON));
        if (endsOn == null) {
            return new Reply.FormErrors(Map.of(PlanForms.ENDS_ON, "Pick a day from the calendar."));
        }
        LocalDate checkin = day(submission.text(PlanForms.CHECKIN));
        String answer = commands.extendTo(actor, plan, endsOn, checkin, submission.sourceKey());
        return answer.startsWith("⏩")
                ? Reply.privately(answer)
                : new Reply.FormErrors(
                        Map.of(answer.contains("check-in") ? PlanForms.CHECKIN : PlanForms.ENDS_ON, answer));
    }

    private static Reply notTheirs(Plan plan) {
        return Reply.privately("The outcome is " + (plan.managerName() == null ? "HR's" : plan.managerName() + "'s")
                + " or HR's to record.");
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
