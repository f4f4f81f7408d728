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
                        .saveAnonymous(acme.orgId, round.id(), new byte[] {(byte) person}, 1, "{\"mood\": 3}");
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
                               (SELECT count(DISTINCT xmin::text) FROM asks WHERE state = 'answered') AS ask_stamps,
                               (SELECT min(xmin::text) FROM answers) = (SELECT min(xmin::text) FROM asks
                                                                        WHERE state = 'answered') AS same
                        """)
                .mapToMap()
                .one());
        assertThat(stamps)
                .containsEntry("answer_stamps", 1L)
                .containsEntry("ask_stamps", 1L)
                .containsEntry("same", true);
        assertThat(asks.listByRound(acme.orgId, round.id()))
                .allSatisfy(ask -> assertThat(ask.answeredAt()).isNull());
    }

    private List<String> stamps(String table) {
        return database.jdbi().withHandle(handle -> handle.select("SELECT DISTINCT xmin::text FROM " + table)
                .mapTo(String.class)
                .list());
    }
}
