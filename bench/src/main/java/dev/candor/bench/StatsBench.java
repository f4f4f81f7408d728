package dev.candor.bench;

import dev.candor.storage.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Leaderboard and {@code /kudos me} at scale (issue 3): 1,000,000 kudos among 5,000 people over two years in an
 * embedded PostgreSQL, then every leaderboard period with and without a value and {@code /kudos me}, through the
 * real handlers and through the HTTP stack, against p95 under 50 ms; and what the tallies add to giving kudos.
 * See bench/STATS.md.
 */
public final class StatsBench {
    private StatsBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = settings(args);
        int people = Integer.parseInt(settings.getOrDefault("people", "5000"));
        int kudos = Integer.parseInt(settings.getOrDefault("kudos", "1000000"));
        int rounds = Integer.parseInt(settings.getOrDefault("rounds", "300"));
        int gives = Integer.parseInt(settings.getOrDefault("gives", "500"));
        boolean http = Boolean.parseBoolean(settings.getOrDefault("http", "true"));
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        System.setProperty("bench.logFile", settings.getOrDefault("log", "candor-stats-bench.log"));
        Path dataDir = Files.createTempDirectory("candor-stats-bench-");
        // Loading a million kudos with every commit flushed would measure the disk, not the reads: durability off.
        try (Database database = Database.embedded(
                dataDir.resolve("pg"), 8, Database.Embedded.durable().withoutDurability())) {
            database.migrate();
            run(database, dataDir, people, kudos, rounds, gives, http, System.out);
            hold(database, Integer.parseInt(settings.getOrDefault("hold", "0")));
        } finally {
            deleteRecursively(dataDir);
        }
        System.exit(0); // Jetty and HttpClient threads would otherwise keep the JVM up for a while
    }

    private static void run(
            Database database,
            Path dataDir,
            int people,
            int kudos,
            int rounds,
            int gives,
            boolean http,
            PrintStream out)
            throws Exception {
        progress("generating " + kudos + " kudos among " + people + " people");
        long start = System.nanoTime();
        StatsData.Loaded data = StatsData.generate(database.jdbi(), people, kudos);
        double generated = seconds(start);
        progress("counting the tallies from the kudos");
        start = System.nanoTime();
        long tallies = StatsData.countTallies(database.jdbi(), data.orgId());
        double counted = seconds(start);
        StatsData.check(database.jdbi(), data.orgId());
        StatsData.analyze(database.jdbi());
        StatsRun run = new StatsRun(database, data);
        progress("measuring lookups through the handlers (" + rounds + " of each)");
        List<StatsLatency> lookups = new ArrayList<>(run.lookups(rounds));
        if (http) {
            progress("measuring lookups through HTTP with signed Slack requests");
            try (StatsHttp stack = new StatsHttp(database, dataDir)) {
                lookups.addAll(stack.lookups(
                        List.of("leaderboard", "leaderboard all #craft", "me"), people - StatsData.BOTS, rounds));
            }
        }
        progress("measuring " + gives + " gives and their tally statements");
        StatsLatency[] giving = run.gives(gives);
        StatsData.check(database.jdbi(), data.orgId());
        report(out, database, data, generated, tallies, counted, lookups, giving);
    }

    private static void report(
            PrintStream out,
            Database database,
            StatsData.Loaded data,
            double generated,
            long tallies,
            double counted,
            List<StatsLatency> lookups,
            StatsLatency[] giving) {
        out.println();
        out.println("Candor stats benchmark — leaderboard and /kudos me at scale");
        out.println("  " + describe(database));
        out.printf(
                "  data: %,d kudos (%,d recipients) among %,d people over 730 days, generated in %.1f s;"
                        + " %,d tally rows counted in %.1f s%n",
                data.kudos(), data.recipients(), data.people(), generated, tallies, counted);
        out.println();
        out.println(StatsLatency.header() + "   p95 < 50 ms");
        lookups.forEach(latency -> out.println(latency.row(true)));
        boolean met = lookups.stream().allMatch(StatsLatency::meetsTarget);
        out.println();
        out.println(StatsLatency.header());
        out.println(giving[0].row(false));
        out.println(giving[1].row(false));
        out.printf(
                "  tallies add %.2f ms at the median (%.0f %% of a give) and %.2f ms at p95%n",
                giving[1].percentileMs(50),
                100 * giving[1].percentileMs(50) / giving[0].percentileMs(50),
                giving[1].percentileMs(95));
        out.println();
        out.println(met ? "TARGET MET: every lookup's p95 is under 50 ms" : "TARGET MISSED: see the rows marked");
    }

    /** Keeps the database up after the run for a look with psql (setting hold=SECONDS). */
    private static void hold(Database database, int seconds) throws InterruptedException {
        if (seconds > 0) {
            progress("holding the database for " + seconds + " s: " + database.description());
            Thread.sleep(seconds * 1000L);
        }
    }

    /** The machine and the server's durability settings, which decide what a commit costs. */
    private static String describe(Database database) {
        return database.jdbi().withHandle(handle -> {
            String template = "%d cores, load %s; PostgreSQL %s (embedded), fsync=%s, synchronous_commit=%s, Java %s";
            return template.formatted(
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage(),
                    show(handle, "server_version"),
                    show(handle, "fsync"),
                    show(handle, "synchronous_commit"),
                    Runtime.version());
        });
    }

    private static String show(Handle handle, String setting) {
        return handle.select("SHOW " + setting).mapTo(String.class).one();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> settings(String[] args) {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "settings are NAME=VALUE: people, kudos, rounds, gives, http, log; got " + arg);
            }
            settings.put(parts[0], parts[1]);
        }
        return settings;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void progress(String what) {
        System.err.printf("[stats-bench %tT] %s%n", System.currentTimeMillis(), what);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
