package dev.candor.bench;

import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundPlanner;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Database;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The asking engine at scale (issue 7): one round for 100,000 people across 30 time zones planned (target < 5 s),
 * their asks queued by the sweeps as each zone's opening comes (< 30 s in all), and answers submitted as signed
 * Slack view submissions with 100,000 asks open (p95 < 50 ms), with the delivery worker idle and while it is busy.
 *
 * <p>Usage: {@code AskBench [people, default 100000] [answers per phase, default 500]};
 * {@code -Dbench.analyzeFirst=true} analyses the tables before the sweeps (autovacuum would, given time). The run
 * fails when any person's ask is not queued.
 */
public final class AskBench {
    private static final List<String> ZONES = List.of(
            "Pacific/Honolulu",
            "America/Anchorage",
            "America/Los_Angeles",
            "America/Denver",
            "America/Chicago",
            "America/New_York",
            "America/Sao_Paulo",
            "Atlantic/Azores",
            "Europe/London",
            "Europe/Lisbon",
            "Europe/Berlin",
            "Europe/Paris",
            "Europe/Helsinki",
            "Africa/Cairo",
            "Europe/Moscow",
            "Asia/Dubai",
            "Asia/Karachi",
            "Asia/Kolkata",
            "Asia/Kathmandu",
            "Asia/Dhaka",
            "Asia/Bangkok",
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Adelaide",
            "Australia/Sydney",
            "Pacific/Noumea",
            "Pacific/Auckland",
            "America/Bogota",
            "America/Halifax");
    /** The round opens Friday 14:00 local; answers come in on the following Monday, 12:00 UTC. */
    private static final LocalDateTime OPENS = LocalDateTime.parse("2026-01-09T14:00");

    private static final Instant ANSWERING = Instant.parse("2026-01-12T12:00:00Z");

    /** {@code -Dbench.statements=true}: PostgreSQL's costliest statements of the queueing, from pg_stat_statements. */
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

    private AskBench() {}

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int answers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dataDir = Files.createTempDirectory("candor-ask-bench-");
        Database.Embedded options = Database.Embedded.durable().withoutDurability();
        if (STATEMENTS) {
            Map<String, String> settings = new java.util.HashMap<>(options.serverSettings());
            settings.put("shared_preload_libraries", "pg_stat_statements");
            options = new Database.Embedded(settings, options.onLost());
        }
        try (Database database = Database.embedded(dataDir.resolve("pg"), 8, options)) {
            database.migrate();
            if (STATEMENTS) {
                database.jdbi().useHandle(handle -> handle.execute("CREATE EXTENSION pg_stat_statements"));
            }
            run(database, dataDir, people, answers);
        }
        System.exit(0);
    }

    private static void run(Database database, Path dataDir, int people, int answers) throws Exception {
        System.out.printf("machine: %s; load average before: %s%n", Machine.describe(), Machine.loadAverage());
        Optional<ProcessHandle> postgres = Machine.postgresServing(dataDir.resolve("pg"));
        long orgId = insertPeople(database, people);
        List<Long> ids = database.jdbi()
                .withHandle(handle -> handle.select("SELECT id FROM people WHERE org_id = ? ORDER BY id", orgId)
                        .mapTo(Long.class)
                        .list());
        Instant planning = Instant.parse("2026-01-08T12:00:00Z");
        WorkingTimeLoader workingTimes = new WorkingTimeLoader(database.jdbi(), Clock.fixed(planning, ZoneOffset.UTC));

        long start = System.nanoTime();
        Map<Long, WorkingTime> times = workingTimes.of(orgId, ids);
        new RoundPlanner().plan(timing(), times, planning);
        double planned = seconds(start);

        Asking planner =
                new Asking(database.jdbi(), Clock.fixed(planning, ZoneOffset.UTC), workingTimes, Optional.empty());
        planner.features().register(new Bench());
        QuestionnaireVersion version = planner.createQuestionnaire(
                orgId, "bench", new Questionnaire(new Question.Mood("mood", "How was your week?", true)), null);
        start = System.nanoTime();
        Round round = planner.rounds()
                .open(new RoundRequest(
                        orgId,
                        "bench",
                        "bench:1",
                        "2026-W02",
                        version.questionnaireId(),
                        1,
                        timing(),
                        false,
                        ids,
                        null))
                .orElseThrow()
                .round();
        double opened = seconds(start);

        if (Boolean.getBoolean("bench.analyzeFirst")) {
            // Off by default: in production the first sweeps after a round opens run before autovacuum analyses it.
            database.jdbi().useHandle(handle -> handle.execute("ANALYZE"));
        }
        if (STATEMENTS) {
            database.jdbi().useHandle(handle -> handle.execute("SELECT pg_stat_statements_reset()"));
        }
        Machine.Sample before = Machine.sample(postgres);
        Queueing queueing = queue(database, workingTimes, round.id());
        Machine.Usage usage = Machine.since(before, postgres);
        if (STATEMENTS) {
            printStatements(database);
        }
        if (queueing.queued() != people || queueing.outboxRows() != people || queueing.sweeps() < ZONES.size()) {
            throw new IllegalStateException("queued " + queueing.queued() + " asks (" + queueing.outboxRows()
                    + " outbox rows) of " + people + " in " + queueing.sweeps()
                    + " sweeps: every person's ask must be queued, each zone at its own time");
        }
        int reminders = sweepAt(database, workingTimes, ANSWERING).reminded();
        database.jdbi().useHandle(handle -> handle.execute("ANALYZE"));

        AskAnswering.Result answered =
                new AskAnswering(database, dataDir, ANSWERING).run(round.id(), answers, new Bench());
        System.out.printf(
                "people %d in %d zones%nplanning (working times + planner): %.2f s%n"
                        + "opening the round (plan + store round and asks): %.2f s%n"
                        + "queueing %d asks (%d outbox rows) in %d sweeps from %s to %s: %.2f s"
                        + " (other processes %.0f%% of the machine's CPU meanwhile)%n"
                        + "reminders queued by the sweep at %s: %d%n",
                people,
                ZONES.size(),
                planned,
                opened,
                queueing.queued(),
                queueing.outboxRows(),
                queueing.sweeps(),
                queueing.first(),
                queueing.last(),
                queueing.seconds(),
                usage.otherPercent(),
                ANSWERING,
                reminders);
        printAnswers("answer path alone (delivery idle but for the answers' own updates)", answered.idle(), people);
        printAnswers("answer path while the delivery worker sends the round's DMs again", answered.busy(), people);
        System.out.printf("load average after: %s%n", Machine.loadAverage());
    }

    private static void printStatements(Database database) {
        System.out.println("statements of the queueing, by total time (ms total, calls, rows, statement):");
        database.jdbi().useHandle(handle -> handle.select(
                        """
                                SELECT round(total_exec_time) AS total, calls, rows,
                                       left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
                                FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12""")
                .map((rs, ctx) -> String.format(
                        "%8d ms %6d calls %8d rows  %s", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .forEach(System.out::println));
    }

    private static void printAnswers(String what, AskAnswering.Phase phase, int open) {
        System.out.printf(
                "%s, %d asks open: %d answers through signed HTTP, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms;"
                        + " %d outbox messages sent meanwhile%n",
                what,
                open,
                phase.latencies().length,
                phase.at(0.50),
                phase.at(0.95),
                phase.at(0.99),
                phase.sentMeanwhile());
    }

    private record Queueing(int queued, long outboxRows, int sweeps, Instant first, Instant last, double seconds) {}

    /**
     * The sweeps from the round's first opening to its last, every 15 minutes (every zone's opening is on that grid,
     * the :30 and :45 ones included), and once more at the last opening itself.
     */
    private static Queueing queue(Database database, WorkingTimeLoader workingTimes, long roundId) {
        Instant[] openings = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT min(opens_at), max(opens_at) FROM asks WHERE round_id = ? AND state = 'pending'",
                        roundId)
                .map((rs, ctx) -> new Instant[] {
                    rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                })
                .one());
        double seconds = 0;
        int queued = 0;
        int sweeps = 0;
        for (Instant at = openings[0]; ; at = at.plus(Duration.ofMinutes(15))) {
            Instant sweepAt = at.isAfter(openings[1]) ? openings[1] : at;
            long start = System.nanoTime();
            queued += sweepAt(database, workingTimes, sweepAt).asked();
            seconds += seconds(start);
            sweeps++;
            if (!sweepAt.isBefore(openings[1])) {
                break;
            }
        }
        long outbox = database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM outbox")
                .mapTo(Long.class)
                .one());
        return new Queueing(queued, outbox, sweeps, openings[0], openings[1], seconds);
    }

    private static AskSweepJob.Swept sweepAt(Database database, WorkingTimeLoader workingTimes, Instant at) {
        Asking sweeper = new Asking(database.jdbi(), Clock.fixed(at, ZoneOffset.UTC), workingTimes, Optional.empty());
        sweeper.features().register(new Bench());
        return ((AskSweepJob) sweeper.sweepJob().job()).sweep();
    }

    private static RoundTiming timing() {
        return new RoundTiming(Opening.at(OPENS), Deadline.workingDays(2), ReminderPlan.defaults());
    }

    private static long insertPeople(Database database, int people) {
        String zones = ZONES.stream().map(zone -> "'" + zone + "'").collect(Collectors.joining(","));
        return database.jdbi().inTransaction(handle -> {
            long orgId = handle.select(
                            "INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Bench', 'T0BENCH', 'UTC')"
                                    + " RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO people (org_id, name, timezone, profile_timezone, profile_synced)"
                            + " SELECT ?, 'P' || g, zone, zone, true FROM generate_series(1, ?) g,"
                            + " LATERAL (SELECT (ARRAY[" + zones + "])[1 + g % " + ZONES.size() + "] AS zone) z",
                    orgId,
                    people);
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " SELECT org_id, id, 'slack', 'U' || id FROM people WHERE org_id = ?",
                    orgId);
            return orgId;
        });
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static final class Bench implements AskFeature {
        @Override
        public String name() {
            return "bench";
        }

        @Override
        public AskText text(Handle handle, Round round) {
            return new AskText("Weekly check-in", "The bench");
        }

        @Override
        public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
            return false;
        }
    }
}
