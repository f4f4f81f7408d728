package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.review.ReviewNudges;
import dev.candor.bot.review.ReviewSummaries;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.review.ReviewOverdueJob;
import dev.candor.scheduler.review.ReviewSummaryJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A review cycle in Teams, from JWT-signed activities and a clock the test moves: Hana (HR) starts one from the form
 * card, everyone who joined by the cut-off day is asked in their chat with Candor, Ana answers from her card, and
 * after the deadline Hana's status shows who is late. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsReviewTest {
    private static final List<String> PEOPLE = List.of("hana", "mo", "ana", "gil", "neo");
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

    private static TeamsServer teams;
    private static TeamsChat chat;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(clock);
        chat = new TeamsChat(teams, PEOPLE);
        for (String person : PEOPLE) {
            teams.post(chat.says(person, "help").json());
        }
        teams.awaitOutboxIdle();
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'hr_admin', department = 'People', start_date = '2020-01-06'"
                    + " WHERE name = 'Hana'");
            handle.execute("UPDATE people SET role = 'manager', department = 'Sales', start_date = '2021-05-03',"
                    + " manager_id = (SELECT id FROM people WHERE name = 'Hana') WHERE name = 'Mo'");
            handle.execute("UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Mo'),"
                    + " department = 'Sales', start_date = '2024-03-01' WHERE name IN ('Ana', 'Gil')");
            handle.execute("UPDATE people SET start_date = '2026-12-01' WHERE name = 'Neo'");
        });
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @BeforeEach
    void reset() {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    @Test
    @Order(1)
    void hanaStartsACycleFromTheFormCardAndEveryoneWhoJoinedByTheDayIsAsked() throws Exception {
        assertThat(chat.reply(chat.says("ana", "candor review new")).toString()).contains("run by HR admins");
        JsonNode form = chat.reply(chat.says("hana", "candor review new"));
        Goldens.assertMatches("review-new-form.json", form);
        JsonNode wrong = chat.answer(chat.submits("hana", Cards.asFilled(form, Map.of("period_to", "2025-01-01"))));
        assertThat(wrong.toString()).contains("The period ends after it starts");

        JsonNode started = chat.answer(chat.submits(
                "hana",
                Cards.asFilled(
                        form,
                        Map.of("name", "2026 annual review", "joined_by", "2026-11-01", "self_due", "2026-12-11"))));
        assertThat(started.toString())
                .contains("Started \\\"2026 annual review\\\" for 4 people", "4 people asked now");
        JsonNode dm = chat.awaitDm("ana", "Self review: 2026 annual review");
        Goldens.assertMatches("review-self-ask.json", dm);
        assertThat(chat.dms("neo")).as("Neo joined after the day").isEmpty();
        assertThat(Rows.strings(teams.jdbi(), "SELECT DISTINCT due_at::text FROM asks"))
                .as("17:00 in their zone (Europe/Berlin)")
                .containsExactly("2026-12-11 16:00:00+00");
    }

    @Test
    @Order(2)
    void anaAnswersFromHerCardAndAfterTheDeadlineHanaSeesWhoIsLate() throws Exception {
        String ask = Rows.strings(
                        teams.jdbi(),
                        "SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id WHERE p.name = 'Ana'")
                .get(0);
        assertThat(chat.reply(chat.says("neo", "candor review")).toString())
                .contains("You have no review to write now");
        assertThat(chat.reply(chat.says("ana", "candor review")).toString())
                .contains("Self review: 2026 annual review", "How well did you meet your goals this period?");
        JsonNode form = chat.answer(chat.presses("ana", "ask.answer", ask));
        assertThat(form.toString())
                .contains("How well did you meet your goals this period?")
                .contains("What your Thu 1 Jan 2026 to Fri 4 Dec 2026 left in Candor", "0 kudos", "No goals");
        JsonNode saved = chat.answer(chat.submits(
                "ana",
                Cards.filledIn(
                        form,
                        Map.of("q1", "4", "q2", "The billing migration", "q3", "-", "q4", "Estimating", "q5", "4"))));
        assertThat(saved.toString()).contains("Answered ✓");

        clock.set(Instant.parse("2026-12-07T08:05:00Z"));
        teams.microsoft.reset();
        assertThat(new ReviewSummaryJob(
                                teams.jdbi(), clock, new WorkingTimeLoader(teams.jdbi(), clock), new ReviewSummaries())
                        .sweep())
                .isEqualTo(2);
        JsonNode summary = chat.awaitDm("mo", "of your reports did their self review");
        Goldens.assertMatches("review-summary.json", summary);
        assertThat(summary.toString()).contains("1 of 2 of your reports", "Still to do: Gil", "Done: Ana");

        clock.set(Instant.parse("2026-12-11T17:30:00Z"));
        ((AskSweepJob) teams.candor.asking().sweepJob().job()).sweep();
        JsonNode status = chat.reply(chat.says("hana", "candor review status 2026 annual review"));
        Goldens.assertMatches("review-status.json", status);
        assertThat(status.toString())
                .contains("1 of 4 done", "3 late", "Sales: 1 of 3", "Gil (manager Mo)")
                .doesNotContain("Neo");
        assertThat(chat.reply(chat.says("mo", "candor review status 2026 annual review"))
                        .toString())
                .contains("run by HR admins");
        teams.microsoft.reset();
        assertThat(new ReviewOverdueJob(
                                teams.jdbi(),
                                clock,
                                new WorkingTimeLoader(teams.jdbi(), clock),
                                teams.candor.asking().rounds(),
                                new ReviewNudges())
                        .sweep())
                .isEqualTo(3);
        JsonNode told = chat.awaitDm("gil", "was due Friday 11 December");
        Goldens.assertMatches("review-overdue.json", told);
        assertThat(told.toString()).contains("You can still send it until Friday 18 December, 17:00", "ask.answer");
        assertThat(chat.reply(chat.says("hana", "candor review export 2026 annual review"))
                        .toString())
                .as("without PUBLIC_URL there is nowhere to download from")
                .contains("Exports are downloads from Candor itself: set PUBLIC");
    }

    @Test
    @Order(3)
    void moReviewsEachOfHisReportsFromHisChatWithTheEvidenceAManagerMaySee() throws Exception {
        JsonNode form = chat.reply(chat.says("hana", "candor review new"));
        JsonNode started = chat.answer(chat.submits(
                "hana",
                Cards.asFilled(
                        form,
                        Map.of(
                                "name",
                                "Sales H2",
                                "self_opens",
                                "2026-12-21",
                                "self_due",
                                "2026-12-23",
                                "manager_opens",
                                "2026-12-11",
                                "manager_due",
                                "2026-12-18"))));
        assertThat(started.toString()).contains("Managers review their reports from Fri 11 Dec 2026 (now)");
        ((AskSweepJob) teams.candor.asking().sweepJob().job()).sweep();
        chat.awaitDm("mo", "Manager review of Ana: Sales H2");
        String ask = Rows.strings(
                        teams.jdbi(),
                        "SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people s ON s.id ="
                                + " CAST(NULLIF(split_part(r.subject, ':', 3), '') AS bigint) WHERE s.name = 'Ana'")
                .get(0);
        JsonNode review = chat.answer(chat.presses("mo", "ask.answer", ask));
        Goldens.assertMatches("review-manager-form.json", review);
        assertThat(review.toString())
                .contains("Manager review of Ana: Sales H2", "What their", "How well did they meet their goals")
                .doesNotContain("check-ins answered");
        assertThat(chat.answer(chat.presses("ana", "ask.answer", ask)).toString())
                .contains("sent to someone else");
    }
}
