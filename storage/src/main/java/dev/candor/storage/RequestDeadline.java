package dev.candor.storage;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The moment by which the current thread's request must be answered (Slack waits 3 s). Connections taken from the
 * pool while one is set stop waiting for PostgreSQL at that moment, so a request never answers after its deadline
 * with something it saved: the write fails before the answer is due, and the person is told so.
 */
public final class RequestDeadline {
    private static final ThreadLocal<Long> deadline = new ThreadLocal<>();

    private RequestDeadline() {}

    /** Work that may throw, for {@link #call}. */
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} with a deadline {@code budget} from now; nested calls keep the earlier deadline. */
    public static <T> T call(Duration budget, Work<T> work) throws Exception {
        Long outer = deadline.get();
        long mine = System.nanoTime() + budget.toNanos();
        deadline.set(outer != null && outer - mine < 0 ? outer : mine);
        try {
            return work.run();
        } finally {
            restore(outer);
        }
    }

    /** Runs {@code work} with a deadline {@code budget} from now; nested calls keep the earlier deadline. */
    public static <T> T within(Duration budget, Supplier<T> work) {
        Long outer = deadline.get();
        long mine = System.nanoTime() + budget.toNanos();
        deadline.set(outer != null && outer - mine < 0 ? outer : mine);
        try {
            return work.get();
        } finally {
            restore(outer);
        }
    }

    private static void restore(Long outer) {
        if (outer == null) {
            deadline.remove();
        } else {
            deadline.set(outer);
        }
    }

    /** Milliseconds left for the current request; empty when the thread has no deadline. */
    static java.util.OptionalLong remainingMillis() {
        Long at = deadline.get();
        if (at == null) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(Math.max(0, (at - System.nanoTime()) / 1_000_000));
    }
}
