package dev.candor.bot.goal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Block;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.goal.GoalCycleDao;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import dev.candor.storage.goal.GoalVisibility;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.PersonDao;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The goal changes a manager's check-in digest shows: the week's, of the people asked, as far as the manager sees. */
class GoalDigestTest {
    private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");
    private static Database database;
    private static long orgId;
    private static final Map<String, Long> people = new HashMap<>();

    @BeforeAll
    static void open() {
        database = TestDatabase.fresh();
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T1", "Acme")
                .id();
        PersonDao dao = database.jdbi().onDemand(PersonDao.class);
        for (String name : List.of("Mo", "Ana", "Gil", "Zed", "Li")) {
            people.put(
                    name,
                    dao.insert(orgId, name, name + "@acme.test", "UTC", "en", false)
                            .id());
        }
        database.jdbi().useHandle(handle -> {
            handle.execute(
                    "UPDATE people SET manager_id = ? WHERE id IN (?, ?)",
                    people.get("Mo"),
                    people.get("Ana"),
                    people.get("Gil"));
            handle.execute("UPDATE people SET manager_id = ? WHERE id = ?", people.get("Zed"), people.get("Li"));
        });
        GoalCycleDao cycles = database.jdbi().onDemand(GoalCycleDao.class);
        cycles.insertIfAbsent(orgId, "Q4 2026", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        long cycle =
                cycles.findOn(orgId, LocalDate.of(2026, 12, 4)).orElseThrow().id();
        goal(cycle, "Ana", "Ship the billing migration", GoalVisibility.EVERYONE, 2, "waiting on finance");
        goal(cycle, "Ana", "An old change", GoalVisibility.EVERYONE, 9, null);
        goal(cycle, "Gil", "Gil's private goal", GoalVisibility.PRIVATE, 1, null);
        goal(cycle, "Li", "Li's private goal", GoalVisibility.PRIVATE, 1, null);
    }

    private static void goal(
            long cycle, String owner, String title, GoalVisibility visibility, int daysAgo, String comment) {
        GoalDao dao = database.jdbi().onDemand(GoalDao.class);
        long id = dao.insert(
                        orgId,
                        cycle,
                        null,
                        title,
                        null,
                        GoalMeasure.PERCENT,
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(100),
                        null,
                        visibility,
                        null,
                        people.get(owner),
                        "add:" + title,
                        NOW.minus(Duration.ofDays(20)),
                        false)
                .orElseThrow();
        dao.addOwners(orgId, id, List.of(people.get(owner)));
        dao.insertUpdate(
                orgId,
                id,
                people.get(owner),
                BigDecimal.valueOf(40),
                GoalStatus.AT_RISK,
                comment,
                "update:" + title,
                NOW.minus(Duration.ofDays(daysAgo)));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static String changes(List<String> asked, String viewer) {
        List<Long> ids = asked.stream().map(people::get).toList();
        List<Block> blocks =
                database.jdbi().withHandle(handle -> GoalDigest.changes(handle, orgId, ids, people.get(viewer), NOW));
        return blocks.toString();
    }

    @Test
    void theManagerSeesTheWeeksChangesOfTheirPeopleIncludingPrivateGoals() {
        assertThat(changes(List.of("Ana", "Gil"), "Mo"))
                .contains(
                        "Goal changes this week",
                        "Ship the billing migration",
                        "0% → 40%, on track → at risk",
                        "waiting on finance",
                        "Gil's private goal")
                .doesNotContain("An old change", "Li's private goal");
    }

    @Test
    void anotherOwnerOfTheCheckinSeesNoPrivateGoalOfSomeoneElsesReport() {
        assertThat(changes(List.of("Ana", "Gil", "Li"), "Zed"))
                .contains("Ship the billing migration", "Li's private goal")
                .doesNotContain("Gil's private goal");
    }

    @Test
    void noChangeMeansNoSection() {
        assertThat(changes(List.of("Mo"), "Mo")).isEqualTo("[]");
    }
}
