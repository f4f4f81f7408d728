package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.teams.FakeBotFramework.RosterMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Check-ins before the round in Teams, from JWT-signed activities: Maya sets up a check-in for her reports Ana (New
 * York), Li (Shanghai) and Sam (imported, no Teams account) from a card in her team's stand-up channel, lists and edits
 * it, sends it on a Friday at 10:00 UTC, Li's {@code checkin} brings her form, Ana hears when hers comes, a channel
 * check-in asks the team's roster, and HR sees numbers only. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsCheckinSetupTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String CHANNEL = "19:standup@thread.tacv2";
    private static final String SECRET_ANSWER = "Shipped the importer, quietly";
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
        teams.post(
                personal("29:maya", "Maya", "aad-maya", "Europe/Berlin", "help").json());
        teams.post(
                personal("29:ana", "Ana", "aad-ana", "America/New_York", "help").json());
        teams.post(personal("29:li", "Li", "aad-li", "Asia/Shanghai", "help").json());
        teams.post(
                personal("29:hana", "Hana", "aad-hana", "Europe/Berlin", "help").json());
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Maya')"
                    + " WHERE name IN ('Ana', 'Li')");
            handle.execute("UPDATE people SET role = 'hr_admin' WHERE name = 'Hana'");
            handle.execute(
                    "INSERT INTO people (org_id, name, timezone, profile_timezone, manager_id) VALUES (?, 'Sam',"
                            + " 'Europe/Paris', 'Europe/Paris', (SELECT id FROM people WHERE name = 'Maya'))",
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
    void setupBringsAFormFilledWithTheIssuesDefaults() throws Exception {
        JsonNode form = reply(maya("checkin setup"));

        Goldens.assertMatches("checkin-setup-form.json", form);
        assertThat(Cards.input(form, "questions").path("value").asText())
                .contains("mood: How are you feeling this week?", "text: What is blocking you?");
        assertThat(Cards.input(form, "time").path("value").asText()).isEqualTo("14:00");
    }

    @Test
    @Order(2)
    void aQuestionMistakeIsShownInTheFormWithWhatWasTyped() throws Exception {
        JsonNode form = reply(maya("checkin setup"));
        String typed = "mood: How are you?\nchoice: Where? [Office]";

        JsonNode redrawn = answer(mayaSubmitsInHerChat(filledIn(form, Map.of("questions", typed))));

        assertThat(redrawn.toString()).contains("Question 2 has 1 option(s): give it 2 to 10.");
        assertThat(Cards.input(redrawn, "questions").path("value").asText()).isEqualTo(typed);
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM checkins")).isZero();
    }

    @Test
    @Order(3)
    void savingConfirmsAndNamesWhomCandorCannotReachWithTheFix() throws Exception {
        JsonNode form = reply(maya("checkin setup"));

        JsonNode saved = answer(mayaSubmitsInHerChat(filledIn(form, Map.of())));

        assertThat(saved.toString())
                .contains("Check-in", "asks your direct reports every Friday at 14:00")
                .contains("Candor can't reach Sam", "install Candor for their team or organisation-wide");
        Goldens.assertMatches("checkin-unreachable.json", saved);
    }

    @Test
    @Order(4)
    void setupListsTheSetupsAndEditingMakesANewVersion() throws Exception {
        JsonNode list = reply(maya("checkin setup"));
        Goldens.assertMatches("checkin-setup-list.json", list);
        long id = Rows.count(teams.jdbi(), "SELECT id FROM checkins");

        JsonNode edit = answer(mayaSubmitsInHerChat(data(Map.of("action", "checkin.edit", "value", "" + id))));
        answer(mayaSubmitsInHerChat(filledIn(
                edit, Map.of("questions", "mood: How are you feeling this week?\ntext: What is blocking you?"))));

        assertThat(edit.toString()).contains("Edit check-in");
        assertThat(Rows.count(teams.jdbi(), "SELECT max(version) FROM questionnaire_versions"))
                .isEqualTo(2);
    }

    @Test
    @Order(5)
    void sendSaysWhoGotItNowWhoLaterAndWhoCannotBeReached() throws Exception {
        JsonNode sent = reply(maya("checkin send"));

        assertThat(sent.toString())
                .contains("sent to 1; Ana gets it at 08:00 their time.")
                .contains("Candor can't reach Sam");
        Goldens.assertMatches("checkin-send-summary.json", sent);
    }

    @Test
    @Order(6)
    void checkinAloneBringsLisFormAndTellsAnaWhenHersComes() throws Exception {
        JsonNode form = reply(personal("29:li", "Li", "aad-li", "Asia/Shanghai", "checkin"));
        JsonNode ana = reply(personal("29:ana", "Ana", "aad-ana", "America/New_York", "checkin"));

        assertThat(form.toString()).contains("ask.answer", "What is blocking you?");
        assertThat(ana.toString())
                .contains("Your next check-in from Maya, \\\"Weekly check-in\\\", comes Friday 08:00 your time");
        Goldens.assertMatches("checkin-next-comes.json", ana);
        teams.post(TestActivity.cardSubmit(
                        teams.microsoft.serviceUrl(), "form-li", filledIn(form, Map.of("q1", "4", "q3", SECRET_ANSWER)))
                .from("29:li", "Li", "aad-li")
                .inPersonalChat("a:dm-li")
                .timezone("Asia/Shanghai")
                .json());
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM answers")).isEqualTo(1);
    }

    @Test
    @Order(7)
    void aChannelCheckinAsksTheMembersOfTheChannelsTeamButNotItsOwner() throws Exception {
        JsonNode form = answer(mayaSubmits(data(Map.of("action", "checkin.new", "value", "new"))));
        answer(mayaSubmits(filledIn(form, Map.of("name", "Team stand-up", "audience", "channel"))));

        JsonNode sent = reply(maya("checkin send Team"));

        assertThat(sent.toString()).contains("\\\"Team stand-up\\\" (2026-W49) sent to 1; Ana gets it");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                                + " ON r.id = a.round_id JOIN checkins c ON r.subject = 'checkin:' || c.id"
                                + " WHERE c.name = 'Team stand-up' ORDER BY p.name"))
                .containsExactly("Ana", "Nia");
    }

    @Test
    @Order(8)
    void hrSeesEverySetupWithNumbersOnly() throws Exception {
        JsonNode overview = reply(personal("29:hana", "Hana", "aad-hana", "Europe/Berlin", "candor admin checkins"));

        assertThat(overview.toString())
                .contains("Weekly check-in", "Owner: Maya", "Team stand-up")
                .doesNotContain(SECRET_ANSWER);
        Goldens.assertMatches("checkin-admin.json", overview);
    }

    @Test
    @Order(9)
    void hrSetsUpACheckinForMayasTeamAndMayaIsTold() throws Exception {
        TestActivity press = TestActivity.cardSubmit(
                        teams.microsoft.serviceUrl(),
                        "card-hana-new",
                        data(Map.of("action", "checkin.new", "value", "new")))
                .from("29:hana", "Hana", "aad-hana")
                .inPersonalChat("a:dm-hana")
                .timezone("Europe/Berlin");
        JsonNode form = answer(press);
        Goldens.assertMatches("checkin-setup-form-hr.json", form);

        JsonNode saved = answer(TestActivity.cardSubmit(
                        teams.microsoft.serviceUrl(),
                        "card-hana-save",
                        filledIn(form, Map.of("name", "Maya's team pulse", "owner", "29:maya")))
                .from("29:hana", "Hana", "aad-hana")
                .inPersonalChat("a:dm-hana")
                .timezone("Europe/Berlin"));

        assertThat(saved.toString()).contains("It is Maya's");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT p.name FROM checkins c JOIN people p ON p.id = c.owner_id"
                                + " WHERE c.name = 'Maya''s team pulse'"))
                .containsExactly("Maya");
        await("Maya is told")
                .atMost(Duration.ofSeconds(15))
                .until(() -> Rows.count(
                                teams.jdbi(),
                                "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'checkin:%:owner:%'"
                                        + " AND status = 'sent' AND target = '29:maya'")
                        == 1);
        assertThat(String.join(
                        "\n",
                        Rows.strings(
                                teams.jdbi(),
                                "SELECT payload::text FROM outbox WHERE idempotency_key LIKE 'checkin:%:owner:%'")))
                .contains("may change or send it: @Candor checkin setup, @Candor checkin send.")
                .doesNotContain("/checkin");
    }

    private static TestActivity personal(String id, String name, String aad, String zone, String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text)
                .from(id, name, aad)
                .inPersonalChat("a:dm-" + id.substring(3))
                .timezone(zone);
    }

    private static TestActivity maya(String text) {
        return personal("29:maya", "Maya", "aad-maya", "Europe/Berlin", text);
    }

    private static TestActivity mayaSubmitsInHerChat(JsonNode value) {
        return TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), value)
                .from("29:maya", "Maya", "aad-maya")
                .inPersonalChat("a:dm-maya")
                .timezone("Europe/Berlin");
    }

    private static TestActivity mayaSubmits(JsonNode value) {
        return TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), value)
                .from("29:maya", "Maya", "aad-maya")
                .inChannel(CHANNEL)
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

    private static ObjectNode data(Map<String, String> fields) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        fields.forEach(value::put);
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
        List<LoggedRequest> answers = new java.util.ArrayList<>(teams.microsoft.replies());
        answers.addAll(teams.microsoft.updates());
        assertThat(answers).as("%s", teams.microsoft.connectorCalls()).hasSize(1);
        JsonNode card = Cards.of(answers.get(0));
        teams.microsoft.reset();
        return card;
    }
}
