package dev.candor.bot.goal;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.goal.GoalReminder;
import dev.candor.scheduler.goal.GoalReminderOutbox;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalDao;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Turns due-day reminders into DMs with the goal's progress and its Update button, queued in the outbox. */
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
