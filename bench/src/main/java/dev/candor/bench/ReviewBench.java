package dev.candor.bench;

import dev.candor.storage.review.EvidenceDao;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The review's evidence packet at scale (issue 11): 10,000 people with two years of kudos and feedback, a year of
 * weekly check-ins and a quarter's goals in an embedded PostgreSQL; then the packet of random people for a year's
 * review, read as the person themselves and as their manager would (every query the form's intro makes, in one
 * handle, as the request does), against p95 under 100 ms, beside a floor of the same handle with one trivial query.
 */
public final class ReviewBench {
    private static final Set<String> SETTINGS =
            Set.of("people", "kudos", "feedback", "weeks", "goals", "rounds", "cycle");
    private static final int QUOTES = 3;
    private static final int ACTION_ITEMS = 10;
    private static final int GOALS = 8;

    private ReviewBench() {}

    public static void main(String[] args) throws Exception {
        try (ScaleBench bench = ScaleBench.start("review-bench", args, SETTINGS)) {
            run(bench, System.out);
            bench.hold();
        }
        System.exit(0);
    }

    private static void run(ScaleBench bench, PrintStream out) throws Exception {
        int people = bench.setting("people", 10_000);
        int kudos = bench.setting("kudos", 200_000);
        int feedback = bench.setting("feedback", 200_000);
        int weeks = bench.setting("weeks", 52);
        int goals = bench.setting("goals", 50_000);
        int rounds = bench.setting("rounds", 300);
        String before = bench.describe();
        bench.progress("generating " + people + " people, " + kudos + " kudos, " + feedback + " pieces of feedback, "
                + weeks + " weeks of check-ins and " + goals + " goals");
        long start = System.nanoTime();
        Jdbi jdbi = bench.database().jdbi();
        long[] org = jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL synchronous_commit = off");
            handle.execute("SET LOCAL work_mem = '256MB'");
            handle.execute("SELECT setseed(0.42)");
            long orgId = StatsData.insertOrganisation(handle);
            long first = StatsData.insertPeople(handle, orgId, people);
            int humans = people - StatsData.BOTS;
            FeedbackData.insertTree(handle, orgId, first, humans);
            StatsData.insertKudos(handle, orgId, first, humans, kudos);
            FeedbackData.insertFeedback(handle, orgId, first, humans, feedback);
            long cycle = GoalData.insertCycle(handle, orgId);
            GoalData.insertGoals(handle, orgId, cycle, first, humans, 0, goals, 40);
            insertCheckins(handle, orgId, weeks);
            insertActionItems(handle, orgId);
            return new long[] {orgId, first};
        });
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
        double generated = ScaleBench.seconds(start);
        long answers = jdbi.withHandle(handle ->
                handle.select("SELECT count(*) FROM answers").mapTo(Long.class).one());
        bench.progress("measuring the packet of " + rounds + " random people, as themselves and as their manager");
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(365));
        Random random = new Random(11);
        int humans = people - StatsData.BOTS;
        long[] subjects = new long[rounds];
        long[] managers = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long subject = org[1] + random.nextInt(humans);
            subjects[i] = subject;
            managers[i] = jdbi.withHandle(
                    handle -> handle.select("SELECT coalesce(manager_id, id) FROM people WHERE id = ?", subject)
                            .mapTo(Long.class)
                            .one());
        }
        // warm-up: plans cached, pages read once, as on a running server
        time(jdbi, rounds, i -> {}, (handle, i) -> packet(handle, org[0], subjects[i], subjects[i], from, to));
        long[] floor = time(jdbi, rounds, i -> {}, (handle, i) -> handle.select("SELECT 1")
                .mapTo(Integer.class)
                .one());
        long[] self =
                time(jdbi, rounds, i -> {}, (handle, i) -> packet(handle, org[0], subjects[i], subjects[i], from, to));
        long[] manager =
                time(jdbi, rounds, i -> {}, (handle, i) -> packet(handle, org[0], subjects[i], managers[i], from, to));
        int cycle = bench.setting("cycle", 100_000);
        bench.progress("planning and opening a self review for a cycle of " + cycle + " people");
        Planning planning = plan(bench, cycle);
        report(out, bench, before, people, kudos, feedback, answers, goals, generated, floor, self, manager);
        out.printf(
                "  nudge planning for a cycle of %,d people (participants, working times, each person's ask and three"
                        + " reminders): %.2f s, target < 5 s — %s; opening it (planning and storing every ask): %.2f s%n",
                planning.people(),
                planning.planSeconds(),
                planning.planSeconds() < 5 ? "met" : "MISSED",
                planning.openSeconds());
    }

    record Planning(int people, double planSeconds, double openSeconds) {}

    /**
     * A cycle of everyone in an organisation of {@code people} across the zones of the ask benchmark: the self
     * review's participants, their working times and the engine's plan of each ask (opening, deadline at the end of
     * their working day, reminders a week, a day and a morning before) timed; then the round opened and stored.
     */
    private static Planning plan(ScaleBench bench, int people) {
        Jdbi jdbi = bench.database().jdbi();
        Instant now = Instant.parse("2027-01-04T08:00:00Z");
        java.time.Clock clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC);
        long[] ids = jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL synchronous_commit = off");
            long orgId = handle.select(
                            "INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Cycle', 'TBIGCYCLE',"
                                    + " 'UTC') RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    """
                    INSERT INTO people (org_id, name, timezone, profile_timezone, start_date)
                    SELECT ?, 'Person ' || i,
                           (ARRAY['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata',
                                  'America/Los_Angeles', 'Australia/Sydney'])[1 + i % 6],
                           (ARRAY['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Asia/Kolkata',
                                  'America/Los_Angeles', 'Australia/Sydney'])[1 + i % 6],
                           DATE '2020-01-01' + (i % 2500)
                    FROM generate_series(1, ?) i""",
                    orgId, people);
            long hr = handle.select("SELECT min(id) FROM people WHERE org_id = ?", orgId)
                    .mapTo(Long.class)
                    .one();
            return new long[] {orgId, hr};
        });
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE people"));
        dev.candor.scheduler.ask.WorkingTimeLoader times = new dev.candor.scheduler.ask.WorkingTimeLoader(jdbi, clock);
        dev.candor.bot.ask.Asking asking =
                new dev.candor.bot.ask.Asking(jdbi, clock, times, java.util.Optional.empty());
        long questionnaire = asking.createQuestionnaire(
                        ids[0],
                        "review",
                        new dev.candor.scheduler.ask.Questionnaire(new dev.candor.scheduler.ask.Question.Scale(
                                "q1", "How well did you meet your goals?", true, "Not at all", "Completely")),
                        ids[1])
                .questionnaireId();
        dev.candor.storage.review.ReviewCycle cycle = jdbi.withExtension(
                        dev.candor.storage.review.ReviewDao.class,
                        dao -> dao.insert(
                                ids[0],
                                "Big cycle",
                                dev.candor.storage.review.ReviewAudience.EVERYONE,
                                new String[0],
                                null,
                                java.time.LocalDate.parse("2026-12-31"),
                                java.time.LocalDate.parse("2026-01-01"),
                                java.time.LocalDate.parse("2026-12-31"),
                                ids[1],
                                now,
                                "bench"))
                .orElseThrow();
        jdbi.useHandle(handle -> handle.attach(dev.candor.storage.review.ReviewDao.class)
                .insertPhase(
                        ids[0],
                        cycle.id(),
                        dev.candor.storage.review.ReviewPhaseKind.SELF,
                        java.time.LocalDate.parse("2027-01-04"),
                        java.time.LocalDate.parse("2027-01-24"),
                        questionnaire));
        dev.candor.storage.review.ReviewPhase phase = jdbi.withExtension(
                        dev.candor.storage.review.ReviewDao.class, dao -> dao.phases(ids[0], cycle.id()))
                .get(0);
        dev.candor.scheduler.ask.RoundTiming timing = new dev.candor.scheduler.ask.RoundTiming(
                dev.candor.scheduler.ask.Opening.at(
                        phase.opensOn().atTime(dev.candor.scheduler.review.ReviewRounds.OPENS_AT)),
                new dev.candor.scheduler.ask.Deadline.EndOfWorkingDay(
                        phase.dueOn(), dev.candor.scheduler.review.ReviewRounds.DUE_AT),
                dev.candor.scheduler.review.ReviewRounds.reminders());
        long start = System.nanoTime();
        List<Long> participants =
                jdbi.withHandle(handle -> dev.candor.scheduler.review.ReviewRounds.participants(handle, cycle));
        var planned = new dev.candor.scheduler.ask.RoundPlanner().plan(timing, times.of(ids[0], participants), now);
        double planSeconds = ScaleBench.seconds(start);
        if (planned.size() != people) {
            throw new IllegalStateException("planned " + planned.size() + " asks for " + people + " people");
        }
        dev.candor.scheduler.review.ReviewRounds rounds = new dev.candor.scheduler.review.ReviewRounds(asking.rounds());
        start = System.nanoTime();
        jdbi.useTransaction(handle -> rounds.open(
                        handle,
                        cycle,
                        phase,
                        dev.candor.scheduler.ask.Opening.at(
                                phase.opensOn().atTime(dev.candor.scheduler.review.ReviewRounds.OPENS_AT)),
                        null)
                .get(0));
        double openSeconds = ScaleBench.seconds(start);
        return new Planning(people, planSeconds, openSeconds);
    }

    /** The queries of the form's evidence packet (see ReviewEvidence), as {@code reader} sees them. */
    private static Object packet(Handle handle, long orgId, long subject, long reader, Instant from, Instant to) {
        EvidenceDao dao = handle.attach(EvidenceDao.class);
        List<Object> read = new ArrayList<>();
        read.add(dao.kudosReceived(orgId, subject, from, to));
        read.add(dao.kudosValues(orgId, subject, from, to));
        read.add(dao.kudosQuotes(orgId, subject, from, to, QUOTES));
        read.add(dao.feedbackReceived(orgId, subject, reader, from, to));
        read.add(dao.feedbackQuotes(orgId, subject, reader, from, to, QUOTES));
        if (subject == reader) {
            read.add(dao.checkins(orgId, subject, from, to));
        }
        read.add(dao.goals(orgId, subject, reader, from, to, GOALS));
        if (subject != reader) {
            read.add(dao.actionItems(orgId, subject, reader, from, to, ACTION_ITEMS));
        }
        return read;
    }

    private interface Read {
        Object read(Handle handle, int i);
    }

    /** Each read in its own handle, as a request has; the nanoseconds of each. */
    private static long[] time(Jdbi jdbi, int rounds, IntConsumer before, Read read) {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            before.accept(i);
            int n = i;
            long start = System.nanoTime();
            jdbi.useHandle(handle -> read.read(handle, n));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** A 1:1 of every person with their manager, with 26 action items each over the year, half of them done. */
    private static void insertActionItems(Handle handle, long orgId) {
        handle.execute(
                """
                INSERT INTO one_on_ones (org_id, manager_id, report_id, every_weeks, weekday, local_time, zone,
                                         occurrence, next_event_at)
                SELECT org_id, manager_id, id, 2, 2, '10:00', 'Europe/Berlin', now()::timestamp + interval '7 days',
                       now() + interval '7 days'
                FROM people WHERE org_id = ? AND manager_id IS NOT NULL AND manager_id <> id AND NOT is_bot""",
                orgId);
        handle.execute(
                """
                INSERT INTO one_on_one_items (org_id, one_on_one_id, kind, text, owner_id, added_by, occurrence,
                                              created_at, done_at, done_by)
                SELECT o.org_id, o.id, 'action', 'Follow up on item ' || n, o.report_id, o.manager_id,
                       (now() - n * interval '14 days')::timestamp, now() - n * interval '14 days',
                       CASE WHEN n % 2 = 0 THEN now() - n * interval '13 days' END,
                       CASE WHEN n % 2 = 0 THEN o.report_id END
                FROM one_on_ones o CROSS JOIN generate_series(1, 26) n
                WHERE o.org_id = ?""",
                orgId);
    }

    /** Weekly check-ins of everyone for {@code weeks} weeks: mood and a blocker question; 80 % answered. */
    private static void insertCheckins(Handle handle, long orgId, int weeks) {
        long questionnaire = handle.select(
                        "INSERT INTO questionnaires (org_id, feature) VALUES (?, 'checkin') RETURNING id", orgId)
                .mapTo(Long.class)
                .one();
        handle.execute(
                """
                INSERT INTO questionnaire_versions (org_id, questionnaire_id, version, questions)
                VALUES (?, ?, 1, CAST(? AS jsonb))""",
                orgId,
                questionnaire,
                "[{\"id\":\"q1\",\"type\":\"mood\",\"prompt\":\"How are you feeling this week?\",\"required\":true},"
                        + "{\"id\":\"q2\",\"type\":\"text\",\"prompt\":\"What is blocking you?\",\"required\":true,"
                        + "\"multiline\":true,\"maxLength\":2000}]");
        handle.execute(
                """
                INSERT INTO rounds (org_id, feature, subject, period, questionnaire_id, version, deadline_working_days,
                                    state, closes_at, closed_at, created_at)
                SELECT ?, 'checkin', 'bench', 'W' || w, ?, 1, 2, 'closed', now() - (? - w) * interval '7 days',
                       now() - (? - w) * interval '7 days', now() - (? - w) * interval '7 days' - interval '2 days'
                FROM generate_series(1, ?) w""",
                orgId,
                questionnaire,
                weeks,
                weeks,
                weeks,
                weeks);
        handle.execute(
                """
                INSERT INTO asks (org_id, round_id, person_id, state, opens_at, sent_at, due_at, answered_at)
                SELECT r.org_id, r.id, p.id, CASE WHEN d.v < 0.8 THEN 'answered' ELSE 'expired' END,
                       r.created_at, r.created_at, r.closes_at,
                       CASE WHEN d.v < 0.8 THEN r.created_at + interval '5 hours' END
                FROM rounds r
                JOIN people p ON p.org_id = r.org_id AND p.active AND NOT p.is_bot
                CROSS JOIN LATERAL (SELECT random() + p.id * 0 AS v) d
                WHERE r.org_id = ? AND r.subject = 'bench'""",
                orgId);
        handle.execute(
                """
                INSERT INTO answers (org_id, round_id, ask_id, questionnaire_version, answer_values, submitted_at)
                SELECT a.org_id, a.round_id, a.id, 1,
                       jsonb_build_object('q1', 1 + floor(random() * 5)::int,
                                          'q2', CASE WHEN random() < 0.2 THEN 'Waiting on the staging database'
                                                     ELSE 'none' END),
                       a.answered_at
                FROM asks a JOIN rounds r ON r.org_id = a.org_id AND r.id = a.round_id
                WHERE r.org_id = ? AND r.subject = 'bench' AND a.state = 'answered'""",
                orgId);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void report(
            PrintStream out,
            ScaleBench bench,
            String before,
            int people,
            int kudos,
            int feedback,
            long answers,
            int goals,
            double generated,
            long[] floor,
            long[] self,
            long[] manager) {
        out.println();
        out.println("Candor review benchmark — the evidence packet of one person's year");
        out.println("  before: " + before);
        out.println("  after:  " + bench.describe());
        out.printf(
                "  data: %,d people, %,d kudos and %,d pieces of feedback over two years, %,d check-in answers,"
                        + " %,d goals; generated and vacuumed in %.1f s%n",
                people, kudos, feedback, answers, goals, generated);
        out.println();
        out.printf(
                "%-44s %6s %9s %9s %9s %9s %12s   %s%n",
                "", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "p95 / floor", "p95 < 100 ms");
        row(out, "floor: a handle and SELECT 1", floor, floor);
        row(out, "packet, read by the person", self, floor);
        row(out, "packet, read by their manager", manager, floor);
        boolean met = millis(self, 0.95) < 100 && millis(manager, 0.95) < 100;
        out.println();
        out.println(met ? "TARGET MET: the packet's p95 is under 100 ms" : "TARGET MISSED");
    }

    private static void row(PrintStream out, String name, long[] sorted, long[] floor) {
        out.printf(
                "%-44s %6d %9.2f %9.2f %9.2f %9.2f %11.1fx   %s%n",
                name,
                sorted.length,
                millis(sorted, 0.5),
                millis(sorted, 0.95),
                millis(sorted, 0.99),
                sorted[sorted.length - 1] / 1_000_000.0,
                millis(sorted, 0.95) / millis(floor, 0.95),
                sorted == floor ? "" : millis(sorted, 0.95) < 100 ? "ok" : "MISSED");
    }
}
