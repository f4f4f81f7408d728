package dev.candor.bench;

import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.goal.GoalReminderPlanner;
import dev.candor.scheduler.goal.GoalUpdateAsk;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalStale;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Goals at scale (issue 10): 50,000 goals and 500,000 updates among 10,000 people in an embedded PostgreSQL, then
 * signed Slack {@code /goals team} and {@code /goals company} (and {@code /goals}, {@code /goals @name}) through
 * Candor's whole HTTP stack against p95 under 50 ms, with {@code /goals help} as the stack's floor; then 50,000 stale
 * goals more and the weekly ask's planning over all 100,000 (the sweep's query, everyone's working time, the
 * planner) against 5 s.
 */
public final class GoalsBench {
    private static final Set<String> SETTINGS = Set.of("people", "goals", "updates", "rounds", "stale");
    private static final String COMMAND = "/goals";

    private GoalsBench() {}

    public static void main(String[] args) throws Exception {
        try (ScaleBench bench = ScaleBench.start("goals-bench", args, SETTINGS)) {
            run(bench, System.out);
            bench.hold();
        }
        System.exit(0);
    }

    private static void run(ScaleBench bench, PrintStream out) throws Exception {
        int people = bench.setting("people", 10_000);
        int goals = bench.setting("goals", 50_000);
        int updates = bench.setting("updates", 500_000);
        int rounds = bench.setting("rounds", 300);
        int stale = bench.setting("stale", 50_000);
        String before = bench.describe();
        bench.progress("generating " + goals + " goals and " + updates + " updates among " + people + " people");
        long start = System.nanoTime();
        GoalData.Loaded data = GoalData.generate(bench.database().jdbi(), people, goals, updates);
        double generated = ScaleBench.seconds(start);
        bench.progress("measuring /goals through HTTP with signed Slack requests (" + rounds + " of each)");
        List<StatsLatency> lookups;
        try (StatsHttp stack = new StatsHttp(bench.database(), bench.dataDir())) {
            lookups = stack.lookups(kinds(data), rounds);
        }
        bench.progress("adding " + stale + " stale goals and planning the weekly ask over all of them");
        GoalData.addStale(bench.database().jdbi(), data.orgId(), people, goals, stale);
        Planning planning = plan(bench);
        report(out, bench, before, data, generated, lookups, planning);
    }

    /** The sweep's planning of the weekly ask, timed five times; the best and the worst. */
    record Planning(long staleGoals, int asks, double bestSeconds, double worstSeconds) {}

    private static Planning plan(ScaleBench bench) {
        Clock clock = Clock.systemUTC();
        WorkingTimeLoader times = new WorkingTimeLoader(bench.database().jdbi(), clock);
        GoalReminderPlanner planner = new GoalReminderPlanner();
        double best = Double.MAX_VALUE;
        double worst = 0;
        long staleGoals = 0;
        int asks = 0;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            Instant now = clock.instant();
            List<GoalStale> stale = bench.database().jdbi().withExtension(GoalDao.class, dao -> dao.listStale(now));
            Map<Long, List<Long>> byOrg = stale.stream()
                    .collect(Collectors.groupingBy(
                            GoalStale::orgId, Collectors.mapping(GoalStale::ownerId, Collectors.toList())));
            Map<Long, WorkingTime> working = new java.util.HashMap<>();
            byOrg.forEach((org, owners) -> working.putAll(times.of(org, owners)));
            // every owner as if it were their working morning: the planner's whole work, not a quiet hour's
            Map<Long, WorkingTime> always = new java.util.HashMap<>();
            working.forEach((person, time) -> always.put(person, WorkingTime.defaults(java.time.ZoneOffset.UTC)));
            List<GoalUpdateAsk> planned = planner.updateAsks(stale, always, Instant.parse("2026-12-07T10:00:00Z"));
            double seconds = ScaleBench.seconds(start);
            best = Math.min(best, seconds);
            worst = Math.max(worst, seconds);
            staleGoals = stale.size();
            asks = planned.size();
        }
        return new Planning(staleGoals, asks, best, worst);
    }

    private static List<StatsHttp.Lookup> kinds(GoalData.Loaded data) {
        Random random = new Random(17);
        int humans = data.people() - StatsData.BOTS;
        List<Integer> anyone = new ArrayList<>();
        for (int n = 1; n <= humans; n++) {
            if (n % 50 != 0) {
                anyone.add(n);
            }
        }
        List<Integer> biggest = data.managers().subList(0, 10);
        List<StatsHttp.Lookup> kinds = new ArrayList<>();
        kinds.add(lookup("help (floor: no reads)", "Goals", () -> ask(pick(random, anyone), "help")));
        kinds.add(lookup("(random people)", "goals", () -> ask(pick(random, anyone), "")));
        kinds.add(lookup("@person (random pairs)", "goals", () -> {
            int other = pick(random, anyone);
            return ask(
                    pick(random, anyone), "<@" + StatsRun.userId(other) + "|" + "Person %05d".formatted(other) + ">");
        }));
        kinds.add(lookup("team (random managers)", "team", () -> ask(pick(random, data.managers()), "team")));
        kinds.add(lookup("team (10 biggest teams)", "team", () -> ask(pick(random, biggest), "team")));
        kinds.add(lookup("company (random people)", "Company goals", () -> ask(pick(random, anyone), "company")));
        return kinds;
    }

    private static StatsHttp.Lookup lookup(String name, String expect, Supplier<StatsHttp.Ask> next) {
        return new StatsHttp.Lookup("HTTP /goals " + name, COMMAND, expect, next);
    }

    private static StatsHttp.Ask ask(int person, String text) {
        return new StatsHttp.Ask(StatsRun.userId(person), text);
    }

    private static int pick(Random random, List<Integer> people) {
        return people.get(random.nextInt(people.size()));
    }

    private static void report(
            PrintStream out,
            ScaleBench bench,
            String before,
            GoalData.Loaded data,
            double generated,
            List<StatsLatency> lookups,
            Planning planning) {
        out.println();
        out.println("Candor goals benchmark — /goals team and /goals company at scale, and the weekly ask's planning");
        out.println("  before: " + before);
        out.println("  after:  " + bench.describe());
        out.printf(
                "  data: %,d goals and %,d updates among %,d people, generated and vacuumed in %.1f s; %,d managers,"
                        + " the biggest team %d people%n",
                data.goals(),
                data.updates(),
                data.people(),
                generated,
                data.managers().size(),
                data.biggestTeam());
        out.println();
        out.println(StatsLatency.header() + "   p95 < 50 ms");
        lookups.forEach(latency -> out.println(latency.row(true)));
        boolean met = lookups.stream().allMatch(StatsLatency::meetsTarget);
        out.println();
        out.printf(
                "  weekly ask planning: %,d stale goals of %,d owners planned in %.2f s (best of 5), %.2f s (worst)"
                        + "   target < 5 s — %s%n",
                planning.staleGoals(),
                planning.asks(),
                planning.bestSeconds(),
                planning.worstSeconds(),
                planning.worstSeconds() < 5 ? "met" : "MISSED");
        out.println();
        out.println(
                met && planning.worstSeconds() < 5
                        ? "TARGETS MET: every lookup's p95 is under 50 ms, planning under 5 s"
                        : "TARGET MISSED: see the rows marked");
    }
}
