package dev.candor.bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Check-ins before the round in Slack, from signed requests: Maya (Berlin) sets up a check-in for her reports Ana
 * (New York), Li (Shanghai) and Sam (imported, no Slack account) in one form, lists and edits it, sends it on a Friday
 * at 10:00 UTC (Li now, Ana at her 08:00, Sam unreachable), Li's {@code /checkin} opens her form, Ana hears when hers
 * comes, a channel check-in asks the channel's members, and HR sees numbers only. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackCheckinSetupTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ObjectMapper json = new ObjectMapper();
    private static final String SECRET_ANSWER = "Shipped the importer, quietly";

    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                database,
                new Candor.Options(Clock.fixed(NOW, ZoneOffset.UTC), DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        slack.user("U0MAYA", "Maya", "maya@acme.test", "Europe/Berlin", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        slack.user("U0LI", "Li", "li@acme.test", "Asia/Shanghai", false);
        slack.user("U0HANA", "Hana", "hana@acme.test", "Europe/Berlin", false);
        slack.user("U0NIA", "Nia", "nia@acme.test", "Europe/Berlin", false);
        slack.user("U0BOT", "Deploybot", null, "UTC", true);
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        long maya = person(orgId, "Maya", "Europe/Berlin", null, "employee", "U0MAYA");
        person(orgId, "Ana", "America/New_York", maya, "employee", "U0ANA");
        person(orgId, "Li", "Asia/Shanghai", maya, "employee", "U0LI");
        person(orgId, "Sam", "Europe/Paris", maya, "employee", null);
        person(orgId, "Hana", "Europe/Berlin", null, "hr_admin", "U0HANA");
        // Just started on a busy machine, the pool may not hand out a connection within its second: wait until
        // commands are answered, so that the steps below test check-ins rather than the start-up.
        await("Candor answers commands")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        command("help", "U0HANA", "warm-up").body().toString().contains("/checkin setup"));
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void setupOpensAFormFilledWithTheIssuesDefaults() throws Exception {
        String trigger = command("setup", "U0MAYA", "setup").trigger();

        JsonNode view = openedView(trigger);

        Golden.assertMatches("checkin-setup-form", Golden.withoutMetadata(view));
        assertThat(view.toString())
                .contains("mood: How are you feeling this week?", "text: What are your priorities for next week?")
                .contains("\"initial_time\":\"14:00\"");
    }

    @Test
    @Order(2)
    void aQuestionMistakeIsShownNextToTheQuestionsAndNothingIsSaved() throws Exception {
        JsonNode view = openedView(command("setup", "U0MAYA", "setup").trigger());

        JsonNode answer = submit("U0MAYA", view, Map.of("questions", "mood: How are you?\nchoice: Where? [Office]"));

        assertThat(answer.get("response_action").asText()).isEqualTo("errors");
        assertThat(answer.get("errors").get("questions").asText())
                .isEqualTo("Question 2 has 1 option(s): give it 2 to 10.");
        assertThat(count("SELECT count(*) FROM checkins")).isZero();
    }

    @Test
    @Order(3)
    void savingConfirmsAndNamesWhomCandorCannotReach() throws Exception {
        JsonNode view = openedView(command("setup", "U0MAYA", "saved").trigger());

        JsonNode answer = submit("U0MAYA", view, Map.of());

        assertThat(answer.path("response_action").asText()).isEqualTo("update");
        JsonNode confirmation = answer.get("view");
        assertThat(confirmation.toString())
                .contains("✅ Check-in", "Weekly check-in", "asks your direct reports every Friday at 14:00")
                .contains("Candor can't reach Sam", "Candor doesn't know their Slack account.");
        Golden.assertMatches("checkin-unreachable", confirmation);
        assertThat(count("SELECT count(*) FROM checkins")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void setupListsTheSetupsAndEditingMakesANewQuestionnaireVersion() throws Exception {
        JsonNode list = command("setup", "U0MAYA", "list").body();
        Golden.assertMatches("checkin-setup-list", list);

        String trigger = pressWithTrigger("U0MAYA", "checkin.edit", String.valueOf(checkinId("Weekly check-in")));
        JsonNode edit = openedView(trigger);
        JsonNode answer = submit(
                "U0MAYA",
                edit,
                Map.of("questions", "mood: How are you feeling this week?\ntext: What is blocking you?"));

        assertThat(answer.path("response_action").asText()).isNotEqualTo("errors");
        assertThat(edit.toString()).contains("Edit check-in", "text: What went well this week?");
        assertThat(count("SELECT max(version) FROM questionnaire_versions")).isEqualTo(2);
    }

    @Test
    @Order(5)
    void sendSaysWhoGotItNowWhoLaterAndWhoCannotBeReached() throws Exception {
        JsonNode sent = command("send", "U0MAYA", "send").body();

        assertThat(sent.get("text").asText())
                .startsWith("📨 \"Weekly check-in\" (2026-W49) sent to 1; Ana gets it at 08:00 their time.")
                .contains("Candor can't reach Sam");
        Golden.assertMatches("checkin-send-summary", sent);
        await("Li's ask is sent")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> slack.postedMessages().stream().anyMatch(body -> body.contains("channel=D0LI")));
    }

    @Test
    @Order(6)
    void checkinAloneOpensLisFormAndTellsAnaWhenHersComes() throws Exception {
        Command li = command("", "U0LI", "li");
        JsonNode form = openedView(li.trigger());
        JsonNode ana = command("", "U0ANA", "ana").body();

        assertThat(form.get("callback_id").asText()).isEqualTo("ask.answer");
        assertThat(form.toString()).contains("What is blocking you?");
        assertThat(ana.get("text").asText())
                .isEqualTo("Nothing to answer now. Your next check-in from Maya, \"Weekly check-in\", comes Friday"
                        + " 08:00 your time (2026-12-04).");
        Golden.assertMatches("checkin-next-comes", ana);
        JsonNode answered = submit("U0LI", form, Map.of("q1", "4", "q3", SECRET_ANSWER));
        assertThat(answered.path("response_action").asText()).isEqualTo("update");
    }

    @Test
    @Order(7)
    void aChannelCheckinAsksTheChannelsPeopleButNotItsBotsOrItsOwner() throws Exception {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.members"))
                .withRequestBody(containing("channel=C0TEAM"))
                .willReturn(okJson("{\"ok\":true,\"members\":[\"U0MAYA\",\"U0ANA\",\"U0BOT\"],"
                        + "\"response_metadata\":{\"next_cursor\":\"page2\"}}")));
        slack.server.stubFor(post(urlEqualTo("/api/conversations.members"))
                .atPriority(1)
                .withRequestBody(containing("cursor=page2"))
                .willReturn(
                        okJson("{\"ok\":true,\"members\":[\"U0NIA\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        JsonNode view = openedView(pressWithTrigger("U0MAYA", "checkin.new", "new"));
        submit("U0MAYA", view, Map.of("name", "Team stand-up", "audience", "channel"));

        JsonNode sent = command("send Team", "U0MAYA", "team").body();

        assertThat(sent.get("text").asText()).startsWith("📨 \"Team stand-up\" (2026-W49) sent to 1; Ana gets it");
        assertThat(strings(
                        "SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                                + " ON r.id = a.round_id WHERE r.subject = 'checkin:' || ? ORDER BY p.name",
                        checkinId("Team stand-up")))
                .containsExactly("Ana", "Nia");
        assertThat(slack.calls("conversations.members"))
                .extracting(call -> call.get("cursor"))
                .contains("page2");
    }

    @Test
    @Order(8)
    void hrSeesEverySetupWithNumbersOnly() throws Exception {
        JsonNode overview = candorCommand("admin checkins", "U0HANA").body();

        assertThat(overview.toString())
                .contains("Weekly check-in", "Owner: Maya", "Team stand-up")
                .doesNotContain(SECRET_ANSWER);
        Golden.assertMatches("checkin-admin", overview);
    }

    @Test
    @Order(9)
    void aChannelCandorCannotListSendsNothingAndSaysHowToFixIt() throws Exception {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.members"))
                .atPriority(1)
                .withRequestBody(containing("channel=C0TEAM"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
        JsonNode view = openedView(pressWithTrigger("U0MAYA", "checkin.new", "new"));
        submit("U0MAYA", view, Map.of("name", "Design crit", "audience", "channel"));

        JsonNode sent = command("send Design", "U0MAYA", "design").body();

        assertThat(sent.get("text").asText())
                .startsWith("Candor can't list the members of \"Design crit\"'s channel right now, so nothing was sent")
                .contains("invite Candor to the channel", "/checkin send");
        assertThat(strings("SELECT r.period FROM rounds r WHERE r.subject = 'checkin:' || ?", checkinId("Design crit")))
                .isEmpty();
    }

    @Test
    @Order(10)
    void hrSetsUpACheckinForMayasTeamAndMayaIsTold() throws Exception {
        JsonNode view = openedView(pressWithTrigger("U0HANA", "checkin.new", "new"));
        Golden.assertMatches("checkin-setup-form-hr", Golden.withoutMetadata(view));

        submit("U0HANA", view, Map.of("name", "Maya's team pulse", "owner", "U0MAYA"));

        assertThat(strings(
                        "SELECT p.name FROM checkins c JOIN people p ON p.id = c.owner_id WHERE c.name = ?",
                        "Maya's team pulse"))
                .containsExactly("Maya");
        await("Maya is told").atMost(Duration.ofSeconds(15)).until(() -> slack.calls("chat.postMessage").stream()
                .anyMatch(call -> String.valueOf(call.get("text")).contains("Hana set up the check-in")));
    }

    private record Command(JsonNode body, String trigger) {}

    private static Command command(String text, String user, String hook) throws Exception {
        return slash("/checkin", text, user, hook);
    }

    private static Command candorCommand(String text, String user) throws Exception {
        return slash("/candor", text, user, "candor");
    }

    private static Command slash(String command, String text, String user, String hook) throws Exception {
        Map<String, String> form =
                SlackClient.slashCommand(command, text, user, "C0TEAM", "team", slack.responseUrl(hook));
        HttpResponse<String> response = signed(SlackClient.formBody(form));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = response.body().isBlank() ? json.createObjectNode() : Golden.parse(response.body());
        return new Command(body, form.get("trigger_id"));
    }

    /** Signed at Candor's (fixed) time: Slack's timestamps are checked against it. */
    private static HttpResponse<String> signed(String body) throws Exception {
        return client.post(body, "application/x-www-form-urlencoded", NOW.getEpochSecond(), Map.of());
    }

    private static String pressWithTrigger(String user, String action, String value) throws Exception {
        String press = SlackRequests.blockAction(user, action, value, "C0TEAM", slack.responseUrl("press"));
        assertThat(signed(SlackClient.formBody(Map.of("payload", press))).statusCode())
                .isEqualTo(200);
        return Golden.parse(press).get("trigger_id").asText();
    }

    private static JsonNode openedView(String trigger) throws Exception {
        await("views.open with the trigger")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        slack.calls("views.open").stream().anyMatch(call -> trigger.equals(call.get("trigger_id"))));
        return Golden.parse(slack.calls("views.open").stream()
                .filter(call -> trigger.equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow()
                .get("view"));
    }

    /** Submits the modal with every input as it was filled in, changed where {@code changes} says. */
    private static JsonNode submit(String user, JsonNode view, Map<String, String> changes) throws Exception {
        String payload =
                SlackRequests.viewSubmission(user, view, "V0" + System.nanoTime(), ModalState.of(view, changes));
        HttpResponse<String> response = signed(SlackClient.formBody(Map.of("payload", payload)));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isBlank() ? json.createObjectNode() : Golden.parse(response.body());
    }

    private static long person(long orgId, String name, String zone, Long managerId, String role, String slackId) {
        return database.jdbi().withHandle(handle -> {
            long id = handle.createQuery(
                            "INSERT INTO people (org_id, name, timezone, profile_timezone, manager_id, role)"
                                    + " VALUES (:org, :name, :zone, :zone, :manager, :role) RETURNING id")
                    .bind("org", orgId)
                    .bind("name", name)
                    .bind("zone", zone)
                    .bind("manager", managerId)
                    .bind("role", role)
                    .mapTo(Long.class)
                    .one();
            if (slackId != null) {
                handle.execute(
                        "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                                + " VALUES (?, ?, 'slack', ?)",
                        orgId,
                        id,
                        slackId);
            }
            return id;
        });
    }

    private static long checkinId(String name) {
        return count("SELECT id FROM checkins WHERE name = '" + name.replace("'", "''") + "'");
    }

    private static long count(String sql, Object... arguments) {
        return database.jdbi()
                .withHandle(handle ->
                        handle.select(sql, arguments).mapTo(Long.class).one());
    }

    private static List<String> strings(String sql, Object... arguments) {
        return database.jdbi()
                .withHandle(handle ->
                        handle.select(sql, arguments).mapTo(String.class).list());
    }
}
