package dev.candor.scheduler.ask;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reminders of a round, for each person who has not answered: every rule gives a moment, moved into the
 * person's working time; moments after the deadline, or within an hour of the opening or of an earlier reminder, are
 * dropped, so that nobody gets two nudges in a row.
 */
public record ReminderPlan(List<Reminder> reminders) {
    /** Reminders closer than this to the opening or to each other are dropped. */
    public static final Duration MIN_GAP = Duration.ofHours(1);

    public ReminderPlan {
        reminders = List.copyOf(reminders);
    }

    /** One the next working morning after opening and one 2 hours before the deadline. */
    public static ReminderPlan defaults() {
        return new ReminderPlan(
                List.of(new Reminder.NextWorkingMorning(), new Reminder.BeforeDeadline(Duration.ofHours(2))));
    }

    public static ReminderPlan none() {
        return new ReminderPlan(List.of());
    }

    public List<String> tokens() {
        return reminders.stream().map(Reminder::token).toList();
    }

    public static ReminderPlan parse(List<String> tokens) {
        return new ReminderPlan(tokens.stream().map(Reminder::parse).toList());
    }

    /** The person's reminder times, in order, all in working time, after the opening and before the deadline. */
    public List<Instant> times(WorkingTime person, Instant opensAt, Instant dueAt) {
        return times(person, opensAt, dueAt, false);
    }

    /** The same; at an {@code agreed} time (a meeting's) the moments are kept as they are, not moved. */
    public List<Instant> times(WorkingTime person, Instant opensAt, Instant dueAt, boolean agreed) {
        List<Instant> wanted = new ArrayList<>();
        for (Reminder reminder : reminders) {
            Instant moment = reminder.wanted(person, opensAt, dueAt);
            wanted.add(agreed ? moment : person.earliestAt(moment));
        }
        wanted.sort(null);
        List<Instant> kept = new ArrayList<>();
        Instant previous = opensAt;
        for (Instant time : wanted) {
            if (time.isBefore(dueAt) && !time.isBefore(previous.plus(MIN_GAP))) {
                kept.add(time);
                previous = time;
            }
        }
        return kept;
    }
}
