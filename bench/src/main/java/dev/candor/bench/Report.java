package dev.candor.bench;

import dev.candor.storage.outbox.OutboxStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/** The printed outcome: both servers side by side, Candor's ratios against its targets, the outbox, the machine. */
final class Report {
    static final double MIN_THROUGHPUT_RATIO = 0.70;
    static final double MAX_P99_MILLIS = 50;

    /** What the background delivery made of the DMs the kudos queued. */
    record Outbox(Map<OutboxStatus, Long> byStatus, long postedToSlack, long kudosStored) {
        long queued() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        long count(OutboxStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    private final Settings settings;
    private final Measurements runs;
    private final Outbox outbox;
    private final FakeSlackServer slack;
    private final String database;
    private final String loadBefore;
    private final String loadAfter;

    Report(
            Settings settings,
            Measurements runs,
            Outbox outbox,
            FakeSlackServer slack,
            String database,
            String loadBefore,
            String loadAfter) {
        this.settings = settings;
        this.runs = runs;
        this.outbox = outbox;
        this.slack = slack;
        this.database = database;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    void print(PrintStream out) {
        out.println();
        out.println("Candor bench: /kudos through Candor's full stack vs a bare Bolt app with a no-op handler");
        out.println("machine    " + Machine.describe());
        out.println("charset    " + Charset.defaultCharset() + (isUtf8() ? "" : "  (run with -Dfile.encoding=UTF-8!)"));
        out.println("database   " + database);
        out.println("load avg   before " + loadBefore + "   after " + loadAfter
                + "   (1, 5, 15 min; 'after' counts this benchmark's own threads)");
        out.printf(
                "plan       %d users; %d round(s) per kind, order alternated; fixed %d s at %d req/s (%d senders);"
                        + " max %d s with %d in flight%n%n",
                settings.users(),
                settings.rounds(),
                settings.fixed().toSeconds(),
                settings.rate(),
                settings.senders(),
                settings.max().toSeconds(),
                settings.concurrency());
        out.printf("%-34s %12s %12s%n", "", "Candor", "bare Bolt");
        section(
                out,
                "fixed " + settings.rate() + " req/s (open loop)",
                runs.candorFixed,
                runs.boltFixed,
                "achieved req/s");
        section(
                out,
                "max rate (" + settings.concurrency() + " in flight)",
                runs.candorMax,
                runs.boltMax,
                "throughput req/s");
        out.printf(
                "%-34s %12.1f   (Candor's warm-up: %d kudos, the first from each of %d users; p99 %.0f ms)%n%n",
                "first contact req/s",
                runs.candorFirstContact.throughput(),
                runs.candorFirstContact.ok(),
                settings.users(),
                runs.candorFirstContact.millis(99));
        targets(out);
        outbox(out);
        out.printf(
                "fake Slack   auth.test %d, users.info %d, chat.postMessage %d, unknown methods %d%n",
                slack.authTests(), slack.userInfos(), slack.postedMessages(), slack.otherCalls());
        out.println("Candor log   " + settings.logFile() + ": " + warnings() + " warning/error line(s)");
        firstError(out, "Candor", runs.candorFixed, runs.candorMax);
        firstError(out, "bare Bolt", runs.boltFixed, runs.boltMax);
    }

    private static void section(PrintStream out, String title, Result candor, Result bolt, String rateLabel) {
        out.println(title);
        row(out, "  " + rateLabel, candor, bolt, Result::throughput, "%12.1f");
        row(out, "  p50 ms", candor, bolt, r -> r.millis(50), "%12.2f");
        row(out, "  p95 ms", candor, bolt, r -> r.millis(95), "%12.2f");
        row(out, "  p99 ms", candor, bolt, r -> r.millis(99), "%12.2f");
        row(out, "  max ms", candor, bolt, Result::maxMillis, "%12.2f");
        row(out, "  answers ok", candor, bolt, Result::ok, "%12.0f");
        row(out, "  errors", candor, bolt, Result::errors, "%12.0f");
        row(
                out,
                "  JVM CPU ms per answer",
                candor,
                bolt,
                r -> perAnswer(r, r.usage().jvmNanos()),
                "%12.3f");
        row(
                out,
                "  PostgreSQL CPU ms per answer",
                candor,
                bolt,
                r -> perAnswer(r, r.usage().databaseNanos()),
                "%12.3f");
        row(out, "  machine CPU busy %", candor, bolt, r -> r.usage().busyPercent(), "%12.0f");
        row(out, "  other processes' CPU %", candor, bolt, r -> r.usage().otherPercent(), "%12.0f");
    }

    private static double perAnswer(Result result, long nanos) {
        return result.ok() == 0 ? Double.NaN : nanos / 1e6 / result.ok();
    }

    private static void row(
            PrintStream out, String label, Result candor, Result bolt, ToDoubleFunction<Result> value, String format) {
        out.printf(
                "%-34s" + format + " " + format + "%n", label, value.applyAsDouble(candor), value.applyAsDouble(bolt));
    }

    private void targets(PrintStream out) {
        double ratio = runs.candorMax.throughput() / runs.boltMax.throughput();
        double p99 = runs.candorFixed.millis(99);
        boolean keptRate = runs.candorFixed.errors() == 0 && runs.candorFixed.throughput() >= 0.98 * settings.rate();
        out.println("Candor against ARCHITECTURE.md §7");
        out.printf(
                "  throughput, Candor / bare Bolt     %6.1f %%    target >= %.0f %%     %s%n",
                100 * ratio, 100 * MIN_THROUGHPUT_RATIO, ratio >= MIN_THROUGHPUT_RATIO ? "met" : "MISSED");
        out.printf(
                "  p99 ack latency at %d req/s      %6.2f ms   target < %.0f ms     %s%n",
                settings.rate(),
                p99,
                MAX_P99_MILLIS,
                p99 < MAX_P99_MILLIS && keptRate ? "met" : "MISSED" + (keptRate ? "" : " (rate not kept or errors)"));
        out.println();
    }

    private void outbox(PrintStream out) {
        out.printf(
                "outbox       %d kudos stored (Candor answered %d /kudos, warm-up included)%n",
                outbox.kudosStored(), runs.candorAnswers);
        out.printf(
                "             %d DMs queued: %d pending, %d sending, %d sent, %d failed;"
                        + " %d reached the fake Slack after waiting up to %d s%n",
                outbox.queued(),
                outbox.count(OutboxStatus.PENDING),
                outbox.count(OutboxStatus.SENDING),
                outbox.count(OutboxStatus.SENT),
                outbox.count(OutboxStatus.FAILED),
                outbox.postedToSlack(),
                settings.drain().toSeconds());
        String verdict = outbox.postedToSlack() == 0
                ? "nothing was delivered: no outbox delivery worker ran"
                : outbox.count(OutboxStatus.PENDING) == 0 ? "delivery kept up" : "delivery did not keep up";
        out.println("             -> " + verdict);
    }

    private static void firstError(PrintStream out, String name, Result fixed, Result max) {
        String error = fixed.firstError() != null ? fixed.firstError() : max.firstError();
        if (error != null) {
            out.println("first " + name + " error: " + error);
        }
    }

    private long warnings() {
        try (Stream<String> lines = Files.lines(Path.of(settings.logFile()))) {
            return lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                    .count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isUtf8() {
        return Charset.defaultCharset().name().equals("UTF-8");
    }
}
