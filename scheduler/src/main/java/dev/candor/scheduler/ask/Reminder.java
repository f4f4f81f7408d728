package dev.candor.scheduler.ask;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One reminder rule of a {@link ReminderPlan}; every reminder is then moved into the person's working time. */
public sealed interface Reminder {

    /** The moment wanted for a person whose ask opens at {@code opensAt} and is due at {@code dueAt}. */
    Instant wanted(WorkingTime person, Instant opensAt, Instant dueAt);

    /** How the rule is stored: a token of the round's reminder plan. */
    String token();

    /** The start of the person's next working day after the one the ask opened on. */
    record NextWorkingMorning() implements Reminder {
        static final String TOKEN = "next_working_morning";

        @Override
        public Instant wanted(WorkingTime person, Instant opensAt, Instant dueAt) {
            LocalDate opened = LocalDate.ofInstant(opensAt, person.zone());
            return person.at(opened.plusDays(1), person.quietUntil());
        }

        @Override
        public String token() {
            return TOKEN;
        }
    }

    /** Some time before the deadline ("2 hours before"). */
    record BeforeDeadline(Duration before) implements Reminder {
        static final String PREFIX = "before_deadline:";

        public BeforeDeadline {
            if (before.isNegative() || before.isZero()) {
                throw new IllegalArgumentException("a reminder before the deadline needs a positive duration");
            }
        }

        @Override
        public Instant wanted(WorkingTime person, Instant opensAt, Instant dueAt) {
            return dueAt.minus(before);
        }

        @Override
        public String token() {
            return PREFIX + before;
        }
    }

    /** Working days after the person's opening, at the same local time ("after three working days"). */
    record WorkingDaysAfterOpening(int days) implements Reminder {
        static final String PREFIX = "working_days_after_opening:";

        public WorkingDaysAfterOpening {
            if (days < 1) {
                throw new IllegalArgumentException("a reminder comes at least one working day after opening");
            }
        }

        @Override
        public Instant wanted(WorkingTime person, Instant opensAt, Instant dueAt) {
            return person.workingDaysAfter(opensAt, days);
        }

        @Override
        public String token() {
            return PREFIX + days;
        }
    }

    /** Some time after the person's opening ("half an hour after the meeting": an hour and a half after). */
    record AfterOpening(Duration after) implements Reminder {
        static final String PREFIX = "after_opening:";

        public AfterOpening {
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("a reminder after opening needs a positive duration");
            }
        }

        @Override
        public Instant wanted(WorkingTime person, Instant opensAt, Instant dueAt) {
            return opensAt.plus(after);
        }

        @Override
        public String token() {
            return PREFIX + after;
        }
    }

    /** The rule a stored token stands for. */
    static Reminder parse(String token) {
        if (token.equals(NextWorkingMorning.TOKEN)) {
            return new NextWorkingMorning();
        } else if (token.startsWith(BeforeDeadline.PREFIX)) {
            return new BeforeDeadline(Duration.parse(token.substring(BeforeDeadline.PREFIX.length())));
        } else if (token.startsWith(AfterOpening.PREFIX)) {
            return new AfterOpening(Duration.parse(token.substring(AfterOpening.PREFIX.length())));
        } else if (token.startsWith(WorkingDaysAfterOpening.PREFIX)) {
            return new WorkingDaysAfterOpening(
                    Integer.parseInt(token.substring(WorkingDaysAfterOpening.PREFIX.length())));
        }
        throw new IllegalArgumentException("unknown reminder rule " + token);
    }
}
