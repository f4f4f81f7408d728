package dev.candor.scheduler.ask;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** When a person's answer is due. */
public sealed interface Deadline {

    Instant dueAt(WorkingTime person, Instant opensAt);

    /** Working days after the person's own opening, at the same local time ("two working days"). */
    record WorkingDaysAfterOpening(int days) implements Deadline {
        public WorkingDaysAfterOpening {
            if (days < 1 || days > 60) {
                throw new IllegalArgumentException("a deadline is 1 to 60 working days after opening, not " + days);
            }
        }

        @Override
        public Instant dueAt(WorkingTime person, Instant opensAt) {
            return person.workingDaysAfter(opensAt, days);
        }
    }

    /** One local date and time in each person's zone ("Friday 17:00"). */
    record AtLocal(LocalDateTime local) implements Deadline {
        @Override
        public Instant dueAt(WorkingTime person, Instant opensAt) {
            return person.at(local.toLocalDate(), local.toLocalTime());
        }
    }

    /**
     * The end of a day's work in each person's zone, on their last working day on or before {@code day} (a review
     * phase due on a Sunday is due on the Friday before, for someone working Monday to Friday).
     */
    record EndOfWorkingDay(LocalDate day, LocalTime end) implements Deadline {
        @Override
        public Instant dueAt(WorkingTime person, Instant opensAt) {
            LocalDate date = day;
            for (int i = 0; i < 7 && !person.workingDays().contains(date.getDayOfWeek()); i++) {
                date = date.minusDays(1);
            }
            return person.at(date, end);
        }
    }

    /** One moment for everyone ("until the next meeting's reminder"). */
    record AtInstant(Instant at) implements Deadline {
        @Override
        public Instant dueAt(WorkingTime person, Instant opensAt) {
            return at;
        }
    }

    static Deadline workingDays(int days) {
        return new WorkingDaysAfterOpening(days);
    }

    static Deadline at(LocalDateTime local) {
        return new AtLocal(local);
    }
}
