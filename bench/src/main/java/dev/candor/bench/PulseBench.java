package dev.candor.bench;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.pulse.PulseFeature;
import dev.candor.bot.pulse.results.Charts;
import dev.candor.bot.pulse.results.PulseResultsCommands;
import dev.candor.bot.pulse.results.ResultsReader;
import dev.candor.bot.pulse.results.Scope;
import dev.candor.bot.server.FileLinks;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.people.Role;
import dev.candor.storage.pulse.results.PulseResultsDao;
import dev.candor.storage.pulse.results.SurveyRef;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Pulse results at scale (issue 8): a ten-question survey (eNPS, eight scales, a comment) answered by 100,000 people
 * of ten departments, read through {@link PulseResultsCommands} as HR does, with a department breakdown, the
 * anonymity rules and every chart drawn and stored (target p95 < 200 ms); then the drawing time per chart alone.
 * The round is opened through the engine; the answers are written in one SQL statement, as the engine stores them.
 *
 * <p>Usage: {@code PulseBench [people, default 100000] [calls, default 30]}.
 */
public final class PulseBench {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** {@code -Dbench.statements=true}: PostgreSQL's costliest statements of reading results, from pg_stat_statements. */
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

    private PulseBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dataDir = Files.createTempDirectory("candor-pulse-bench-");
        Database.Embedded options = Database.Embedded.durable().withoutDurability();
        if (STATEMENTS) {
            Map<String, String> settings = new HashMap<>(options.serverSettings());
            settings.put("shared_preload_libraries", "pg_stat_statements");
            options = new Database.Embedded(settings, options.onLost());
        }
        try (Database database = Database.embedded(dataDir.resolve("pg"), 8, options)) {
            database.migrate();
            if (STATEMENTS) {
                database.jdbi().useHandle(handle -> handle.execute("CREATE EXTENSION pg_stat_statements"));
            }
            run(database, people, calls);
        }
        System.exit(0);
    }

    private static void run(Database database, int people, int calls) {
        System.out.printf("machine: %s; load average before: %s%n", Machine.describe(), Machine.loadAverage());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        long orgId = insertPeople(database, people);
        long hr = database.jdbi()
                .withHandle(handle -> handle.select("SELECT min(id) FROM people WHERE org_id = ?", orgId)
                        .mapTo(Long.class)
                        .one());
        database.jdbi().useHandle(handle -> handle.execute("UPDATE people SET role = 'hr_admin' WHERE id = ?", hr));
        Asking asking =
                new Asking(database.jdbi(), clock, new WorkingTimeLoader(database.jdbi(), clock), Optional.empty());
        asking.features().register(new PulseFeature());
        QuestionnaireVersion version = asking.createQuestionnaire(orgId, "pulse", questions(), hr);
        long survey = database.jdbi().withHandle(handle -> handle.select(
                        """
                        INSERT INTO pulse_surveys (org_id, name, template, questionnaire_id, min_group, audience,
                                                   cadence, state, created_by, launched_at)
                        VALUES (?, 'Engagement', 'engagement', ?, 5, 'everyone', 'once', 'active', ?, ?) RETURNING id
                        """,
                        orgId,
                        version.questionnaireId(),
                        hr,
                        NOW)
                .mapTo(Long.class)
                .one());
        long start = System.nanoTime();
        long round = openRound(database, asking, orgId, survey, version);
        double opened = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        insertAnswers(database, orgId, round);
        double answered = (System.nanoTime() - start) / 1e9;

        PulseResultsCommands results = new PulseResultsCommands(
                database.jdbi(),
                new FileLinks(database.jdbi(), Optional.of(URI.create("https://bench.example")), clock));
        Actor actor = new Actor(
                orgId, "T0BENCH", hr, Platform.SLACK, "U" + hr, "HR", Role.HR_ADMIN, ZoneId.of("UTC"), Locale.ENGLISH);
        double[] millis = new double[calls];
        for (int i = 0; i < calls + 3; i++) {
            long begin = System.nanoTime();
            Reply reply = results.handle(new Command(
                    actor,
                    new ConversationRef(Platform.SLACK, "C0HR", ConversationKind.CHANNEL, null),
                    "pulse",
                    "results Engagement",
                    List.of(),
                    "bench:" + i));
            if (!(reply instanceof Reply.Private)) {
                throw new IllegalStateException(
                        "results failed: " + reply.getClass().getSimpleName());
            }
            if (i >= 3) { // the first calls warm the JIT and PostgreSQL's caches
                millis[i - 3] = (System.nanoTime() - begin) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                "people %d, answers %d of 10 questions in %d departments%nround opened through the engine: %.2f s;"
                        + " answers written: %.2f s%n/pulse results with department breakdown and 11 charts, %d calls:"
                        + " p50 %.0f ms, p95 %.0f ms, max %.0f ms (target p95 < 200 ms)%n",
                people,
                people,
                10,
                opened,
                answered,
                calls,
                percentile(millis, 50),
                percentile(millis, 95),
                millis[millis.length - 1]);
        printReaderTimes(database, orgId, survey, calls);
        printChartTimes();
        System.out.printf("load average after: %s%n", Machine.loadAverage());
    }

    /** The counting and the rules alone, without drawing and storing charts. */
    private static void printReaderTimes(Database database, long orgId, long survey, int calls) {
        ResultsReader reader = new ResultsReader(database.jdbi());
        if (STATEMENTS) {
            database.jdbi().useHandle(handle -> handle.execute("SELECT pg_stat_statements_reset()"));
        }
        SurveyRef ref = database.jdbi()
                .withExtension(PulseResultsDao.class, dao -> dao.findSurveyById(orgId, survey))
                .orElseThrow();
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long begin = System.nanoTime();
            reader.read(orgId, ref, Scope.wholeOrganisation()).orElseThrow();
            millis[i] = (System.nanoTime() - begin) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "counting and anonymity rules alone: p50 %.0f ms, p95 %.0f ms%n",
                percentile(millis, 50), percentile(millis, 95));
        if (STATEMENTS) {
            System.out.println("statements of reading results, by total time (ms total, calls, rows, statement):");
            database.jdbi().useHandle(handle -> handle.select(
                            """
                            SELECT round(total_exec_time) AS total, calls, rows,
                                   left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
                            FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12""")
                    .map((rs, ctx) -> String.format(
                            "%8d ms %6d calls %8d rows  %s",
                            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                    .forEach(System.out::println));
        }
    }

    private static void printChartTimes() {
        List<String> labels =
                IntStream.rangeClosed(0, 10).mapToObj(Integer::toString).toList();
        List<Integer> counts =
                IntStream.rangeClosed(0, 10).map(i -> 1000 + i * 731).boxed().toList();
        double[] millis = new double[50];
        for (int i = 0; i < 60; i++) {
            long begin = System.nanoTime();
            Charts.bars("How likely are you to recommend working here?", labels, counts);
            if (i >= 10) {
                millis[i - 10] = (System.nanoTime() - begin) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                "one bar chart (%dx%d PNG): p50 %.1f ms, p95 %.1f ms%n",
                Charts.WIDTH, Charts.HEIGHT, percentile(millis, 50), percentile(millis, 95));
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static Questionnaire questions() {
        List<Question> questions = new ArrayList<>();
        questions.add(new Question.Nps("enps", "How likely are you to recommend working here?", true));
        for (int i = 1; i <= 8; i++) {
            questions.add(new Question.Scale("q" + i, "Engagement question " + i, true, "Not at all", "Completely"));
        }
        questions.add(new Question.Text("comment", "Anything else?", false, true, 500));
        return new Questionnaire(questions);
    }

    private static long openRound(
            Database database, Asking asking, long orgId, long survey, QuestionnaireVersion version) {
        List<Long> ids = database.jdbi()
                .withHandle(handle -> handle.select("SELECT id FROM people WHERE org_id = ? ORDER BY id", orgId)
                        .mapTo(Long.class)
                        .list());
        return asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        "pulse",
                        Long.toString(survey),
                        "once",
                        version.questionnaireId(),
                        version.version(),
                        new RoundTiming(
                                Opening.at(LocalDateTime.parse("2026-12-02T09:00")),
                                Deadline.workingDays(5),
                                ReminderPlan.defaults()),
                        true,
                        ids,
                        null))
                .orElseThrow()
                .round()
                .id();
    }

    /**
     * Every ask answered, anonymously: ten values each and the author's department, as the engine keeps them, a
     * thousand answers per transaction, each counted into {@code answer_tallies} by the trigger as the engine's are.
     * (One transaction for all would update each count 10,000 times in it: PostgreSQL can't prune a row's versions
     * before the transaction ends, and people answer one per transaction.)
     */
    private static void insertAnswers(Database database, long orgId, long round) {
        List<Long> asks = database.jdbi()
                .withHandle(handle -> handle.select("SELECT id FROM asks WHERE round_id = ? ORDER BY id", round)
                        .mapTo(Long.class)
                        .list());
        for (int from = 0; from < asks.size(); from += 1000) {
            long first = asks.get(from);
            long last = asks.get(Math.min(asks.size(), from + 1000) - 1);
            database.jdbi().useTransaction(handle -> {
                handle.execute(
                        """
                        INSERT INTO answers (org_id, round_id, edit_key, questionnaire_version, answer_values, cell)
                        SELECT ?, ?, decode(md5(k.id::text), 'hex'), 1,
                               jsonb_build_object('enps', k.id % 11, 'q1', 1 + k.id % 5, 'q2', 1 + k.id % 4,
                                   'q3', 1 + k.id % 3, 'q4', 2 + k.id % 4, 'q5', 1 + k.id % 5, 'q6', 3 + k.id % 3,
                                   'q7', 1 + k.id % 2, 'q8', 5 - k.id % 5)
                                   || CASE WHEN k.id % 7 = 0 THEN jsonb_build_object('comment', 'Comment ' || k.id)
                                           ELSE '{}'::jsonb END,
                               jsonb_build_object('department', p.department)
                        FROM asks k JOIN people p ON p.id = k.person_id WHERE k.round_id = ? AND k.id BETWEEN ? AND ?
                        """,
                        orgId, round, round, first, last);
                handle.execute(
                        "UPDATE asks SET state = 'answered' WHERE round_id = ? AND id BETWEEN ? AND ?",
                        round,
                        first,
                        last);
            });
        }
        database.jdbi().useHandle(handle -> handle.execute("ANALYZE answers; ANALYZE answer_tallies"));
    }

    private static long insertPeople(Database database, int people) {
        return database.jdbi().inTransaction(handle -> {
            long orgId = handle.select(
                            "INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Bench', 'T0BENCH',"
                                    + " 'UTC') RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO people (org_id, name, timezone, profile_timezone, profile_synced, department)"
                            + " SELECT ?, 'P' || g, 'Europe/Lisbon', 'Europe/Lisbon', true, 'Department ' || (g % 10)"
                            + " FROM generate_series(1, ?) g",
                    orgId, people);
            return orgId;
        });
    }
}
