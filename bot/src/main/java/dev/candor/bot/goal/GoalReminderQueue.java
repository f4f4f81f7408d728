package dev.candor.bot.goal;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.goal.GoalReminder;
import dev.candor.scheduler.goal.GoalReminderOutbox;
import dev.candor.scheduler.goal.GoalUpdateAsk;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalSettingsDao;
import dev.candor.storage.goal.GoalStatus;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Turns due-day reminders and weekly update asks into DMs with each goal's progress, one-tap statuses and Update,
 * queued in the outbox.
 */
public final class GoalReminderQueue implements GoalReminderOutbox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    @Override
    public int queue(Handle handle, List<GoalReminder> reminders) {
        List<Outbox.UserMessage> messages = new ArrayList<>();
        GoalDao goals = handle.attach(GoalDao.class);
        for (GoalReminder reminder : reminders) {
            Optional<Goal> goal = goals.find(reminder.orgId(), reminder.goalId());
            if (goal.isEmpty()) {
                continue;
            }
            for (Contact contact :
                    handle.attach(ContactDao.class).list(reminder.orgId(), List.of(reminder.recipientId()))) {
                if (contact.platformUserId() != null) {
                    messages.add(new Outbox.UserMessage(
                            reminder.orgId(),
                            contact.platform(),
                            contact.platformUserId(),
                            reminder.key(),
                            message(reminder, goal.get(), contact)));
                }
            }
        }
        return messages.isEmpty() ? 0 : Outbox.toUsers(handle, messages);
    }

    @Override
    public int queueUpdateAsks(Handle handle, List<GoalUpdateAsk> asks) {
        List<Outbox.UserMessage> messages = new ArrayList<>();
        GoalDao dao = handle.attach(GoalDao.class);
        for (GoalUpdateAsk ask : asks) {
            List<Goal> stale = ask.goalIds().stream()
                    .map(id -> dao.find(ask.orgId(), id))
                    .flatMap(Optional::stream)
                    .toList();
            int staleDays =
                    handle.attach(GoalSettingsDao.class).get(ask.orgId()).staleDays();
            for (Contact contact : handle.attach(ContactDao.class).list(ask.orgId(), List.of(ask.ownerId()))) {
                if (contact.platformUserId() != null && !stale.isEmpty()) {
                    messages.add(new Outbox.UserMessage(
                            ask.orgId(),
                            contact.platform(),
                            contact.platformUserId(),
                            ask.key(),
                            updateAsk(stale, staleDays, contact)));
                }
            }
        }
        return messages.isEmpty() ? 0 : Outbox.toUsers(handle, messages);
    }

    /** All of a person's stale goals at once, each with one tap per status and Update for a new value. */
    static Message updateAsk(List<Goal> stale, int staleDays, Contact contact) {
        String headline =
                "🎯 " + (stale.size() == 1 ? "One of your goals hasn't" : stale.size() + " of your goals haven't")
                        + " been updated for " + staleDays + " days. How are they going?";
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        for (Goal goal : stale.subList(0, Math.min(stale.size(), GoalMessages.SHOWN))) {
            blocks.addAll(GoalMessages.progress(goal));
            List<Block.Button> buttons = new ArrayList<>();
            for (GoalStatus status : GoalStatus.values()) {
                buttons.add(new Block.Button(
                        GoalMessages.STATUS_BUTTON,
                        GoalMessages.statusLabel(status),
                        goal.id() + ":" + status.dbValue(),
                        Block.ButtonStyle.DEFAULT));
            }
            buttons.add(new Block.Button(
                    GoalMessages.UPDATE_BUTTON, "Update", Long.toString(goal.id()), Block.ButtonStyle.PRIMARY));
            blocks.add(new Block.Buttons(buttons));
        }
        blocks.add(new Block.Context(Text.of("One tap keeps the value and records the status; Update changes the value"
                + " too. " + Syntax.command(contact.platform(), "goals") + " shows all your goals.")));
        return new Message(headline, blocks);
    }

    static Message message(GoalReminder reminder, Goal goal, Contact contact) {
        String when = DAY.format(reminder.dueOn());
        String headline =
                switch (reminder.kind()) {
                    case DUE_IN_A_WEEK -> "⏰ Your goal is due in " + reminder.days() + " days, on " + when;
                    case DUE_TOMORROW ->
                        reminder.days() == 0 ? "⏰ Your goal is due today" : "⏰ Your goal is due tomorrow, " + when;
                    case OVERDUE -> "⚠️ Your goal was due on " + when;
                    case OVERDUE_TO_MANAGER ->
                        "⚠️ " + reminder.ownerName() + "'s goal was due " + -reminder.days() + " days ago, on " + when;
                };
        String ask = reminder.kind() == GoalReminder.Kind.OVERDUE_TO_MANAGER
                ? "It is still open: talk it through, or update it (you can, as their manager)."
                : "Update where it stands, mark it done, or move the due day with the owners.";
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        blocks.addAll(GoalMessages.progress(goal));
        blocks.add(new Block.Context(
                Text.of(ask + " " + Syntax.command(contact.platform(), "goals") + " shows all your goals.")));
        blocks.add(new Block.Buttons(List.of(new Block.Button(
                GoalMessages.UPDATE_BUTTON, "Update", Long.toString(goal.id()), Block.ButtonStyle.PRIMARY))));
        return new Message(headline + ": " + goal.title(), blocks);
    }
}
