package dev.candor.bot.plan;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.plan.Plan;
import dev.candor.storage.plan.PlanDao;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The DMs people get about a plan, queued in the outbox in the transaction that changed it: the employee's (with
 * Acknowledge and Add a comment), HR's copy and the manager's when HR wrote it, and word of comments and outcomes.
 */
final class PlanDms {
    private PlanDms() {}

    /** A new plan: to the employee, to HR admins, and to the manager when someone else wrote it. */
    static void created(Handle handle, PlanFile file, ZoneId zone) {
        Plan plan = file.plan();
        String key = "plan:" + plan.id() + ":created";
        send(handle, plan.orgId(), List.of(plan.employeeId()), key, contact -> {
            String headline = "📋 " + plan.createdByName() + " has started an improvement plan with you, from "
                    + PlanText.day(plan.startsOn()) + " to " + PlanText.day(plan.endsOn()) + ".";
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Section(Text.builder().strong(headline).build()));
            blocks.addAll(PlanMessages.summary(file, zone));
            blocks.add(new Block.Section(Text.of("Please read it and acknowledge it: acknowledging says you have"
                    + " read it, not that you agree. Add a comment with anything you want kept with it.")));
            String id = Long.toString(plan.id());
            blocks.add(new Block.Buttons(List.of(
                    new Block.Button(PlanMessages.ACK, "Acknowledge", id, Block.ButtonStyle.PRIMARY),
                    new Block.Button(PlanMessages.COMMENT, "Add a comment", id, Block.ButtonStyle.DEFAULT))));
            blocks.add(new Block.Context(Text.of("Only you, your manager and HR admins can read this plan. "
                    + PlanText.plan(contact.platform(), "show " + plan.id()) + " shows it with its history.")));
            return new Message(headline, blocks);
        });
        Set<Long> copied = new LinkedHashSet<>(handle.attach(PlanDao.class).hrAdmins(plan.orgId()));
        if (plan.managerId() != null) {
            copied.add(plan.managerId());
        }
        copied.remove(plan.createdBy());
        copied.remove(plan.employeeId());
        send(handle, plan.orgId(), copied, key, contact -> {
            String headline = "📋 " + plan.createdByName() + " started improvement plan " + PlanText.name(plan.id())
                    + " for " + plan.employeeName() + ", from " + PlanText.day(plan.startsOn()) + " to "
                    + PlanText.day(plan.endsOn()) + ".";
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Section(Text.builder().strong(headline).build()));
            blocks.addAll(PlanMessages.summary(file, zone));
            blocks.add(new Block.Context(Text.of("You are copied as "
                    + (contact.personId() == plan.ownerId() ? plan.employeeName() + "'s manager" : "an HR admin")
                    + ". " + PlanText.plan(contact.platform(), "show " + plan.id())
                    + " shows it with its history.")));
            return new Message(headline, blocks);
        });
    }

    /** Word of something that happened, to those of the plan's people who should hear it. */
    static void told(Handle handle, Plan plan, long eventId, Collection<Long> people, String headline, String body) {
        send(handle, plan.orgId(), people, "plan:" + plan.id() + ":event:" + eventId, contact -> {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Section(Text.builder().strong(headline).build()));
            if (body != null) {
                blocks.add(new Block.Quote(Text.of(body)));
            }
            blocks.add(new Block.Buttons(List.of(new Block.Button(
                    PlanMessages.SHOW, "Show the plan", Long.toString(plan.id()), Block.ButtonStyle.DEFAULT))));
            return new Message(headline, blocks);
        });
    }

    /** Queues one DM per reachable person, each keyed {@code key:person}. */
    static void send(
            Handle handle, long orgId, Collection<Long> people, String key, Function<Contact, Message> message) {
        if (people.isEmpty()) {
            return;
        }
        for (Contact contact : handle.attach(ContactDao.class).list(orgId, people)) {
            if (contact.reachable()) {
                Outbox.toUser(
                        handle,
                        orgId,
                        contact.platform(),
                        contact.platformUserId(),
                        key + ":" + contact.personId(),
                        message.apply(contact));
            }
        }
    }
}
