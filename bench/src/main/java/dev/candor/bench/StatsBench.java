package dev.candor.bench;

import dev.candor.storage.Database;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Leaderboard and {@code /kudos me} at scale (issue 3): 1,000,000 kudos among 5,000 people over two years in an
 * embedded PostgreSQL, then every leaderboard period with and without a value and {@code /kudos me}, through the
 * real handlers and through the HTTP stack, against p95 under 50 ms; and what the tallies add to giving kudos.
 * See bench/STATS.md.
 */
public final class StatsBench {
    private static final Set<String> SETTINGS = Set.of("people", "kudos", "rounds", "gives", "http");

    private StatsBench() {}

    public static void main(String[] args) throws Exception {
        try (ScaleBench bench = ScaleBench.start("stats-bench", args, SETTINGS)) {
            run(bench, System.out);
            bench.hold();
        }
        System.exit(0); // Jetty and HttpClient threads would otherwise keep the JVM up for a while
    }

    private static void run(ScaleBench bench, PrintStream out) throws Exception {
        int people = bench.setting("people", 5000);
        int kudos = bench.setting("kudos", 1_000_000);
        int rounds = bench.setting("rounds", 300);
        int gives = bench.setting("gives", 500);
        Database database = bench.database();
        bench.progress("generating " + kudos + " kudos among " + people + " people");
        long start = System.nanoTime();
        StatsData.Loaded data = StatsData.generate(database.jdbi(), people, kudos);
        double generated = ScaleBench.seconds(start);
        bench.progress("counting the tallies from the kudos");
        start = System.nanoTime();
        long tallies = StatsData.countTallies(database.jdbi(), data.orgId());
        double counted = ScaleBench.seconds(start);
        StatsData.check(database.jdbi(), data.orgId());
        StatsData.analyze(database.jdbi());
        StatsRun run = new StatsRun(database, data);
        bench.progress("measuring lookups through the handlers (" + rounds + " of each)");
        List<StatsLatency> lookups = new ArrayList<>(run.lookups(rounds));
        if (bench.setting("http", true)) {
            bench.progress("measuring lookups through HTTP with signed Slack requests");
            try (StatsHttp stack = new StatsHttp(database, bench.dataDir())) {
                Random random = new Random(11);
                List<StatsHttp.Lookup> kinds = new ArrayList<>();
                for (String text : List.of("leaderboard", "leaderboard all #craft", "me")) {
                    kinds.add(new StatsHttp.Lookup(
                            "HTTP /kudos " + text,
                            "/kudos",
                            "",
                            () -> new StatsHttp.Ask(viewer(random, people), text)));
                }
                lookups.addAll(stack.lookups(kinds, rounds));
            }
        }
        bench.progress("measuring " + gives + " gives and their tally statements");
        StatsLatency[] giving = run.gives(gives);
        StatsData.check(database.jdbi(), data.orgId());
        report(out, bench, data, generated, tallies, counted, lookups, giving);
    }

    /** A random active person's Slack user id (every 50th person left). */
    private static String viewer(Random random, int people) {
        int n;
        do {
            n = 1 + random.nextInt(people - StatsData.BOTS);
        } while (n % 50 == 0);
        return StatsRun.userId(n);
    }

    private static void report(
            PrintStream out,
            ScaleBench bench,
            StatsData.Loaded data,
            double generated,
            long tallies,
            double counted,
            List<StatsLatency> lookups,
            StatsLatency[] giving) {
        out.println();
        out.println("Candor stats benchmark — leaderboard and /kudos me at scale");
        out.println("  " + bench.describe());
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
}
