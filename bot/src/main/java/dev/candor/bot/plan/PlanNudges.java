package dev.candor.bot.plan;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.plan.PlanNudge;
import dev.candor.scheduler.plan.PlanReminderJob;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.plan.PlanDue;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The sweep's DMs to whoever runs a plan: the check-in reminder (with the goals to go through), the ask for
 * follow-up notes (Write notes) and the ask for the outcome (Completed, Extend…, Ended).
 */
public final class PlanNudges implements PlanReminderJob.Outbox {

    @Override
    public void queue(Handle handle, PlanNudge nudge) {
        PlanDue due = nudge.plan();
        PlanFile file = PlanFile.load(handle, due.orgId(), due.planId()).orElseThrow();
        PlanDms.send(handle, due.orgId(), List.of(due.ownerId()), nudge.key(), contact -> switch (nudge.kind()) {
            case REMINDER -> reminder(file, due, contact);
            case NOTES -> notesAsk(due, contact);
            case OUTCOME -> outcomeAsk(due, contact);
        });
    }

    private static Message reminder(PlanFile file, PlanDue due, Contact contact) {
        String headline = "📅 Check-in on " + PlanText.longDay(due.checkinOn()) + ": " + due.employeeName()
                + "'s improvement plan " + PlanText.name(due.planId());
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        blocks.add(new Block.Section(Text.of("Go through each goal and its success measure with " + due.employeeName()
                + ". Afterwards Candor asks you for your follow-up notes.")));
        blocks.add(PlanMessages.goals(file.goals()));
        blocks.add(showButton(due));
        return new Message(headline, blocks);
    }

    private static Message notesAsk(PlanDue due, Contact contact) {
        String headline = "📝 How did the check-in of " + PlanText.longDay(due.checkinOn()) + " go? Write your"
                + " follow-up notes on " + due.employeeName() + "'s improvement plan " + PlanText.name(due.planId())
                + ".";
        String id = Long.toString(due.planId());
        return new Message(
                headline,
                List.of(
                        new Block.Section(Text.builder().strong(headline).build()),
                        new Block.Section(Text.of("What you discussed, where each goal stands against its measure and"
                                + " what you agreed next: kept with the plan, with your name and the time.")),
                        new Block.Buttons(List.of(
                                new Block.Button(
                                        PlanMessages.NOTE,
                                        "Write notes",
                                        id + ":" + due.checkinOn(),
                                        Block.ButtonStyle.PRIMARY),
                                new Block.Button(PlanMessages.SHOW, "Show the plan", id, Block.ButtonStyle.DEFAULT))),
                        new Block.Context(Text.of("Or type "
                                + PlanText.plan(contact.platform(), "note " + id + " what you discussed") + "."))));
    }

    private static Message outcomeAsk(PlanDue due, Contact contact) {
        String headline = "🏁 " + due.employeeName() + "'s improvement plan " + PlanText.name(due.planId())
                + " has come to" + " its end day, " + PlanText.longDay(due.endsOn()) + ": what is the outcome?";
        String id = Long.toString(due.planId());
        return new Message(
                headline,
                List.of(
                        new Block.Section(Text.builder().strong(headline).build()),
                        new Block.Section(Text.of("Completed: the goals were met. Extended: more time, to a new end"
                                + " day. Ended: closed without the goals being met. " + due.employeeName()
                                + " and HR admins are told.")),
                        new Block.Buttons(List.of(
                                new Block.Button(
                                        PlanMessages.OUTCOME,
                                        "Completed",
                                        id + ":completed",
                                        Block.ButtonStyle.PRIMARY),
                                new Block.Button(PlanMessages.EXTEND, "Extend…", id, Block.ButtonStyle.DEFAULT),
                                new Block.Button(
                                        PlanMessages.OUTCOME, "Ended", id + ":ended", Block.ButtonStyle.DANGER),
                                new Block.Button(PlanMessages.SHOW, "Show the plan", id, Block.ButtonStyle.DEFAULT))),
                        new Block.Context(Text.of("Or type "
                                + PlanText.plan(contact.platform(), "outcome " + id + " completed") + "."))));
    }

    private static Block showButton(PlanDue due) {
        return new Block.Buttons(List.of(new Block.Button(
                PlanMessages.SHOW, "Show the plan", Long.toString(due.planId()), Block.ButtonStyle.DEFAULT)));
    }
}
