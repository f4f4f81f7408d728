package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.checkin.TestCheckins;
import dev.candor.bot.goal.GoalReminderQueue;
import dev.candor.scheduler.goal.GoalReminderJob;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Goals in Teams, from JWT-signed activities: Ana adds a goal in a line and one from the form card, updates one in a
 * line and one from its Update button's card; someone who is neither owner nor manager is refused; each person sees
 * Ana's goals as their visibility allows, and her manager Mo sees his team's. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsGoalsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String PUBLIC = "https://candor.example.com";
    private static final List<String> PEOPLE = List.of("ana", "gil", "mo", "li", "hana");

    private static TeamsServer teams;
    private static TeamsChat chat;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(Clock.fixed(NOW, ZoneOffset.UTC), URI.create(PUBLIC));
        chat = new TeamsChat(teams, PEOPLE);
        for (String person : PEOPLE) {
            teams.post(chat.says(person, "help").json());
        }
        teams.awaitOutboxIdle();
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'manager' WHERE name = 'Mo'");
            handle.execute("UPDATE people SET role = 'hr_admin' WHERE name = 'Hana'");
            handle.execute("UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Mo')"
                    + " WHERE name IN ('Ana', 'Gil')");
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
    void anaAddsAGoalInALineAndAPrivateOneFromTheFormCard() throws Exception {
        assertThat(chat.reply(chat.says("ana", "goals")).toString()).contains("You have no goals in Q4 2026 yet");
        JsonNode added = chat.reply(
                chat.says("ana", "goals add Ship the billing migration by 2026-12-20 from 0 to 120 customers"));
        assertThat(added.toString()).contains("Added to Q4 2026", "Ship the billing migration", "0 of 120 customers");
        Goldens.assertMatches("goal-added.json", added);

        JsonNode form = chat.reply(chat.says("ana", "goals add"));
        Goldens.assertMatches("goal-add-form.json", form);
        assertThat(Cards.input(form, "owners").path("type").asText()).isEqualTo("Input.ChoiceSet");
        JsonNode missing = chat.answer(
                chat.submits("ana", Cards.filledIn(form, Map.of("title", "Grow the pilot", "measure", "number"))));
        assertThat(missing.toString()).contains("Say where you start and the target");
        JsonNode sent = chat.answer(chat.submits(
                "ana",
                Cards.filledIn(
                        form,
                        Map.of(
                                "title",
                                "Reduce churn in the pilot",
                                "visibility",
                                "private",
                                "owners",
                                chat.aad("ana")))));
        assertThat(sent.toString()).contains("Added to Q4 2026", "Reduce churn in the pilot");
        assertThat(Rows.strings(teams.jdbi(), "SELECT title || ' ' || visibility FROM goals ORDER BY id"))
                .containsExactly("Ship the billing migration everyone", "Reduce churn in the pilot private");
    }

    @Test
    @Order(2)
    void anaUpdatesInALineAndFromTheUpdateCardAndLiIsRefused() throws Exception {
        JsonNode updated = chat.reply(chat.says("ana", "goals update billing 60 at risk waiting on finance"));
        assertThat(updated.toString())
                .contains("Updated", "0 of 120 customers → 60 of 120 customers, on track → at risk");

        String churn = Rows.strings(teams.jdbi(), "SELECT id::text FROM goals WHERE title LIKE 'Reduce churn%'")
                .get(0);
        JsonNode form = chat.answer(chat.presses("ana", "goal.update", churn));
        Goldens.assertMatches("goal-update-form.json", form);
        JsonNode wrong = chat.answer(chat.submits("ana", Cards.filledIn(form, Map.of("current", "130"))));
        assertThat(wrong.toString()).contains("from 0 to 100");
        JsonNode saved = chat.answer(chat.submits(
                "ana", Cards.filledIn(form, Map.of("current", "20", "status", "off_track", "comment", "two left"))));
        assertThat(saved.toString()).contains("0% → 20%, on track → off track");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT new_status || ' ' || coalesce(comment, '') FROM goal_updates" + " ORDER BY id"))
                .containsExactly("at_risk waiting on finance", "off_track two left");

        String billing = Rows.strings(teams.jdbi(), "SELECT id::text FROM goals WHERE title LIKE 'Ship%'")
                .get(0);
        assertThat(chat.answer(chat.presses("li", "goal.update", billing)).toString())
                .contains("Only Ana or their manager");
        assertThat(chat.answer(chat.presses("li", "goal.update", churn)).toString())
                .contains("isn't one you can see");
    }

    @Test
    @Order(3)
    void everyoneSeesAnasGoalsAsTheirVisibilityAllowsAndMoSeesHisTeam() throws Exception {
        for (String viewer : PEOPLE) {
            String seen = chat.reply(chat.says(viewer, "goals <at>Ana</at>").mention("29:ana", "Ana"))
                    .toString();
            assertThat(seen).as("%s sees the public goal", viewer).contains("Ship the billing migration");
            assertThat(seen.contains("Reduce churn"))
                    .as("%s sees the private goal", viewer)
                    .isEqualTo(viewer.equals("ana") || viewer.equals("mo"));
        }
        String team = chat.reply(chat.says("mo", "goals team")).toString();
        assertThat(team).contains("Your team's goals", "Ana");
        assertThat(team.indexOf("Reduce churn")).isLessThan(team.indexOf("Ship the billing migration"));
        assertThat(chat.reply(chat.says("li", "goals team")).toString()).doesNotContain("Reduce churn");
    }

    @Test
    @Order(4)
    void hrsCompanyGoalRollsUpItsKeyResultAndTheWelcomeShowsAnasGoals() throws Exception {
        JsonNode hrForm = chat.reply(chat.says("hana", "goals add"));
        assertThat(hrForm.toString()).contains("Company goal?");
        chat.answer(chat.submits(
                "hana",
                Cards.filledIn(
                        hrForm, Map.of("title", "Grow revenue to 10M", "company", "yes", "owners", chat.aad("hana")))));
        String company = Rows.strings(teams.jdbi(), "SELECT id::text FROM goals WHERE company")
                .get(0);
        JsonNode anaForm = chat.reply(chat.says("ana", "goals add"));
        assertThat(anaForm.toString()).doesNotContain("Company goal?");
        chat.answer(chat.submits(
                "ana",
                Cards.filledIn(
                        anaForm,
                        Map.of(
                                "title", "Sign 40 enterprise customers",
                                "measure", "number",
                                "start", "0",
                                "target", "40",
                                "parent", company,
                                "owners", chat.aad("ana")))));
        chat.reply(chat.says("ana", "goals update enterprise 10"));

        JsonNode tree = chat.reply(chat.says("li", "goals company"));
        Goldens.assertMatches("goal-company.json", tree);
        assertThat(tree.toString()).contains("25% · **Grow revenue to 10M**", "Sign 40 enterprise customers");

        JsonNode welcome = chat.reply(TestActivity.conversationUpdate(teams.microsoft.serviceUrl(), TeamsServer.BOT_ID)
                .from("29:ana", "Ana", chat.aad("ana"))
                .inPersonalChat("a:dm-ana")
                .timezone("Europe/Berlin"));
        assertThat(welcome.toString()).contains("Your goals · Q4 2026", "Ship the billing migration", "Add a goal");
        JsonNode form = chat.answer(chat.submits("ana", Cards.json("{\"action\":\"goal.add\",\"value\":\"home\"}")));
        assertThat(form.toString()).contains("Add a goal", "How is progress measured?");
    }

    @Test
    @Order(5)
    void aGoalDueInAWeekRemindsItsOwnerOnceInTheirChat() throws Exception {
        chat.reply(chat.says("ana", "goals add Send the pilot report by 2026-12-10"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GoalReminderJob job = GoalReminderJob.on(teams.jdbi(), clock, new GoalReminderQueue());

        assertThat(job.sweep()).isEqualTo(1);

        await("the reminder in Ana's chat").atMost(Duration.ofSeconds(15)).until(() -> teams.microsoft.sends().stream()
                .filter(request -> URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8)
                        .contains("/a:dm-ana/"))
                .anyMatch(request -> request.getBodyAsString().contains("Your goal is due in 6 days")));
        JsonNode dm = Cards.of(teams.microsoft.sends().stream()
                .filter(request -> request.getBodyAsString().contains("Your goal is due in 6 days"))
                .findFirst()
                .orElseThrow());
        Goldens.assertMatches("goal-reminder.json", dm);
        assertThat(job.sweep()).as("once").isZero();
    }

    @Test
    @Order(6)
    void aStaleGoalIsAskedForWithOneTapStatusesInAnasChat() throws Exception {
        teams.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE goals SET updated_at = ? WHERE title = 'Ship the billing migration'",
                        NOW.minus(Duration.ofDays(15))));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GoalReminderJob job = GoalReminderJob.on(teams.jdbi(), clock, new GoalReminderQueue());

        assertThat(job.sweep()).isEqualTo(1);

        await("the ask in Ana's chat").atMost(Duration.ofSeconds(15)).until(() -> teams.microsoft.sends().stream()
                .anyMatch(request -> request.getBodyAsString().contains("hasn't been updated for 14 days")));
        JsonNode ask = Cards.of(teams.microsoft.sends().stream()
                .filter(request -> request.getBodyAsString().contains("hasn't been updated for 14 days"))
                .findFirst()
                .orElseThrow());
        String billing = Rows.strings(
                        teams.jdbi(), "SELECT id::text FROM goals WHERE title = 'Ship the billing migration'")
                .get(0);
        Goldens.assertMatches(
                "goal-update-ask.json",
                Cards.json(ask.toString().replace("\"value\":\"" + billing, "\"value\":\"GOAL")));
        assertThat(chat.answer(chat.presses("ana", "goal.status", billing + ":on_track"))
                        .toString())
                .contains("at risk → on track");
        assertThat(job.sweep()).as("once a week").isZero();

        assertThat(chat.reply(chat.says("mo", "goals remind")).toString())
                .contains("Nobody among your reports has a goal left without an update for 14 days");
        teams.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE goals SET updated_at = ? WHERE title = 'Reduce churn in the pilot'",
                        NOW.minus(Duration.ofDays(15))));
        assertThat(chat.reply(chat.says("hana", "candor admin goals remind")).toString())
                .contains("Nobody new was asked. 1 person was asked this week already.");
        assertThat(chat.reply(chat.says("gil", "goals remind")).toString()).contains("You have no reports");
    }

    @Test
    @Order(7)
    void hrChangesTheStalePeriodAndAddsACycle() throws Exception {
        Goldens.assertMatches("goal-admin.json", chat.reply(chat.says("hana", "candor admin goals")));
        assertThat(chat.reply(chat.says("ana", "candor admin goals stale-days 21"))
                        .toString())
                .contains("HR admin");
        assertThat(chat.reply(chat.says("hana", "candor admin goals stale-days 21"))
                        .toString())
                .contains("14 → 21", "Undo: @Candor admin goals stale-days 14");
        assertThat(chat.reply(chat.says("hana", "candor admin goals cycle H1 2027 2027-01-01 2027-06-30"))
                        .toString())
                .contains("Added the goal cycle H1 2027");
        assertThat(Rows.strings(teams.jdbi(), "SELECT action FROM audit_log WHERE action LIKE 'goals %' ORDER BY id"))
                .containsExactly("goals stale-days", "goals cycle");
    }

    @Test
    @Order(8)
    void hrExportsTheGoalsAsCsvWithoutThePrivateGoalsWords() throws Exception {
        assertThat(chat.reply(chat.says("ana", "goals export")).toString()).contains("Exports are for HR admins.");
        assertThat(chat.reply(chat.says("hana", "goals export")).toString())
                .contains("direct message with the download link");
        await("the export DM is sent")
                .atMost(Duration.ofSeconds(15))
                .until(() -> teams.microsoft.connectorCalls().stream()
                        .anyMatch(call -> call.getBodyAsString().contains("/files/")));
        String sent = teams.microsoft.connectorCalls().stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains("/files/"))
                .findFirst()
                .orElseThrow();
        Matcher link = Pattern.compile(Pattern.quote(PUBLIC) + "/files/[A-Za-z0-9_-]{43}/[A-Za-z0-9.-]+\\.csv")
                .matcher(sent);
        assertThat(link.find()).isTrue();
        URI local = URI.create(link.group().replace(PUBLIC, "http://127.0.0.1:" + teams.candor.port()));
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.body())
                .contains("Ship the billing migration", "(private goal)", "waiting on finance")
                .doesNotContain("Reduce churn", "two left");
    }

    @Test
    @Order(9)
    void aCheckinWithAGoalsQuestionListsAnasGoalsInItsCardAndHerAnswerUpdatesThem() throws Exception {
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        long mo = Long.parseLong(Rows.strings(teams.jdbi(), "SELECT id::text FROM people WHERE name = 'Mo'")
                .get(0));
        TestCheckins.weekly(
                teams.candor,
                teams.jdbi(),
                orgId,
                mo,
                "mood: How are you?\ngoals: Where are your goals this week?",
                null);
        chat.reply(chat.says("mo", "checkin send"));
        String ask = await("Ana is asked")
                .atMost(Duration.ofSeconds(15))
                .until(
                        () -> Rows.strings(
                                teams.jdbi(),
                                "SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id"
                                        + " WHERE p.name = 'Ana'"),
                        found -> !found.isEmpty())
                .get(0);
        String billing = Rows.strings(teams.jdbi(), "SELECT id::text FROM goals WHERE title LIKE 'Ship the billing%'")
                .get(0);
        String churn = Rows.strings(teams.jdbi(), "SELECT id::text FROM goals WHERE title LIKE 'Reduce churn%'")
                .get(0);

        JsonNode form = chat.answer(chat.presses("ana", "ask.answer", ask));
        List<String> ids = Rows.strings(teams.jdbi(), "SELECT id::text FROM goals ORDER BY id DESC");
        String normalized = form.toString();
        for (String id : ids) {
            normalized = normalized.replace("\"q2." + id, "\"q2.GOAL" + (ids.size() - ids.indexOf(id)));
        }
        Goldens.assertMatches("checkin-goals-form.json", Cards.json(normalized));
        assertThat(Cards.input(form, "q2." + billing).path("type").asText()).isEqualTo("Input.Number");
        assertThat(Cards.input(form, "q2." + churn + ".status").path("value").asText())
                .isEqualTo("off_track");

        JsonNode wrong = chat.answer(chat.submits("ana", Cards.filledIn(form, Map.of("q1", "3", "q2." + churn, "-5"))));
        assertThat(wrong.toString()).contains("A percentage goes from 0 to 100.");
        JsonNode saved = chat.answer(chat.submits(
                "ana", Cards.filledIn(form, Map.of("q1", "3", "q2." + billing, "75", "q2." + churn, "35"))));
        assertThat(saved.toString()).contains("Answered ✓ **Weekly check-in**");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT title || ' ' || current_value::text || ' ' || status FROM goals WHERE id IN (" + billing
                                + ", " + churn + ") ORDER BY id"))
                .containsExactly("Ship the billing migration 75 on_track", "Reduce churn in the pilot 35 off_track");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT old_value::text || '→' || new_value::text FROM goal_updates WHERE goal_id = " + billing
                                + " ORDER BY id DESC LIMIT 1"))
                .containsExactly("60→75");
        // Ana's answer can't update Li's goal: an input the card did not list is not taken
        String lis = chat.reply(chat.says("li", "goals add Li's own goal")).toString();
        assertThat(lis).contains("Added");
        String liGoal = Rows.strings(teams.jdbi(), "SELECT id::text FROM goals WHERE title = 'Li''s own goal'")
                .get(0);
        JsonNode forged =
                chat.answer(chat.submits("ana", Cards.filledIn(form, Map.of("q1", "3", "q2." + liGoal, "50"))));
        assertThat(forged.toString()).contains("Answered ✓");
        assertThat(Rows.strings(teams.jdbi(), "SELECT current_value::text FROM goals WHERE id = " + liGoal))
                .containsExactly("0");
    }

    @Test
    @Order(10)
    void closingTheCycleAsksAnaForAFinalScore() throws Exception {
        assertThat(chat.reply(chat.says("hana", "candor admin goals close Q4 2026"))
                        .toString())
                .contains("Closed Q4 2026");
        await("the closing ask in Ana's chat")
                .atMost(Duration.ofSeconds(15))
                .until(() -> teams.microsoft.sends().stream()
                        .anyMatch(request -> request.getBodyAsString().contains("Q4 2026 is closed")));
        String billing = Rows.strings(
                        teams.jdbi(), "SELECT id::text FROM goals WHERE title = 'Ship the billing migration'")
                .get(0);
        JsonNode form = chat.answer(chat.presses("ana", "goal.score", billing));
        Goldens.assertMatches(
                "goal-score-form.json", Cards.json(form.toString().replace("\":\"" + billing + "\"", "\":\"GOAL\"")));
        assertThat(chat.answer(chat.submits(
                                "ana",
                                Cards.filledIn(form, Map.of("final", "90", "retrospective", "Shipped a week late"))))
                        .toString())
                .contains("final score 90 %");
        assertThat(Rows.strings(
                        teams.jdbi(), "SELECT final_score || ' ' || retrospective FROM goals WHERE id = " + billing))
                .containsExactly("90 Shipped a week late");
        // closed early, Q4 2026 takes no new goals: from now on they belong to the next cycle
        assertThat(chat.reply(chat.says("gil", "goals add Plan the offsite")).toString())
                .contains("Added to", "Plan the offsite")
                .doesNotContain("Q4 2026");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT c.name FROM goals g JOIN goal_cycles c ON c.id = g.cycle_id"
                                + " WHERE g.title = 'Plan the offsite'"))
                .doesNotContain("Q4 2026")
                .hasSize(1);
    }

    @Test
    @Order(11)
    void anObjectiveWithThreeKeyResultsIsSetInOneFormCard() throws Exception {
        JsonNode form = chat.reply(chat.says("ana", "goals add"));
        assertThat(Cards.input(form, "key_results").path("isMultiline").asBoolean())
                .isTrue();
        JsonNode wrong = chat.answer(chat.submits(
                "ana",
                Cards.filledIn(
                        form,
                        Map.of(
                                "title",
                                "Grow the enterprise business",
                                "owners",
                                chat.aad("ana"),
                                "key_results",
                                "Sign 40 customers from 0 to 40\nGrow from 3 to 3 teams"))));
        assertThat(wrong.toString()).contains("Line 2: The start and the target are both 3");

        JsonNode added = chat.answer(
                chat.submits(
                        "ana",
                        Cards.filledIn(
                                form,
                                Map.of(
                                        "title",
                                        "Grow the enterprise business",
                                        "owners",
                                        chat.aad("ana"),
                                        "key_results",
                                        "Sign 40 customers from 0 to 40\nLaunch the partner program\nHire two AEs from 0 to 2"))));
        assertThat(added.toString()).contains("Grow the enterprise business", "with 3 key results");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT c.title || ' ' || c.measure FROM goals c JOIN goals g ON g.id = c.parent_id"
                                + " WHERE g.title = 'Grow the enterprise business' ORDER BY c.id"))
                .containsExactly(
                        "Sign 40 customers number", "Launch the partner program percent", "Hire two AEs number");
        assertThat(chat.reply(chat.says("ana", "goals update partner 60")).toString())
                .contains("0% → 60%");
        // (0 % + 60 % + 0 %) / 3
        assertThat(chat.reply(chat.says("ana", "goals")).toString()).contains("Grow the enterprise business", "20%");

        assertThat(chat.reply(chat.says("ana", "goals move grow under hire")).toString())
                .contains("can't contribute to it");
        assertThat(chat.reply(chat.says("ana", "goals move partner under nothing"))
                        .toString())
                .contains("contributes to no other goal now");
        assertThat(Rows.strings(
                        teams.jdbi(), "SELECT coalesce(parent_id::text, '-') FROM goals WHERE title LIKE 'Launch%'"))
                .containsExactly("-");
    }
}
