package dev.candor.storage.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerDaoTest {
    private static final Instant OPENS = Instant.parse("2026-01-02T13:00:00Z");
    private static final Instant DUE = Instant.parse("2026-01-06T13:00:00Z");

    private Database database;
    private AskFixture acme;
    private AnswerDao answers;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        acme = new AskFixture(database, "T1");
        answers = database.jdbi().onDemand(AnswerDao.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void changingANamedAnswerReplacesItsValues() {
        Round round = acme.round("2026-W01", false, DUE);
        long ask =
                acme.insertAsk(round, AskFixture.pending(acme.person("Ana", "UTC"), OPENS.toString(), DUE.toString()));

        StoredAnswer first = answers.saveNamed(acme.orgId, round.id(), ask, 1, "{\"mood\": 2}", OPENS);
        StoredAnswer changed = answers.saveNamed(acme.orgId, round.id(), ask, 1, "{\"mood\": 4}", OPENS.plusSeconds(9));

        assertThat(changed.id()).isEqualTo(first.id());
        assertThat(answers.findByAsk(acme.orgId, ask)).get().satisfies(answer -> {
            assertThat(answer.valuesJson()).isEqualTo("{\"mood\": 4}");
            assertThat(answer.submittedAt()).isEqualTo(OPENS.plusSeconds(9));
            assertThat(answer.askId()).isEqualTo(ask);
        });
    }

    @Test
    void anAnonymousAnswerIsFoundOnlyByItsEditKeyAndCarriesNoAskAndNoTime() {
        Round round = acme.round("2026-W01", true, DUE);
        byte[] key = {1, 2, 3};

        StoredAnswer first = answers.saveAnonymous(acme.orgId, round.id(), key, 1, "{\"mood\": 2}");
        answers.saveAnonymous(acme.orgId, round.id(), key, 1, "{\"mood\": 5}");
        answers.saveAnonymous(acme.orgId, round.id(), new byte[] {9}, 1, "{\"mood\": 1}");

        assertThat(answers.findByEditKey(acme.orgId, round.id(), key)).get().satisfies(answer -> {
            assertThat(answer.id()).isEqualTo(first.id());
            assertThat(answer.valuesJson()).isEqualTo("{\"mood\": 5}");
            assertThat(answer.askId()).isNull();
            assertThat(answer.submittedAt()).isNull();
        });
        assertThat(answers.listByRound(acme.orgId, round.id())).hasSize(2);
    }

    @Test
    void reshufflingAClosedAnonymousRoundLeavesNoIdOrderOrTransactionThatFollowsWhoAnswered() {
        Round round = acme.round("2026-W01", true, DUE);
        AskDao asks = database.jdbi().onDemand(AskDao.class);
        for (int i = 0; i < 5; i++) {
            long ask = acme.insertAsk(
                    round, AskFixture.pending(acme.person("P" + i, "UTC"), OPENS.toString(), DUE.toString()));
            int person = i;
            database.jdbi().useTransaction(handle -> {
                handle.attach(AskDao.class).markAnswered(acme.orgId, ask, null);
                handle.attach(AnswerDao.class)
                        .saveAnonymous(
                                acme.orgId,
                                round.id(),
                                new byte[] {(byte) person},
                                1,
                                "{\"mood\": " + (1 + person % 2) + "}",
                                "{\"department\": \"Sales\"}");
            });
        }
        List<UUID> before = answers.listByRound(acme.orgId, round.id()).stream()
                .map(StoredAnswer::id)
                .toList();
        assertThat(stamps("answers")).as("before: one transaction per answer").hasSize(5);

        database.jdbi()
                .useTransaction(handle -> handle.attach(AnswerDao.class).reshuffleAnonymous(acme.orgId, round.id()));

        assertThat(answers.listByRound(acme.orgId, round.id()))
                .hasSize(5)
                .extracting(StoredAnswer::id)
                .doesNotContainAnyElementsOf(before);
        assertThat(answers.findByEditKey(acme.orgId, round.id(), new byte[] {3}))
                .isPresent();
        Map<String, Object> stamps = database.jdbi().withHandle(handle -> handle.select(
                        """
                        SELECT (SELECT count(DISTINCT xmin::text) FROM answers) AS answer_stamps,
                               (SELECT count(DISTINCT xmin::text) FROM answer_tallies) AS tally_stamps,
                               (SELECT count(DISTINCT xmin::text) FROM asks WHERE state = 'answered') AS ask_stamps,
                               (SELECT min(xmin::text) FROM answers) = (SELECT min(xmin::text) FROM asks
                                                                        WHERE state = 'answered') AS same,
                               (SELECT min(xmin::text) FROM answer_tallies) = (SELECT min(xmin::text) FROM asks
                                                                        WHERE state = 'answered') AS same_tallies
                        """)
                .mapToMap()
                .one());
        assertThat(stamps)
                .containsEntry("answer_stamps", 1L)
                .containsEntry("tally_stamps", 1L)
                .containsEntry("ask_stamps", 1L)
                .containsEntry("same", true)
                .containsEntry("same_tallies", true);
        assertThat(tallies(round.id()))
                .as("the rewrite changes no count")
                .containsExactlyInAnyOrderEntriesOf(Map.of("Sales||", 5, "Sales|mood|1", 3, "Sales|mood|2", 2));
        assertThat(asks.listByRound(acme.orgId, round.id()))
                .allSatisfy(ask -> assertThat(ask.answeredAt()).isNull());
    }

    @Test
    void answersWithGroupsAreCountedAsTheyAreStoredChangedAndRemovedAndOthersAreNot() {
        Round survey = acme.round("2026-W01", true, DUE);
        Round checkin = acme.round("2026-W02", false, DUE);
        long ask = acme.insertAsk(
                checkin, AskFixture.pending(acme.person("Ana", "UTC"), OPENS.toString(), DUE.toString()));
        String sales = "{\"department\": \"Sales\"}";
        String support = "{\"department\": \"Support\"}";

        answers.saveAnonymous(
                acme.orgId, survey.id(), new byte[] {1}, 1, "{\"mood\": 2, \"tools\": [\"a\", \"b\"]}", sales);
        answers.saveAnonymous(acme.orgId, survey.id(), new byte[] {2}, 1, "{\"mood\": 2, \"note\": \"Fine\"}", sales);
        answers.saveAnonymous(acme.orgId, survey.id(), new byte[] {3}, 1, "{\"ok\": true}", support);
        answers.saveNamed(acme.orgId, checkin.id(), ask, 1, "{\"mood\": 5}", OPENS);
        assertThat(tallies(survey.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Sales||", 2,
                        "Sales|mood|2", 2,
                        "Sales|tools|a", 1,
                        "Sales|tools|b", 1,
                        "Sales|note|", 1,
                        "Support||", 1,
                        "Support|ok|true", 1));
        assertThat(tallies(checkin.id()))
                .as("an answer without groups counts nothing")
                .isEmpty();

        answers.saveAnonymous(acme.orgId, survey.id(), new byte[] {1}, 1, "{\"mood\": 4, \"tools\": [\"b\"]}", support);
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "DELETE FROM answers WHERE round_id = ? AND edit_key = ?", survey.id(), new byte[] {3}));

        assertThat(tallies(survey.id()))
                .as("the change moved the answer to its new group and values; the removed answer is gone")
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Sales||", 1,
                        "Sales|mood|2", 1,
                        "Sales|note|", 1,
                        "Support||", 1,
                        "Support|mood|4", 1,
                        "Support|tools|b", 1));
    }

    @Test
    void answersStoredAtOnceCountEveryOneWithoutDeadlock() throws Exception {
        Round survey = acme.round("2026-W01", true, DUE);
        String cell = "{\"department\": \"Sales\"}";
        int each = 60;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        // options in either order: rows shared by two answers are still locked in one order
                        String tools = thread % 2 == 0 ? "[\"a\", \"b\", \"c\"]" : "[\"c\", \"b\", \"a\"]";
                        byte[] key = {(byte) thread, (byte) i};
                        database.jdbi().useTransaction(handle -> {
                            AnswerDao dao = handle.attach(AnswerDao.class);
                            dao.saveAnonymous(acme.orgId, survey.id(), key, 1, "{\"tools\": " + tools + "}", cell);
                            dao.saveAnonymous(
                                    acme.orgId, survey.id(), key, 1, "{\"tools\": " + tools + ", \"mood\": 3}", cell);
                        });
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(tallies(survey.id()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Sales||", 4 * each,
                        "Sales|mood|3", 4 * each,
                        "Sales|tools|a", 4 * each,
                        "Sales|tools|b", 4 * each,
                        "Sales|tools|c", 4 * each));
    }

    /** The round's non-zero counts as "department|question|answer" → count. */
    private Map<String, Integer> tallies(long roundId) {
        return database.jdbi().withHandle(handle -> handle.select(
                        """
                        SELECT concat_ws('|', cell ->> 'department', question_id, answer) AS k, answers FROM answer_tallies
                        WHERE round_id = ? AND answers > 0
                        """,
                        roundId)
                .reduceRows(new java.util.HashMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("k", String.class), row.getColumn("answers", Integer.class));
                    return map;
                }));
    }

    private List<String> stamps(String table) {
        return database.jdbi().withHandle(handle -> handle.select("SELECT DISTINCT xmin::text FROM " + table)
                .mapTo(String.class)
                .list());
    }
}
