package dev.candor.storage.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweeps' claims right after a big round is stored, before autovacuum has analysed its tables: each claim's plan
 * reads people's accounts by person, never through the organisation's whole primary key index once per ask (a plan
 * that made the first sweep of a 100,000-person round run for minutes).
 */
class AskSweepPlanTest {
    private static final int PEOPLE = 20_000;
    private static final Instant OPENS = Instant.parse("2026-01-09T13:00:00Z");
    private static final Instant DUE = Instant.parse("2026-01-13T13:00:00Z");

    private static Database database;
    private static AskFixture acme;
    private static long both;

    @BeforeAll
    static void storeABigRound() {
        database = TestDatabase.fresh();
        acme = new AskFixture(database, "T0PLAN");
        List<Long> people = acme.people(PEOPLE);
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        """
                        INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)
                        SELECT org_id, id, 'slack', 'U' || id FROM people WHERE org_id = ?""",
                        acme.orgId));
        both = people.get(0);
        acme.identity(both, "teams", "29:both");
        Round round = acme.round("2026-W02", false, DUE);
        database.jdbi()
                .onDemand(AskDao.class)
                .insertAll(
                        acme.orgId,
                        round.id(),
                        people.stream()
                                .map(id -> AskFixture.pending(id, OPENS.toString(), DUE.toString()))
                                .toList());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void claimingDueAsksReadsAccountsByPersonWithoutStatistics() {
        String plan = planWithoutStatistics("claimDueAsks");

        assertThat(plan).contains("platform_identities_person").doesNotContain("platform_identities_pkey");
    }

    @Test
    void claimingDueRemindersReadsAccountsByPersonWithoutStatistics() {
        String plan = planWithoutStatistics("claimDueReminders");

        assertThat(plan).doesNotContain("platform_identities_pkey");
    }

    @Test
    void aClaimedPersonWithBothAccountsIsReachedOnSlack() {
        database.jdbi().useTransaction(handle -> {
            List<AskDelivery> claimed = handle.attach(AskDao.class).claimDueAsks(OPENS, PEOPLE);

            assertThat(claimed).hasSize(PEOPLE).allMatch(AskDelivery::reachable);
            assertThat(claimed)
                    .filteredOn(delivery -> delivery.personId() == both)
                    .singleElement()
                    .extracting(AskDelivery::platform)
                    .isEqualTo(Platform.SLACK);
            handle.rollback();
        });
    }

    /** The claim's plan as the planner makes it for tables it knows nothing about yet. */
    private static String planWithoutStatistics(String claim) {
        String sql = claimSql(claim);
        return database.jdbi()
                .inTransaction(handle -> {
                    forgetStatistics(handle);
                    String plan = handle
                            .createQuery("EXPLAIN " + sql)
                            .bind("now", OPENS)
                            .bind("limit", 2_000)
                            .mapTo(String.class)
                            .stream()
                            .collect(Collectors.joining("\n"));
                    handle.rollback();
                    return plan;
                });
    }

    private static void forgetStatistics(Handle handle) {
        handle.execute(
                """
                DELETE FROM pg_statistic WHERE starelid = ANY(ARRAY['asks', 'people', 'platform_identities', 'rounds']::regclass[]);
                UPDATE pg_class SET reltuples = -1
                WHERE oid = ANY(ARRAY['asks', 'people', 'platform_identities', 'rounds']::regclass[])""");
    }

    private static String claimSql(String claim) {
        try {
            return AskSweepDao.class
                    .getMethod(claim, Instant.class, int.class)
                    .getAnnotation(SqlQuery.class)
                    .value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
