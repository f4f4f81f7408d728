package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.teams.FakeBotFramework.RosterMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Pulse surveys in Teams, from JWT-signed activities: Hana (HR) creates an eNPS survey for Sales from cards in her
 * personal chat (settings, questions, preview) and launches it; Ana, not HR, is refused; Hana lists, pauses, resumes
 * and closes it. Bots and deactivated people are never asked. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsPulseTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static final String CHANNEL = "19:general@thread.tacv2";
    private static final RosterMember MAYA = new RosterMember("29:maya", "aad-maya", "Maya", "maya@acme.test");
    private static final RosterMember ANA = new RosterMember("29:ana", "aad-ana", "Ana", "ana@acme.test");
    private static final RosterMember NIA = new RosterMember("29:nia", "aad-nia", "Nia", "nia@acme.test");

    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(Clock.fixed(NOW, ZoneOffset.UTC));
        teams.microsoft.roster(TestActivity.TEAM, 10, MAYA, ANA, NIA);
        teams.post(TestActivity.conversationUpdate(teams.microsoft.serviceUrl(), TeamsServer.BOT_ID)
                .inChannel(TestActivity.TEAM)
                .json());
        await("the team's roster is read")
                .atMost(Duration.ofSeconds(15))
                .until(() -> Rows.count(teams.jdbi(), "SELECT count(*) FROM team_members") == 3);
        teams.post(personal("29:hana", "Hana", "Europe/Berlin", "help").json());
        teams.post(personal("29:maya", "Maya", "Europe/Berlin", "help").json());
        teams.post(personal("29:ana", "Ana", "America/New_York", "help").json());
        teams.post(personal("29:li", "Li", "Asia/Shanghai", "help").json());
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'hr_admin', department = 'HR' WHERE name = 'Hana'");
            handle.execute("UPDATE people SET department = 'Sales' WHERE name IN ('Maya', 'Ana')");
            handle.execute("UPDATE people SET department = 'Engineering' WHERE name = 'Li'");
            handle.execute(
                    "INSERT INTO people (org_id, name, timezone, department, active, is_bot) VALUES"
                            + " (?, 'Ola', 'Europe/Paris', 'Sales', false, false),"
                            + " (?, 'Deploybot', 'UTC', 'Sales', true, true)",
                    orgId,
                    orgId);
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
    void someoneWhoIsNotHrIsToldPolitelyWhoCan() throws Exception {
        JsonNode refused = reply(personal("29:ana", "Ana", "America/New_York", "pulse"));

        assertThat(refused.toString()).contains("Pulse surveys are created and run by HR admins. Here that is Hana");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM pulse_surveys"))
                .isZero();
    }

    @Test
    @Order(2)
    void hrCreatesAnEnpsSurveyForSalesPreviewsItAndLaunchesIt() throws Exception {
        JsonNode settings = reply(hana("pulse"));
        Goldens.assertMatches("pulse-settings-form.json", settings);

        JsonNode questions = answer(hanaSubmits(filledIn(
                settings, Map.of("name", "December eNPS", "audience", "departments", "departments", "Sales"))));
        Goldens.assertMatches("pulse-questions-form.json", questions);
        assertThat(Cards.input(questions, "questions").path("value").asText())
                .contains("nps: How likely are you to recommend working here to a friend?");

        JsonNode preview = answer(hanaSubmits(filledIn(questions, Map.of())));
        Goldens.assertMatches("pulse-preview.json", preview);
        assertThat(preview.toString())
                .contains(
                        "goes to 2 people (Sales), now.",
                        "Anonymous: nobody, HR included, can see who answered what",
                        "from Hana")
                .contains("How likely are you to recommend working here to a friend?");

        JsonNode launched = answer(hanaSubmits(filledIn(preview, Map.of())));
        assertThat(launched.toString()).contains("\\\"December eNPS\\\" launched: 1 person asked now, 1 person at");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                                + " ON r.id = a.round_id WHERE r.feature = 'pulse' ORDER BY p.name"))
                .containsExactly("Ana", "Maya");
    }

    @Test
    @Order(3)
    void aChannelSurveyAsksTheMembersOfTheChannelsTeam() throws Exception {
        JsonNode settings = reply(hana("pulse"));
        JsonNode questions =
                answer(hanaSubmitsIn(CHANNEL, filledIn(settings, Map.of("name", "Team pulse", "audience", "channel"))));
        JsonNode preview = answer(hanaSubmitsIn(CHANNEL, filledIn(questions, Map.of())));
        assertThat(preview.toString()).contains("goes to 3 people (the members of a channel)");

        answer(hanaSubmitsIn(CHANNEL, filledIn(preview, Map.of())));

        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                                + " ON r.id = a.round_id JOIN pulse_surveys s ON r.subject = s.id::text"
                                + " WHERE s.name = 'Team pulse' ORDER BY p.name"))
                .containsExactly("Ana", "Maya", "Nia");
    }

    @Test
    @Order(4)
    void aQuestionMistakeIsShownInTheCardWithWhatWasTyped() throws Exception {
        JsonNode settings = reply(hana("pulse"));
        JsonNode questions = answer(hanaSubmits(filledIn(settings, Map.of("name", "Draft one"))));
        String typed = "nps: How likely?\nchoice: Where? [Office]";

        JsonNode redrawn = answer(hanaSubmits(filledIn(questions, Map.of("questions", typed))));

        assertThat(redrawn.toString()).contains("Question 2 has 1 option(s): give it 2 to 10.");
        assertThat(Cards.input(redrawn, "questions").path("value").asText()).isEqualTo(typed);
    }

    @Test
    @Order(5)
    void listShowsStateScheduleAudienceAndAnswerRate() throws Exception {
        JsonNode list = reply(hana("pulse list"));

        Goldens.assertMatches("pulse-list.json", list);
        assertThat(list.toString())
                .contains("December eNPS", "Active", "To Sales, now.", "Latest round: 0 of 2 answered (0%).")
                .contains("Draft one", "Draft");
    }

    @Test
    @Order(6)
    void pauseResumeAndCloseAreConfirmed() throws Exception {
        assertThat(reply(hana("pulse pause enps")).toString()).contains("⏸ \\\"December eNPS\\\" is paused");
        assertThat(reply(hana("pulse resume enps")).toString()).contains("▶️ \\\"December eNPS\\\" runs again");
        assertThat(reply(hana("pulse close enps")).toString()).contains("⏹ \\\"December eNPS\\\" is closed");
        assertThat(Rows.strings(teams.jdbi(), "SELECT state FROM pulse_surveys WHERE name = 'December eNPS'"))
                .containsExactly("closed");
    }

    @Test
    @Order(7)
    void helpListsEveryCommand() throws Exception {
        JsonNode help = reply(personal("29:ana", "Ana", "America/New_York", "pulse help"));

        Goldens.assertMatches("pulse-help.json", help);
        assertThat(help.toString()).contains("pulse pause NAME", "pulse list");
    }

    private static TestActivity personal(String id, String name, String zone, String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text)
                .from(id, name, "aad-" + id.substring(3))
                .inPersonalChat("a:dm-" + id.substring(3))
                .timezone(zone);
    }

    private static TestActivity hana(String text) {
        return personal("29:hana", "Hana", "Europe/Berlin", text);
    }

    private static TestActivity hanaSubmitsIn(String channel, JsonNode value) {
        return TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), value)
                .from("29:hana", "Hana", "aad-hana")
                .inChannel(channel)
                .timezone("Europe/Berlin");
    }

    private static TestActivity hanaSubmits(JsonNode value) {
        return TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), value)
                .from("29:hana", "Hana", "aad-hana")
                .inPersonalChat("a:dm-hana")
                .timezone("Europe/Berlin");
    }

    /** What Teams sends for the card's submit button: every input's value as shown, changed where asked. */
    private static ObjectNode filledIn(JsonNode card, Map<String, String> changes) {
        ObjectNode value = card.path("actions").get(0).path("data").deepCopy();
        for (JsonNode element : card.path("body")) {
            String id = element.path("id").asText("");
            if (element.path("type").asText().startsWith("Input.") && element.has("value")) {
                value.put(id, element.path("value").asText());
            }
        }
        changes.forEach(value::put);
        return value;
    }

    /** The one card Candor answered with, as a reply. */
    private static JsonNode reply(TestActivity activity) throws Exception {
        teams.post(activity.json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        JsonNode card = Cards.of(replies.get(0));
        teams.microsoft.reset();
        return card;
    }

    /** The one card Candor answered a card's submission with: a reply, or the submitted card redrawn. */
    private static JsonNode answer(TestActivity activity) throws Exception {
        teams.post(activity.json());
        List<LoggedRequest> answers = new ArrayList<>(teams.microsoft.replies());
        answers.addAll(teams.microsoft.updates());
        assertThat(answers).as("%s", teams.microsoft.connectorCalls()).hasSize(1);
        JsonNode card = Cards.of(answers.get(0));
        teams.microsoft.reset();
        return card;
    }
}
