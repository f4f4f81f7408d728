package dev.candor.storage.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.PersonDao;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees which goal, as the database decides it: Vic manages Mo, who manages Ana and Gil; Zed manages Li; Ana's
 * report is Ben. Ana owns one goal of each visibility.
 */
class GoalDaoTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static Database database;
    private static GoalDao goals;
    private static long orgId;
    private static long cycle;
    private static Map<String, Long> people;

    @BeforeAll
    static void open() {
        database = TestDatabase.fresh();
        goals = database.jdbi().onDemand(GoalDao.class);
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T1", "Acme")
                .id();
        PersonDao dao = database.jdbi().onDemand(PersonDao.class);
        people = new java.util.HashMap<>();
        for (String name : List.of("Vic", "Mo", "Ana", "Gil", "Zed", "Li", "Ben")) {
            people.put(
                    name,
                    dao.insert(orgId, name, name.toLowerCase() + "@acme.test", "UTC", "en", false)
                            .id());
        }
        manages("Vic", "Mo");
        manages("Mo", "Ana");
        manages("Mo", "Gil");
        manages("Zed", "Li");
        manages("Ana", "Ben");
        GoalCycleDao cycles = database.jdbi().onDemand(GoalCycleDao.class);
        cycles.insertIfAbsent(orgId, "Q4 2026", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        cycles.insertIfAbsent(orgId, "Q4 again", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        cycle = cycles.findOn(orgId, LocalDate.of(2026, 12, 4)).orElseThrow().id();
        for (GoalVisibility visibility : GoalVisibility.values()) {
            long id = goals.insert(
                            orgId,
                            cycle,
                            null,
                            "Ana's " + visibility.dbValue() + " goal",
                            null,
                            GoalMeasure.NUMBER,
                            BigDecimal.ZERO,
                            BigDecimal.valueOf(120),
                            "customers",
                            visibility,
                            null,
                            people.get("Ana"),
                            "add-" + visibility,
                            NOW,
                            false)
                    .orElseThrow();
            goals.addOwners(orgId, id, List.of(people.get("Ana")));
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void eachVisibilityShowsTheGoalToExactlyThePeopleItNames() {
        Map<GoalVisibility, List<String>> readers = Map.of(
                GoalVisibility.EVERYONE, List.of("Vic", "Mo", "Ana", "Gil", "Zed", "Li", "Ben"),
                GoalVisibility.TEAM, List.of("Vic", "Mo", "Ana", "Gil", "Ben"),
                GoalVisibility.PRIVATE, List.of("Mo", "Ana"));
        for (String viewer : people.keySet()) {
            List<String> seen = goals.listOwnedBy(orgId, cycle, people.get("Ana"), people.get(viewer)).stream()
                    .map(Goal::title)
                    .toList();
            for (GoalVisibility visibility : GoalVisibility.values()) {
                assertThat(seen.contains("Ana's " + visibility.dbValue() + " goal"))
                        .as("%s sees Ana's %s goal", viewer, visibility)
                        .isEqualTo(readers.get(visibility).contains(viewer));
            }
        }
    }

    @Test
    void aSecondCycleStartingTheSameDayIsNotMadeAndTheSameSubmissionStoresOneGoal() {
        List<String> cycles = database.jdbi().withHandle(handle -> handle.select("SELECT name FROM goal_cycles")
                .mapTo(String.class)
                .list());
        assertThat(cycles).containsExactly("Q4 2026");
        assertThat(goals.insert(
                        orgId,
                        cycle,
                        null,
                        "Again",
                        null,
                        GoalMeasure.PERCENT,
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(100),
                        null,
                        GoalVisibility.EVERYONE,
                        null,
                        people.get("Ana"),
                        "add-EVERYONE",
                        NOW,
                        false))
                .isEmpty();
    }

    @Test
    void anUpdateKeepsOldAndNewInTheHistoryOnceAndProgressFollowsTheMeasure() {
        Goal goal = goals.listOwnedBy(orgId, cycle, people.get("Ana"), people.get("Ana"))
                .get(0);
        long ana = people.get("Ana");

        assertThat(goals.insertUpdate(
                        orgId, goal.id(), ana, BigDecimal.valueOf(30), GoalStatus.AT_RISK, "slow", "u1", NOW))
                .isPresent();
        goals.setProgress(orgId, goal.id(), BigDecimal.valueOf(30), GoalStatus.AT_RISK, false, NOW);
        assertThat(goals.insertUpdate(orgId, goal.id(), ana, BigDecimal.valueOf(99), GoalStatus.DONE, null, "u1", NOW))
                .as("the same submission again")
                .isEmpty();

        Goal updated = goals.find(orgId, goal.id()).orElseThrow();
        assertThat(updated.progress()).isEqualTo(25);
        assertThat(updated.status()).isEqualTo(GoalStatus.AT_RISK);
        assertThat(updated.ownerNames()).containsExactly("Ana");
        assertThat(updated.managedBy(people.get("Mo"))).isTrue();
        assertThat(goals.listUpdates(orgId, goal.id(), 10)).singleElement().satisfies(update -> {
            assertThat(update.oldValue()).isEqualByComparingTo("0");
            assertThat(update.newValue()).isEqualByComparingTo("30");
            assertThat(update.oldStatus()).isEqualTo(GoalStatus.ON_TRACK);
            assertThat(update.newStatus()).isEqualTo(GoalStatus.AT_RISK);
            assertThat(update.personName()).isEqualTo("Ana");
        });
        assertThat(goals.listUpdatableBy(orgId, cycle, people.get("Mo"))).hasSize(3);
        assertThat(goals.listUpdatableBy(orgId, cycle, people.get("Vic"))).isEmpty();
        assertThat(goals.listOfReports(orgId, cycle, people.get("Mo"))).hasSize(3);
    }

    @Test
    void aGoalNeverContributesToItselfOrToOneOfItsOwnKeyResultsAtAnyDepth() {
        List<Goal> owned = goals.listOwnedBy(orgId, cycle, people.get("Ana"), people.get("Ana"));
        long top = owned.get(0).id();
        long middle = owned.get(1).id();
        long bottom = owned.get(2).id();
        goals.setParent(orgId, middle, top);
        goals.setParent(orgId, bottom, middle);

        assertThatThrownBy(() -> goals.setParent(orgId, top, top))
                .hasMessageContaining("cannot contribute to itself or to one of its own key results");
        assertThatThrownBy(() -> goals.setParent(orgId, top, bottom))
                .hasMessageContaining("cannot contribute to itself or to one of its own key results");
        assertThat(goals.find(orgId, top).orElseThrow().parentId()).isNull();

        goals.setParent(orgId, bottom, null);
        goals.setParent(orgId, middle, null);
        assertThat(goals.find(orgId, middle).orElseThrow().parentId()).isNull();
    }

    private static void manages(String manager, String report) {
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE people SET manager_id = ? WHERE id = ?", people.get(manager), people.get(report)));
    }
}
