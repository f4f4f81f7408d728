package dev.candor.scheduler.oneonone;

import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Reminder;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundTiming;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A 1:1 meeting as a round of the asking engine (feature {@code oneonone}), one per meeting. Pure. The round opens
 * an hour before the meeting at the moment both agreed to (quiet hours don't move it): that ask DM is the reminder
 * with the agenda. Its one reminder, half an hour after the meeting started, asks whoever hasn't written notes yet;
 * notes can be written until the next meeting's round opens.
 */
public final class MeetingPlanner {
    public static final String FEATURE = "oneonone";
    private static final String SUBJECT = FEATURE + ":";
    private static final String REVISION = "#";

    public RoundTiming timing(Cadence cadence, LocalDateTime meeting) {
        return new RoundTiming(
                Opening.agreed(cadence.remindAt(meeting)),
                new Deadline.AtInstant(cadence.remindAt(cadence.next(meeting))),
                new ReminderPlan(List.of(new Reminder.AfterOpening(Cadence.REMIND_BEFORE.plus(Cadence.NOTES_AFTER)))));
    }

    /**
     * The meeting after {@code meeting} whose round is still worth opening at {@code now}: one that has started is
     * passed over, so a sweeper that was down for weeks picks up with the next meeting to come, never a burst.
     */
    public LocalDateTime following(Cadence cadence, LocalDateTime meeting, Instant now) {
        LocalDateTime next = cadence.next(meeting);
        while (!cadence.at(next).isAfter(now)) {
            next = cadence.next(next);
        }
        return next;
    }

    public static String subject(long oneOnOneId) {
        return SUBJECT + oneOnOneId;
    }

    /** The 1:1 of a round's subject, or -1 when it names none. */
    public static long oneOnOneId(String subject) {
        try {
            return subject.startsWith(SUBJECT) ? Long.parseLong(subject.substring(SUBJECT.length())) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A meeting's round period: the meeting, and the schedule's revision when it was moved ("…T10:00#2"). */
    public static String period(LocalDateTime meeting, int revision) {
        return revision == 0 ? meeting.toString() : meeting + REVISION + revision;
    }

    /** The meeting of a round's period, or null when it names none. */
    public static LocalDateTime meeting(String period) {
        int mark = period.indexOf(REVISION);
        try {
            return LocalDateTime.parse(mark < 0 ? period : period.substring(0, mark));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
