package dev.candor.scheduler.oneonone;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A DM about one meeting of a 1:1 to one of its two people: the reminder (with the agenda) or the notes prompt.
 *
 * @param to who gets it; {@code with} is the other person
 * @param meeting the occurrence, local to the manager's zone; {@code startsAt} is its instant
 * @param agenda the agenda (reminders only; null for the notes prompt)
 */
public record MeetingMessage(
        Kind kind,
        long oneOnOneId,
        long orgId,
        Attendee to,
        Attendee with,
        boolean toManager,
        LocalDateTime meeting,
        Instant startsAt,
        Agenda agenda) {

    public enum Kind {
        REMINDER,
        NOTES
    }

    /** One per 1:1, meeting, person and kind: a sweep run twice sends nothing twice. */
    public String key() {
        return "oneonone:" + oneOnOneId + ":" + meeting + ":" + (kind == Kind.REMINDER ? "remind" : "notes") + ":"
                + to.personId();
    }
}
