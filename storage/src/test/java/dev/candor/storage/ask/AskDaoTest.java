package dev.candor.storage.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AskDaoTest {
    private static final Instant OPENS = Instant.parse("2026-01-02T13:00:00Z");
    private static final Instant MONDAY_MORNING = Instant.parse("2026-01-05T07:00:00Z");
    private static final Instant TUESDAY_NOON = Instant.parse("2026-01-06T11:00:00Z");
    private static final Instant DUE = Instant.parse("2026-01-06T13:00:00Z");

    private Database database;
    private AskFixture acme;
    private AskDao asks;
    private Round round;
    private long ana;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        acme = new AskFixture(database, "T1");
        asks = database.jdbi().onDemand(AskDao.class);
        round = acme.round("2026-W01", false, DUE);
        ana = acme.person("Ana", "Europe/Berlin");
        acme.identity(ana, "teams", "29:ana");
        acme.identity(ana, "slack", "U0ANA");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storesARoundOfAsksInChunksAndKeepsAPersonsEarlierAsk() {
        List<NewAsk> planned = new ArrayList<>();
        for (long person : acme.people(AskDao.INSERT_CHUNK + 5)) {
            planned.add(AskFixture.pending(person, OPENS.toString(), DUE.toString(), MONDAY_MORNING.toString()));
        }

        assertThat(asks.insertAll(acme.orgId, round.id(), planned)).isEqualTo(planned.size());
        assertThat(asks.insertAll(acme.orgId, round.id(), planned.subList(0, 3)))
                .isZero();
        assertThat(asks.listByRound(acme.orgId, round.id())).hasSize(planned.size());
    }

    @Test
    void claimsAsksWhoseOpeningHasComeWithHowToReachThePerson() {
        long early = acme.insertAsk(round, AskFixture.pending(ana, OPENS.toString(), DUE.toString()));
        long bo = acme.person("Bo", "UTC");
        acme.insertAsk(round, AskFixture.pending(bo, OPENS.plusSeconds(3600).toString(), DUE.toString()));

        List<AskDelivery> due = asks.claimDueAsks(OPENS, 100);

        assertThat(due).singleElement().satisfies(delivery -> {
            assertThat(delivery.askId()).isEqualTo(early);
            assertThat(delivery.platform()).isEqualTo(Platform.SLACK);
            assertThat(delivery.platformUserId()).isEqualTo("U0ANA");
            assertThat(delivery.reminder()).isZero();
            assertThat(delivery.relativeDeadline()).isTrue();
            assertThat(delivery.active()).isTrue();
        });
        assertThat(asks.claimDueAsks(OPENS.plusSeconds(3600), 100))
                .extracting(AskDelivery::reachable)
                .containsExactly(true, false);
    }

    @Test
    void sendingAnAskArmsItsFirstReminderStillAheadAndRemindingMovesOn() {
        long id = acme.insertAsk(
                round,
                AskFixture.pending(
                        ana,
                        OPENS.toString(),
                        DUE.toString(),
                        MONDAY_MORNING.toString(),
                        TUESDAY_NOON.toString(),
                        DUE.toString()));

        asks.markSent(new long[] {id}, OPENS);
        assertThat(asks.claimDueAsks(DUE, 10)).isEmpty();
        assertThat(asks.find(acme.orgId, id).orElseThrow().nextReminderAt()).isEqualTo(MONDAY_MORNING);
        assertThat(asks.claimDueReminders(MONDAY_MORNING.minusSeconds(1), 10)).isEmpty();
        assertThat(asks.claimDueReminders(MONDAY_MORNING, 10))
                .extracting(AskDelivery::reminder)
                .containsExactly(1);

        asks.markReminded(new long[] {id}, MONDAY_MORNING, true);
        Ask reminded = asks.find(acme.orgId, id).orElseThrow();
        assertThat(reminded.nextReminderAt()).isEqualTo(TUESDAY_NOON);
        assertThat(reminded.remindersSent()).isEqualTo(1);

        asks.markReminded(new long[] {id}, TUESDAY_NOON, true);
        assertThat(asks.find(acme.orgId, id).orElseThrow().nextReminderAt())
                .as("a reminder at the deadline is never sent")
                .isNull();
    }

    @Test
    void anAskSentLateDropsTheRemindersItMissed() {
        long id = acme.insertAsk(
                round,
                AskFixture.pending(
                        ana, OPENS.toString(), DUE.toString(), MONDAY_MORNING.toString(), TUESDAY_NOON.toString()));

        asks.markSent(new long[] {id}, MONDAY_MORNING.plusSeconds(60));

        assertThat(asks.find(acme.orgId, id).orElseThrow().nextReminderAt()).isEqualTo(TUESDAY_NOON);
    }

    @Test
    void aReminderPassedOverKeepsItsNumberForTheNextOne() {
        long id = acme.insertAsk(
                round,
                AskFixture.pending(
                        ana, OPENS.toString(), DUE.toString(), MONDAY_MORNING.toString(), TUESDAY_NOON.toString()));
        asks.markSent(new long[] {id}, OPENS);

        asks.markReminded(new long[] {id}, MONDAY_MORNING, false);

        assertThat(asks.claimDueReminders(TUESDAY_NOON, 10))
                .extracting(AskDelivery::reminder)
                .containsExactly(1);
    }

    @Test
    void anAnsweredAskIsNeitherRemindedNorExpired() {
        long id = acme.insertAsk(
                round, AskFixture.pending(ana, OPENS.toString(), DUE.toString(), MONDAY_MORNING.toString()));
        asks.markSent(new long[] {id}, OPENS);

        assertThat(asks.markAnswered(acme.orgId, id, OPENS.plusSeconds(60))).isTrue();
        assertThat(asks.markAnswered(acme.orgId, id, OPENS.plusSeconds(120)))
                .as("a changed answer leaves the ask alone")
                .isFalse();

        assertThat(asks.claimDueReminders(DUE, 10)).isEmpty();
        assertThat(asks.expireDue(DUE)).isZero();
        Ask answered = asks.find(acme.orgId, id).orElseThrow();
        assertThat(answered.state()).isEqualTo(AskState.ANSWERED);
        assertThat(answered.answeredAt()).isEqualTo(OPENS.plusSeconds(60));
    }

    @Test
    void expiresPendingAsksAtTheirDeadline() {
        long id = acme.insertAsk(round, AskFixture.pending(ana, OPENS.toString(), DUE.toString()));

        assertThat(asks.expireDue(DUE.minusSeconds(1))).isZero();
        assertThat(asks.expireDue(DUE)).isEqualTo(1);
        Ask expired = asks.find(acme.orgId, id).orElseThrow();
        assertThat(expired.state()).isEqualTo(AskState.EXPIRED);
        assertThat(expired.acceptsAnswersAt(DUE.minusSeconds(1))).isFalse();
    }

    @Test
    void twoSweepsClaimDisjointAsks() {
        for (int i = 0; i < 10; i++) {
            acme.insertAsk(round, AskFixture.pending(acme.person("P" + i, "UTC"), OPENS.toString(), DUE.toString()));
        }

        try (Handle first = database.jdbi().open();
                Handle second = database.jdbi().open()) {
            first.begin();
            second.begin();
            List<AskDelivery> one = first.attach(AskDao.class).claimDueAsks(OPENS, 6);
            List<AskDelivery> two = second.attach(AskDao.class).claimDueAsks(OPENS, 6);
            assertThat(one).hasSize(6);
            assertThat(two).hasSize(4);
            assertThat(two).extracting(AskDelivery::askId).doesNotContainAnyElementsOf(ids(one));
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void listsThePersonsAsksStillOpenSoonestDeadlineFirst() {
        long id = acme.insertAsk(round, AskFixture.pending(ana, OPENS.toString(), DUE.toString()));
        Round later = acme.round("2026-W02", false, DUE.plusSeconds(86400));
        long laterId = acme.insertAsk(
                later,
                AskFixture.pending(ana, OPENS.toString(), DUE.plusSeconds(86400).toString()));

        assertThat(asks.listOpenFor(acme.orgId, ana, OPENS)).extracting(Ask::id).containsExactly(id, laterId);
        assertThat(asks.listOpenFor(acme.orgId, ana, DUE)).extracting(Ask::id).containsExactly(laterId);
    }

    private static List<Long> ids(List<AskDelivery> deliveries) {
        return deliveries.stream().map(AskDelivery::askId).toList();
    }
}
