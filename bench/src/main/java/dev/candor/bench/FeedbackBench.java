package dev.candor.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * {@code /feedback me} and {@code /feedback team} at scale (issue 9): 1,000,000 pieces of feedback among 5,000
 * people over two years in an embedded PostgreSQL, then signed Slack slash commands through Candor's whole HTTP
 * stack, one after the other, against p95 under 50 ms. {@code /feedback help}, which reads no feedback, is measured
 * in the same run as the floor of the stack: what a row costs above it is the reading.
 */
public final class FeedbackBench {
    private static final Set<String> SETTINGS = Set.of("people", "feedback", "rounds");
    private static final String COMMAND = "/feedback";

    private FeedbackBench() {}

    public static void main(String[] args) throws Exception {
        try (ScaleBench bench = ScaleBench.start("feedback-bench", args, SETTINGS)) {
            run(bench, System.out);
            bench.hold();
        }
        System.exit(0); // Jetty and HttpClient threads would otherwise keep the JVM up for a while
    }

    private static void run(ScaleBench bench, PrintStream out) throws Exception {
        int people = bench.setting("people", 5000);
        int feedback = bench.setting("feedback", 1_000_000);
        int rounds = bench.setting("rounds", 300);
        String before = bench.describe();
        bench.progress("generating " + feedback + " pieces of feedback among " + people + " people");
        long start = System.nanoTime();
        FeedbackData.Loaded data = FeedbackData.generate(bench.database().jdbi(), people, feedback);
        double generated = ScaleBench.seconds(start);
        bench.progress("measuring /feedback through HTTP with signed Slack requests (" + rounds + " of each)");
        List<StatsLatency> lookups;
        try (StatsHttp stack = new StatsHttp(bench.database(), bench.dataDir())) {
            lookups = stack.lookups(kinds(data), rounds);
        }
        report(out, bench, before, data, generated, lookups);
    }

    private static List<StatsHttp.Lookup> kinds(FeedbackData.Loaded data) {
        Random random = new Random(13);
        int humans = data.people() - StatsData.BOTS;
        List<Integer> anyone = people(humans, n -> true);
        List<Integer> managed = people(humans, n -> data.managerOf()[n] != 0);
        List<Integer> biggest = data.managers().subList(0, 10);
        List<StatsHttp.Lookup> kinds = new ArrayList<>();
        kinds.add(lookup("help (floor: no reads)", "Feedback", () -> ask(pick(random, anyone), "help")));
        kinds.add(lookup("me (random people)", "Your feedback", () -> ask(pick(random, anyone), "me")));
        kinds.add(lookup(
                "me (10 who received most)", "Your feedback", () -> ask(pick(random, data.mostReceived()), "me")));
        kinds.add(lookup("me @manager month", "Your feedback", () -> {
            int viewer = pick(random, managed);
            int manager = data.managerOf()[viewer];
            return ask(viewer, "me <@" + StatsRun.userId(manager) + "|" + name(manager) + "> month");
        }));
        kinds.add(lookup("team (random managers)", "Your team", () -> ask(pick(random, data.managers()), "team")));
        kinds.add(lookup("team (10 biggest teams)", "Your team", () -> ask(pick(random, biggest), "team")));
        return kinds;
    }

    private static StatsHttp.Lookup lookup(String name, String expect, Supplier<StatsHttp.Ask> next) {
        return new StatsHttp.Lookup("HTTP /feedback " + name, COMMAND, expect, next);
    }

    private static StatsHttp.Ask ask(int person, String text) {
        return new StatsHttp.Ask(StatsRun.userId(person), text);
    }

    /** Active people (every 50th left) among the humans who pass {@code filter}. */
    private static List<Integer> people(int humans, IntPredicate filter) {
        List<Integer> people = new ArrayList<>();
        for (int n = 1; n <= humans; n++) {
            if (n % 50 != 0 && filter.test(n)) {
                people.add(n);
            }
        }
        return people;
    }

    /** As {@code StatsData} names people, and as Slack escapes a mention in a slash command. */
    private static String name(int person) {
        return "Person %05d".formatted(person);
    }

    private static int pick(Random random, List<Integer> people) {
        return people.get(random.nextInt(people.size()));
    }

    private static void report(
            PrintStream out,
            ScaleBench bench,
            String before,
            FeedbackData.Loaded data,
            double generated,
            List<StatsLatency> lookups) {
        out.println();
        out.println("Candor feedback benchmark — /feedback me and /feedback team at scale");
        out.println("  before: " + before);
        out.println("  after:  " + bench.describe());
        out.printf(
                "  data: %,d pieces of feedback among %,d people over 730 days (%s), generated and vacuumed in %.1f s%n",
                data.feedback(), data.people(), String.join(", ", data.visibilities()), generated);
        out.printf(
                "  %,d managers, the biggest team %d people; the most feedback one person received: %,d%n",
                data.managers().size(), data.biggestTeam(), data.mostReceivedCount());
        out.println();
        out.println(StatsLatency.header() + "   p95 < 50 ms");
        lookups.forEach(latency -> out.println(latency.row(true)));
        boolean met = lookups.stream().allMatch(StatsLatency::meetsTarget);
        out.println();
        out.println(met ? "TARGET MET: every lookup's p95 is under 50 ms" : "TARGET MISSED: see the rows marked");
    }
}
