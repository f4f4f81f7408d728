package dev.candor.bot.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Reply;
import dev.candor.scheduler.ask.AskSweepJob;
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
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an answer keeps of its author's groups for breakdowns: never a combination fewer than the feature's minimum of
 * the round's people share, so that reading the table can't narrow an anonymous answer further.
 */
class AnswerCellsTest {
    private static final Instant MONDAY = Instant.parse("2026-01-12T10:00:00Z");

    private Database database;
    private Jdbi jdbi;
    private long orgId;
    private Asking asking;
    private long mira;
    private long omar;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        jdbi = database.jdbi();
        orgId = jdbi.onDemand(OrganisationDao.class).upsertSlack("T1", "Acme").id();
        mira = person("Mira", "Sales", null, "Berlin", "2015-01-01");
        omar = person("Omar", "Sales", null, "Lisbon", "2015-01-01");
        Clock clock = Clock.fixed(MONDAY, ZoneOffset.UTC);
        asking = new Asking(jdbi, clock, new WorkingTimeLoader(jdbi, clock), Optional.of(new byte[32]));
        asking.features().register(new Grouped("grouped", OptionalInt.of(3)));
        asking.features().register(new Grouped("plain", OptionalInt.empty()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyKeptCombinationIsSharedByAtLeastTheMinimumOfTheRoundsPeople() {
        List<Long> people = new ArrayList<>();
        // Sales: four under Mira in Berlin, two under Omar (one in Berlin); Support: four, one with a start date.
        for (int i = 0; i < 4; i++) {
            people.add(person("S" + i, "Sales", mira, "Berlin", "2025-06-01"));
        }
        long lone = person("T0", "Sales", omar, "Berlin", "2020-01-01");
        people.add(lone);
        people.add(person("T1", "Sales", omar, "Lisbon", "2020-01-01"));
        for (int i = 0; i < 4; i++) {
            people.add(person("U" + i, "Support", mira, null, i == 0 ? "2019-01-01" : null));
        }
        long round = round("grouped", true, people);

        people.forEach(person -> assertThat(submit(round, person, "4")).isInstanceOf(Reply.Private.class));

        List<String> cells = cells(round);
        assertThat(cells).hasSize(10).allSatisfy(cell -> assertThat(sharing(round, cell))
                .as("people of the round sharing %s", cell)
                .isGreaterThanOrEqualTo(3));
        assertThat(cells)
                .as("Omar's two keep their department but not their manager")
                .contains("{\"department\": \"Sales\"}")
                .contains("{\"location\": \"Berlin\", \"department\": \"Sales\"}")
                .contains("{\"tenure\": \"<1y\", \"manager\": " + mira
                        + ", \"location\": \"Berlin\", \"department\": \"Sales\"}");
        assertThat(cells).noneMatch(cell -> cell.contains("\"manager\": " + omar));
    }

    @Test
    void aTeamTooSmallOfItsOwnCountsInTheNearestOrganisationAboveThatIsBigEnough() {
        // Mira → Ana → Li: Li's two reports are too few (3), Ana's organisation (A1, Li and Li's two) is enough.
        long ana = person("Ana", "Sales", mira, null, null);
        long li = person("Li", "Sales", ana, null, null);
        List<Long> people = new ArrayList<>(List.of(
                ana,
                li,
                person("A1", "Sales", ana, null, null),
                person("L1", "Sales", li, null, null),
                person("L2", "Sales", li, null, null)));
        for (int i = 0; i < 3; i++) {
            people.add(person("M" + i, "Sales", mira, null, null));
        }
        long round = round("grouped", true, people);

        people.forEach(person -> submit(round, person, "4"));

        Map<String, Long> byTeam = cells(round).stream()
                .collect(java.util.stream.Collectors.groupingBy(cell -> cell, java.util.stream.Collectors.counting()));
        assertThat(byTeam)
                .as("Li's two count in Ana's team, which Mira's organisation holds; nobody's team is Li's")
                .containsOnly(
                        Map.entry("{\"manager\": " + ana + ", \"department\": \"Sales\"}", 4L),
                        Map.entry("{\"manager\": " + mira + ", \"department\": \"Sales\"}", 4L));
    }

    @Test
    void aRoundSmallerThanTheMinimumKeepsNoGroupsAndAFeatureWithoutOneKeepsNothing() {
        long small = round(
                "grouped",
                true,
                List.of(person("A", "Sales", mira, "Berlin", null), person("B", "Sales", mira, "Berlin", null)));
        long named = round("plain", false, List.of(person("C", "Sales", mira, "Berlin", null)));

        askers(small).forEach(person -> submit(small, person, "3"));
        askers(named).forEach(person -> submit(named, person, "3"));

        assertThat(cells(small)).containsExactly("{}", "{}");
        assertThat(cells(named)).containsExactly((String) null);
    }

    @Test
    void anAnonymousRoundsAnswersAreRewrittenTogetherAtMostEveryQuarterHourAfterAnyIsWritten() {
        List<Long> people = List.of(
                person("A", "Sales", mira, null, null),
                person("B", "Sales", mira, null, null),
                person("C", "Sales", mira, null, null),
                person("D", "Sales", mira, null, null));
        long round = round("grouped", true, people);
        people.subList(0, 3).forEach(person -> submit(round, person, "4"));
        assertThat(stamps(round))
                .as("each answer in its own transaction, with its ask")
                .isEqualTo(3);

        sweepAt(MONDAY);
        assertThat(state(round)).isEqualTo("open");
        assertThat(stamps(round))
                .as("rewritten together with the answered asks")
                .isEqualTo(1);
        assertThat(unshuffled(round)).isZero();

        assertThat(submit(round, people.get(1), "2")).isInstanceOf(Reply.Private.class);
        assertThat(unshuffled(round)).as("the changed answer").isEqualTo(1);
        sweepAt(MONDAY.plusSeconds(5 * 60));
        assertThat(unshuffled(round)).as("not again within the quarter hour").isEqualTo(1);
        sweepAt(MONDAY.plusSeconds(16 * 60));
        assertThat(unshuffled(round)).isZero();
        assertThat(stamps(round)).isEqualTo(1);

        submit(round, people.get(3), "5");
        sweepAt(MONDAY.plusSeconds(17 * 60));
        assertThat(state(round)).as("everyone answered").isEqualTo("closed");
        assertThat(stamps(round)).isEqualTo(1);
        assertThat(submit(round, people.get(0), "1")).isInstanceOf(Reply.Private.class);
        sweepAt(MONDAY.plusSeconds(40 * 60));
        assertThat(unshuffled(round))
                .as("a change after an early close is rewritten too")
                .isZero();
        assertThat(cells(round)).hasSize(4);
    }

    private String state(long round) {
        return jdbi.withHandle(handle -> handle.select("SELECT state FROM rounds WHERE id = ?", round)
                .mapTo(String.class)
                .one());
    }

    private void sweepAt(Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        Asking sweeper = new Asking(jdbi, clock, new WorkingTimeLoader(jdbi, clock), Optional.empty());
        ((AskSweepJob) sweeper.sweepJob().job()).sweep();
    }

    /** Distinct transaction stamps among the round's answers and answered asks. */
    private long stamps(long round) {
        return jdbi.withHandle(handle -> handle.select(
                        """
                        SELECT count(DISTINCT x) FROM (
                            SELECT xmin::text AS x FROM answers WHERE round_id = ?
                            UNION ALL SELECT xmin::text FROM asks WHERE round_id = ? AND state = 'answered') s
                        """,
                        round,
                        round)
                .mapTo(Long.class)
                .one());
    }

    private long unshuffled(long round) {
        return jdbi.withHandle(
                handle -> handle.select("SELECT count(*) FROM answers WHERE round_id = ? AND NOT shuffled", round)
                        .mapTo(Long.class)
                        .one());
    }

    private long round(String feature, boolean anonymous, List<Long> people) {
        QuestionnaireVersion version = asking.createQuestionnaire(
                orgId, feature, new Questionnaire(new Question.Mood("mood", "How are you?", true)), null);
        Round round = asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        feature,
                        feature + ":" + people.get(0),
                        "2026-W03",
                        version.questionnaireId(),
                        version.version(),
                        new RoundTiming(
                                Opening.at(LocalDateTime.parse("2026-01-12T09:00")),
                                Deadline.workingDays(2),
                                ReminderPlan.defaults()),
                        anonymous,
                        people,
                        null))
                .orElseThrow()
                .round();
        jdbi.useHandle(handle -> handle.execute("UPDATE asks SET sent_at = ? WHERE round_id = ?", MONDAY, round.id()));
        return round.id();
    }

    private Reply submit(long round, long person, String mood) {
        long ask = jdbi.withHandle(
                handle -> handle.select("SELECT id FROM asks WHERE round_id = ? AND person_id = ?", round, person)
                        .mapTo(Long.class)
                        .one());
        Actor actor = new Actor(
                orgId,
                "T1",
                person,
                Platform.SLACK,
                "U" + person,
                "P",
                Role.EMPLOYEE,
                ZoneId.of("UTC"),
                Locale.ENGLISH);
        return asking.handler()
                .handle(new FormSubmission(
                        actor,
                        new ConversationRef(Platform.SLACK, "D" + person, ConversationKind.DM, null),
                        AskForms.FORM_ID,
                        Map.of("mood", List.of(mood)),
                        String.valueOf(ask),
                        "slack:view:V" + ask,
                        null));
    }

    private List<Long> askers(long round) {
        return jdbi.withHandle(handle -> handle.select("SELECT person_id FROM asks WHERE round_id = ?", round)
                .mapTo(Long.class)
                .list());
    }

    private List<String> cells(long round) {
        return jdbi.withHandle(
                handle -> handle.select("SELECT cell::text FROM answers WHERE round_id = ? ORDER BY cell::text", round)
                        .mapTo(String.class)
                        .list());
    }

    /** The round's people whose groups match every key the cell kept, computed here from the directory. */
    private long sharing(long round, String cell) {
        return jdbi.withHandle(handle -> handle.select(
                        """
                        SELECT count(*) FROM asks a JOIN people p ON p.id = a.person_id, CAST(? AS jsonb) c
                        WHERE a.round_id = ?
                          AND (c->>'department' IS NULL OR p.department = c->>'department')
                          AND (c->>'manager' IS NULL OR p.manager_id = (c->>'manager')::bigint)
                          AND (c->>'location' IS NULL OR p.location = c->>'location')
                          AND (c->>'tenure' IS NULL OR c->>'tenure' = CASE
                               WHEN p.start_date > date '2025-01-12' THEN '<1y'
                               WHEN p.start_date > date '2024-01-12' THEN '1-2y'
                               WHEN p.start_date > date '2021-01-12' THEN '2-5y' ELSE '5y+' END)
                        """,
                        cell,
                        round)
                .mapTo(Long.class)
                .one());
    }

    private long person(String name, String department, Long manager, String location, String startDate) {
        return jdbi.withHandle(handle -> handle.select(
                        "INSERT INTO people (org_id, name, department, manager_id, location, start_date)"
                                + " VALUES (?, ?, ?, ?, ?, CAST(? AS date)) RETURNING id",
                        orgId,
                        name,
                        department,
                        manager,
                        location,
                        startDate)
                .mapTo(Long.class)
                .one());
    }

    private record Grouped(String name, OptionalInt minimum) implements AskFeature {
        @Override
        public AskText text(Handle handle, Round round) {
            return new AskText("Survey", null);
        }

        @Override
        public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
            return false;
        }

        @Override
        public OptionalInt groupMinimum(Handle handle, Round round) {
            return minimum;
        }
    }
}
