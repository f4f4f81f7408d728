package dev.candor.bot.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.review.ReviewOverdueJob;
import dev.candor.scheduler.review.ReviewRounds;
import dev.candor.scheduler.review.ReviewSummaryJob;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.review.ReviewAudience;
import dev.candor.storage.review.ReviewCycle;
import dev.candor.storage.review.ReviewDao;
import dev.candor.storage.review.ReviewPhaseKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each with its own connection pool, running the review's sweeps on one database at the same moments: for
 * a 2,000-person cycle the phase opens once and every ask, every reminder, every manager's weekly summary, every
 * overdue notice and every escalation to a manager is queued exactly once.
 */
class ReviewClusterTest {
    private static final int PEOPLE = 2_000;
    /** Each person's manager is one of the first 100. */
    private static final int TEAM = 20;

    private final MutableClock clock = new MutableClock(Instant.parse("2027-01-04T07:00:00Z"));
    private Database first;
    private Database second;
    private long orgId;

    @BeforeEach
    void openNodes() {
        first = TestDatabase.fresh();
        String name = first.jdbi().withHandle(handle -> handle.select("SELECT current_database()")
                .mapTo(String.class)
                .one());
        second = Database.connect(TestDatabase.url(name), 8);
        orgId = first.jdbi().withHandle(handle -> {
            long org = handle.select("INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Acme', 'T1',"
                            + " 'UTC') RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    """
                    INSERT INTO people (org_id, name, timezone, profile_timezone)
                    SELECT ?, 'Person ' || i, 'Europe/Berlin', 'Europe/Berlin' FROM generate_series(1, ?) i""",
                    org,
                    PEOPLE);
            handle.execute(
                    """
                    UPDATE people p SET manager_id = m.id
                    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM people WHERE org_id = ?) me
                    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM people WHERE org_id = ?) m
                      ON m.n = 1 + (me.n - 1) / ?
                    WHERE p.id = me.id AND me.n > 1""",
                    org,
                    org,
                    TEAM);
            handle.execute(
                    """
                    INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)
                    SELECT org_id, id, 'slack', 'U' || id FROM people WHERE org_id = ?""",
                    org);
            return org;
        });
    }

    @AfterEach
    void close() {
        second.close();
        first.close();
    }

    @Test
    void everyNudgeOfA2000PersonCycleIsQueuedOnceWhenTwoNodesSweepTogether() throws Exception {
        Node a = new Node(first);
        Node b = new Node(second);
        a.start();

        clock.set(Instant.parse("2027-01-04T08:05:00Z")); // Monday 09:05 in Berlin: it opens; weekly summaries
        assertThat(both(a::series, b::series)).as("the phase opens once").isEqualTo(1);
        both(a::sweep, b::sweep);
        assertThat(both(a::summaries, b::summaries)).isEqualTo(managers());
        // the deadline is Thursday 14 January, 17:00 in Berlin: reminders a week, a day and a morning before
        for (String moment : List.of("2027-01-07T16:05:00Z", "2027-01-13T16:05:00Z", "2027-01-14T08:05:00Z")) {
            clock.set(Instant.parse(moment));
            both(a::sweep, b::sweep);
        }
        clock.set(Instant.parse("2027-01-14T16:05:00Z")); // after it: expired, then each person told once
        both(a::sweep, b::sweep);
        assertThat(both(a::overdue, b::overdue)).isEqualTo(PEOPLE);
        clock.set(Instant.parse("2027-01-18T16:05:00Z")); // Monday: two working days later, each manager told once
        assertThat(both(a::overdue, b::overdue)).isEqualTo(PEOPLE - 1);

        assertThat(keys("ask:%:open")).isEqualTo(PEOPLE);
        assertThat(keys("ask:%:remind:%")).isEqualTo(PEOPLE * 3L);
        assertThat(keys("review-summary:%")).isEqualTo(managers());
        assertThat(keys("review-overdue:%")).isEqualTo(PEOPLE);
        assertThat(keys("review-escalate:%")).isEqualTo(PEOPLE - 1);
    }

    private long managers() {
        return first.jdbi().withHandle(handle -> handle.select(
                        "SELECT count(DISTINCT manager_id) FROM people WHERE org_id = ? AND manager_id IS NOT NULL",
                        orgId)
                .mapTo(Long.class)
                .one());
    }

    /** How many outbox messages have such a key (each key is unique, so none is there twice). */
    private long keys(String like) {
        return first.jdbi().withHandle(handle -> handle.select(
                        "SELECT count(*) FROM outbox WHERE org_id = ? AND idempotency_key LIKE ?", orgId, like)
                .mapTo(Long.class)
                .one());
    }

    /** The two nodes' sweeps at once; the sum of what they did. */
    private static int both(Callable<Integer> one, Callable<Integer> other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> x = pool.submit(one);
            Future<Integer> y = pool.submit(other);
            return x.get() + y.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One node: its own pool, engine, review rounds and sweeps. */
    private final class Node {
        private final Database database;
        private final Asking asking;
        private final RoundSeriesJob series;
        private final ReviewSummaryJob summaries;
        private final ReviewOverdueJob overdue;

        Node(Database database) {
            this.database = database;
            WorkingTimeLoader times = new WorkingTimeLoader(database.jdbi(), clock);
            this.asking = new Asking(database.jdbi(), clock, times, Optional.empty());
            asking.features()
                    .register(new ReviewFeature(
                            new dev.candor.bot.people.PeopleDirectory(
                                    database.jdbi(), java.util.Map.of(), Runnable::run),
                            new ReviewRounds(asking.rounds()),
                            clock));
            this.series = new RoundSeriesJob(database.jdbi(), clock, List.of(new ReviewRounds(asking.rounds())));
            this.summaries = new ReviewSummaryJob(database.jdbi(), clock, times, new ReviewSummaries());
            this.overdue = new ReviewOverdueJob(database.jdbi(), clock, times, asking.rounds(), new ReviewNudges());
        }

        void start() {
            long hr = database.jdbi()
                    .withHandle(handle -> handle.select("SELECT min(id) FROM people WHERE org_id = ?", orgId)
                            .mapTo(Long.class)
                            .one());
            long questionnaire = asking.createQuestionnaire(
                            orgId,
                            "review",
                            new Questionnaire(new Question.Scale("q1", "How did it go?", true, "Badly", "Well")),
                            hr)
                    .questionnaireId();
            database.jdbi().useTransaction(handle -> {
                ReviewDao dao = handle.attach(ReviewDao.class);
                ReviewCycle cycle = dao.insert(
                                orgId,
                                "2026 review",
                                ReviewAudience.EVERYONE,
                                new String[0],
                                null,
                                null,
                                LocalDate.parse("2026-01-01"),
                                LocalDate.parse("2026-12-31"),
                                hr,
                                clock.instant(),
                                "cluster")
                        .orElseThrow();
                dao.insertPhase(
                        orgId,
                        cycle.id(),
                        ReviewPhaseKind.SELF,
                        LocalDate.parse("2027-01-04"),
                        LocalDate.parse("2027-01-14"),
                        questionnaire);
            });
        }

        int series() {
            return series.sweep();
        }

        int sweep() {
            ((AskSweepJob) asking.sweepJob().job()).sweep();
            return 0;
        }

        int summaries() {
            return summaries.sweep();
        }

        int overdue() {
            return overdue.sweep();
        }
    }
}
