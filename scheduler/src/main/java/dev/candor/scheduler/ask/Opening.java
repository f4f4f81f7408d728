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

    static Opening at(LocalDateTime local) {
        return new AtLocal(local);
    }

    static Opening now() {
        return new Immediately();
    }
}
