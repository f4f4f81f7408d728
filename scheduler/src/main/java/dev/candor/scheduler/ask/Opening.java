package dev.candor.scheduler.ask;

import java.time.Instant;
import java.time.LocalDateTime;

/** When a round opens for each person, before their working time moves it. */
public sealed interface Opening {

    /** The moment wanted for a person in their own zone, or {@code now}. */
    Instant wanted(WorkingTime person, Instant now);

    /** The same local wall-clock time in every person's zone ("Friday 14:00"). */
    record AtLocal(LocalDateTime local) implements Opening {
        @Override
        public Instant wanted(WorkingTime person, Instant now) {
            return person.at(local.toLocalDate(), local.toLocalTime());
        }
    }

    /** Now, for everyone ("send it now"): people outside their working time get it at their next working morning. */
    record Immediately() implements Opening {
        @Override
        public Instant wanted(WorkingTime person, Instant now) {
            return now;
        }
    }

    /**
     * One moment for everyone that they agreed to (a meeting): quiet hours and working days don't move it, and its
     * asks and reminders go out at their planned moments; someone away then is skipped.
     */
    record AtInstant(Instant at) implements Opening {
        @Override
        public Instant wanted(WorkingTime person, Instant now) {
            return at;
        }
    }

    static Opening at(LocalDateTime local) {
        return new AtLocal(local);
    }

    static Opening agreed(Instant at) {
        return new AtInstant(at);
    }

    static Opening now() {
        return new Immediately();
    }
}
