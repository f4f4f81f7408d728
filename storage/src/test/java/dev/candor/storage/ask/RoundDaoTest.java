package dev.candor.storage.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoundDaoTest {
    private static final Instant DEADLINE = Instant.parse("2026-01-06T13:00:00Z");

    private Database database;
    private AskFixture acme;
    private RoundDao rounds;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        acme = new AskFixture(database, "T1");
        rounds = database.jdbi().onDemand(RoundDao.class);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void opensARoundOncePerSubjectAndPeriod() {
        Round round = acme.round("2026-W01", false, DEADLINE);

        Optional<Round> again = rounds.insert(new NewRound(
                acme.orgId,
                round.feature(),
                round.subject(),
                round.period(),
                round.questionnaireId(),
                round.version(),
                null,
                1,
                null,
                false,
                List.of(),
                DEADLINE,
                null));

        assertThat(again).isEmpty();
        assertThat(rounds.findByKey(acme.orgId, "test", "test:1", "2026-W01"))
                .get()
                .satisfies(stored -> {
                    assertThat(stored.id()).isEqualTo(round.id());
                    assertThat(stored.reminderPlan()).containsExactly("next_working_morning", "before_deadline:PT2H");
                    assertThat(stored.deadlineWorkingDays()).isEqualTo(2);
                    assertThat(stored.state()).isEqualTo(RoundState.OPEN);
                });
    }

    @Test
    void aRoundMayCloseWhenItsDeadlinePassedOrNobodyIsLeftToAnswer() {
        long ana = acme.person("Ana", "Europe/Berlin");
        Round waiting = acme.round("2026-W01", false, DEADLINE);
        acme.insertAsk(waiting, AskFixture.pending(ana, "2026-01-02T13:00:00Z", "2026-01-06T13:00:00Z"));
        Round done = acme.round("2026-W02", false, DEADLINE.plusSeconds(7 * 86400));

        assertThat(rounds.claimClosable(DEADLINE.minusSeconds(1)))
                .get()
                .extracting(Round::id)
                .isEqualTo(done.id());
        rounds.markClosed(done.id(), DEADLINE);
        assertThat(rounds.claimClosable(DEADLINE.minusSeconds(1))).isEmpty();
        assertThat(rounds.claimClosable(DEADLINE)).get().extracting(Round::id).isEqualTo(waiting.id());
        assertThat(rounds.find(acme.orgId, done.id()).orElseThrow().closedAt()).isEqualTo(DEADLINE);
    }

    @Test
    void aRoundBeingClosedOnOneNodeIsSkippedByAnother() {
        Round round = acme.round("2026-W01", false, DEADLINE);

        try (Handle first = database.jdbi().open();
                Handle second = database.jdbi().open()) {
            first.begin();
            assertThat(first.attach(RoundDao.class).claimClosable(DEADLINE))
                    .get()
                    .extracting(Round::id)
                    .isEqualTo(round.id());
            assertThat(second.attach(RoundDao.class).claimClosable(DEADLINE)).isEmpty();
            first.rollback();
        }
    }

    @Test
    void countsTheAsksOfARoundByState() {
        Round round = acme.round("2026-W01", false, DEADLINE);
        long ana = acme.person("Ana", "UTC");
        long bo = acme.person("Bo", "UTC");
        long cy = acme.person("Cy", "UTC");
        acme.insertAsk(round, AskFixture.pending(ana, "2026-01-02T13:00:00Z", "2026-01-06T13:00:00Z"));
        long boAsk = acme.insertAsk(round, AskFixture.pending(bo, "2026-01-02T13:00:00Z", "2026-01-06T13:00:00Z"));
        acme.insertAsk(
                round, new NewAsk(cy, AskState.SKIPPED, SkipReason.AWAY, DEADLINE, DEADLINE.plusSeconds(1), List.of()));
        database.jdbi().onDemand(AskDao.class).markAnswered(acme.orgId, boAsk, DEADLINE);

        assertThat(rounds.countAsks(acme.orgId, round.id())).isEqualTo(new AskCounts(1, 1, 1, 0));
    }
}
