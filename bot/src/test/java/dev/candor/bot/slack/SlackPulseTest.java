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
 * Pulse surveys in Slack, from signed requests: Hana (HR) creates an eNPS survey for Sales from the template in three
 * steps (settings, questions, preview) and launches it; Ana, not HR, is refused; a survey of Maya's whole organisation
 * reaches every level under her, a channel survey its members; a survey asking nobody is refused with what to change;
 * Hana lists, pauses, resumes and closes them by name words. Bots and deactivated people are never asked. The steps
 * build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackPulseTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ObjectMapper json = new ObjectMapper();

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
        slack.user("U0HANA", "Hana", "hana@acme.test", "Europe/Berlin", false);
        slack.user("U0MAYA", "Maya", "maya@acme.test", "Europe/Berlin", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        slack.user("U0LI", "Li", "li@acme.test", "Asia/Shanghai", false);
        slack.user("U0NIA", "Nia", "nia@acme.test", "Europe/Berlin", false);
        slack.user("U0BOT", "Deploybot", null, "UTC", true);
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        person(orgId, "Hana", "HR", null, "hr_admin", "U0HANA", true, false);
        long maya = person(orgId, "Maya", "Sales", null, "manager", "U0MAYA", true, false);
        long ana = person(orgId, "Ana", "Sales", maya, "employee", "U0ANA", true, false);
        long li = person(orgId, "Li", "Engineering", ana, "employee", "U0LI", true, false);
        person(orgId, "Sam", "Sales", li, "employee", null, true, false);
        person(orgId, "Ola", "Sales", maya, "employee", null, false, false);
        person(orgId, "Deploybot", "Sales", maya, "employee", "U0BOT", true, true);
        person(orgId, "Nia", "Support", null, "employee", "U0NIA", true, false);
        await("Candor answers commands")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> pulse("help", "U0ANA").body().toString().contains("/pulse list"));
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void someoneWhoIsNotHrIsToldPolitelyWhoCan() throws Exception {
        JsonNode refused = pulse("", "U0ANA").body();

        assertThat(refused.get("text").asText())
                .isEqualTo("Pulse surveys are created and run by HR admins. Here that is Hana: ask them if you'd"
                        + " like a survey.");
        assertThat(refused.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(count("SELECT count(*) FROM pulse_surveys")).isZero();
    }

    @Test
    @Order(2)
    void pulseOpensTheSettingsFormWithSensibleDefaults() throws Exception {
        JsonNode view = openedView(pulse("", "U0HANA").trigger());

        Golden.assertMatches("pulse-settings-form", Golden.withoutMetadata(view));
        assertThat(view.toString()).contains("\"initial_time\":\"10:00\"", "Anonymous: answers are never linked");
    }

    @Test
    @Order(3)
    void aMistakeIsNamedNextToItsInputAndNothingIsSaved() throws Exception {
        JsonNode view = openedView(pulse("", "U0HANA").trigger());

        JsonNode answer = submit(view, Map.of("audience", "departments", "min_group", "2"));

        assertThat(answer.get("response_action").asText()).isEqualTo("errors");
        assertThat(answer.get("errors").get("audience").asText()).startsWith("Pick one or more departments");
        assertThat(answer.get("errors").get("min_group").asText()).contains("never shown");
        assertThat(count("SELECT count(*) FROM pulse_surveys")).isZero();
    }

    @Test
    @Order(4)
    void hrCreatesAnEnpsSurveyForSalesPreviewsExactlyWhatPeopleGetAndLaunchesIt() throws Exception {
        JsonNode questions = next(
                openedView(pulse("", "U0HANA").trigger()),
                Map.of("name", "December eNPS", "audience", "departments", "departments", "Sales"));
        Golden.assertMatches("pulse-questions-form", Golden.withoutMetadata(questions));
        assertThat(questions.toString())
                .contains("nps: How likely are you to recommend working here to a friend?")
                .contains("text: What is the main reason for your score? (optional)");

        JsonNode preview = next(questions, Map.of());
        Golden.assertMatches("pulse-preview", Golden.withoutMetadata(preview));
        assertThat(preview.toString())
                .contains("goes to 3 people (Sales), now.")
                .contains(
                        "Anonymous: nobody, HR included, can see who answered what",
                        "How likely are you to recommend working here to a friend?")
                .contains("December eNPS", "from Hana");

        JsonNode launched = next(preview, Map.of());
        assertThat(launched.toString())
                .contains(
                        "🚀 \\\"December eNPS\\\" launched: 2 people asked now, 1 person at their next working morning");
        Golden.assertMatches("pulse-launched", launched);
        assertThat(asked("December eNPS")).containsExactly("Ana", "Maya", "Sam");
        await("Maya's ask is sent")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> slack.postedMessages().stream()
                        .anyMatch(body -> body.contains("channel=D0MAYA") && body.contains("HR included")));
    }

    @Test
    @Order(5)
    void mayaAnswersAndHerAnswerIsStoredWithNoLinkToHer() throws Exception {
        long ask = count("SELECT a.id FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                + " ON r.id = a.round_id JOIN pulse_surveys s ON r.subject = s.id::text"
                + " WHERE p.name = 'Maya' AND s.name = 'December eNPS'");
        String press = SlackRequests.blockAction(
                "U0MAYA", "ask.answer", String.valueOf(ask), "D0MAYA", slack.responseUrl("answer"));
        assertThat(signed(SlackClient.formBody(Map.of("payload", press))).statusCode())
                .isEqualTo(200);
        JsonNode form = openedView(Golden.parse(press).get("trigger_id").asText());
        assertThat(form.toString()).contains("Anonymous: nobody, HR included", "How likely are you to recommend");

        JsonNode answered = submitAs("U0MAYA", form, Map.of("q1", "9"));

        assertThat(answered.path("response_action").asText()).isEqualTo("update");
        assertThat(strings(
                        "SELECT coalesce(a.ask_id::text, 'no ask') || ' ' || coalesce(a.submitted_at::text, 'no time')"
                                + " FROM answers a JOIN rounds r ON r.id = a.round_id WHERE r.feature = 'pulse'"))
                .containsExactly("no ask no time");
    }

    @Test
    @Order(6)
    void aManagersOrganisationIsEveryoneUnderThemAtAnyDepth() throws Exception {
        JsonNode preview = next(
                next(
                        openedView(pulse("new", "U0HANA").trigger()),
                        Map.of(
                                "name", "December wellbeing",
                                "template", "wellbeing",
                                "audience", "organisation",
                                "manager", "U0MAYA",
                                "anonymous", "no")),
                Map.of());
        assertThat(preview.toString()).contains("Named survey: HR sees your name with your answers.");

        next(preview, Map.of());

        assertThat(asked("December wellbeing")).containsExactly("Ana", "Li", "Sam");
    }

    @Test
    @Order(7)
    void aChannelSurveyAsksTheChannelsPeopleButNotItsBots() throws Exception {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.members"))
                .withRequestBody(containing("channel=C0TEAM"))
                .willReturn(okJson("{\"ok\":true,\"members\":[\"U0MAYA\",\"U0NIA\",\"U0BOT\"],"
                        + "\"response_metadata\":{\"next_cursor\":\"\"}}")));
        JsonNode preview = next(
                openedView(pulse("", "U0HANA").trigger()),
                Map.of("name", "Team pulse", "template", "blank", "audience", "channel"));

        next(next(preview, Map.of()), Map.of());

        assertThat(asked("Team pulse")).containsExactly("Maya", "Nia");
    }

    @Test
    @Order(8)
    void aSurveyThatWouldAskNobodyIsRefusedWithWhatToChange() throws Exception {
        JsonNode preview = next(
                next(
                        openedView(pulse("", "U0HANA").trigger()),
                        Map.of("name", "Nia's org", "audience", "organisation", "manager", "U0NIA")),
                Map.of());

        JsonNode refused = submit(preview, Map.of());

        assertThat(refused.get("response_action").asText()).isEqualTo("errors");
        assertThat(refused.get("errors").get("next").asText())
                .startsWith("Nobody would be asked: everyone under Nia has no active people");
        assertThat(strings("SELECT state FROM pulse_surveys WHERE name = 'Nia''s org'"))
                .containsExactly("draft");
        JsonNode settings = next(preview, Map.of("next", "settings"));
        assertThat(settings.get("title").get("text").asText()).isEqualTo("Edit pulse survey");
        JsonNode kept = next(preview, Map.of("next", "draft"));
        assertThat(kept.toString()).contains("is kept as a draft; nobody has been asked");
    }

    @Test
    @Order(9)
    void aRecurringSurveySaysWhenItsFirstRoundOpensAndLeavesItToTheEngine() throws Exception {
        JsonNode preview = next(
                next(
                        openedView(pulse("", "U0HANA").trigger()),
                        Map.of("name", "Weekly wellbeing", "template", "wellbeing", "schedule", "weekly")),
                Map.of());

        JsonNode launched = next(preview, Map.of());

        assertThat(launched.toString())
                .contains("\\\"Weekly wellbeing\\\" launched: it asks 6 people (as of today) every Monday at 10:00"
                        + " their time, first on Mon 7 Dec 2026.");
        assertThat(asked("Weekly wellbeing")).isEmpty();
    }

    @Test
    @Order(10)
    void listShowsStateScheduleAudienceAndAnswerRate() throws Exception {
        JsonNode list = pulse("list", "U0HANA").body();

        Golden.assertMatches("pulse-list", list);
        assertThat(list.toString())
                .contains("December eNPS", "Active", "To Sales, now. Latest round: 1 of 2 answered (50%).")
                .contains("everyone under Maya", "Draft", "pulse.edit");
    }

    @Test
    @Order(11)
    void aDraftsEditButtonReopensItsSettingsAsTheyWereLeft() throws Exception {
        long draft = count("SELECT id FROM pulse_surveys WHERE name = 'Nia''s org'");
        String press = SlackRequests.blockAction(
                "U0HANA", "pulse.edit", String.valueOf(draft), "C0TEAM", slack.responseUrl("press"));
        assertThat(signed(SlackClient.formBody(Map.of("payload", press))).statusCode())
                .isEqualTo(200);

        JsonNode view = openedView(Golden.parse(press).get("trigger_id").asText());

        assertThat(view.get("title").get("text").asText()).isEqualTo("Edit pulse survey");
        assertThat(view.toString()).contains("Nia's org", "\"initial_users\":[\"U0NIA\"]");
    }

    @Test
    @Order(12)
    void pauseResumeAndCloseFindTheSurveyByWordsOfItsName() throws Exception {
        String unclear = pulse("pause december", "U0HANA").body().get("text").asText();
        assertThat(unclear).startsWith("Which survey?").contains("• December eNPS", "• December wellbeing");

        String paused =
                pulse("pause december enps", "U0HANA").body().get("text").asText();
        assertThat(paused).startsWith("⏸ \"December eNPS\" is paused: no new rounds, and the");
        assertThat(
                        count(
                                "SELECT count(*) FROM asks a JOIN rounds r ON r.id = a.round_id JOIN pulse_surveys s"
                                        + " ON r.subject = s.id::text WHERE s.name = 'December eNPS' AND a.next_reminder_at IS NOT NULL"))
                .isZero();

        String resumed = pulse("resume enps", "U0HANA").body().get("text").asText();
        assertThat(resumed).startsWith("▶️ \"December eNPS\" runs again");

        String closed =
                pulse("close December eNPS", "U0HANA").body().get("text").asText();
        assertThat(closed)
                .isEqualTo("⏹ \"December eNPS\" is closed: its open round ended, keeping the answers"
                        + " given. Nobody will be asked again.");
        assertThat(strings("SELECT r.state FROM rounds r JOIN pulse_surveys s ON r.subject = s.id::text"
                        + " WHERE s.name = 'December eNPS'"))
                .containsExactly("cancelled");
        assertThat(pulse("resume enps", "U0HANA").body().get("text").asText()).startsWith("Which survey?");
    }

    @Test
    @Order(13)
    void helpListsEveryCommand() throws Exception {
        JsonNode help = pulse("help", "U0ANA").body();

        Golden.assertMatches("pulse-help", help);
        assertThat(help.toString()).contains("/pulse list", "/pulse pause NAME", "/pulse resume", "/pulse close");
    }

    private static List<String> asked(String survey) {
        return strings(
                "SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r ON r.id = a.round_id"
                        + " JOIN pulse_surveys s ON r.feature = 'pulse' AND r.subject = s.id::text WHERE s.name = ?"
                        + " ORDER BY p.name",
                survey);
    }

    private record Command(JsonNode body, String trigger) {}

    private static Command pulse(String text, String user) throws Exception {
        Map<String, String> form =
                SlackClient.slashCommand("/pulse", text, user, "C0TEAM", "team", slack.responseUrl("pulse"));
        HttpResponse<String> response = signed(SlackClient.formBody(form));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = response.body().isBlank() ? json.createObjectNode() : Golden.parse(response.body());
        return new Command(body, form.get("trigger_id"));
    }

    private static HttpResponse<String> signed(String body) throws Exception {
        return client.post(body, "application/x-www-form-urlencoded", NOW.getEpochSecond(), Map.of());
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

    /** Submits the modal and returns the view Slack is told to show next. */
    private static JsonNode next(JsonNode view, Map<String, String> changes) throws Exception {
        JsonNode answer = submit(view, changes);
        assertThat(answer.path("response_action").asText()).as("%s", answer).isEqualTo("update");
        return answer.get("view");
    }

    /** Hana submits the modal with every input as it was filled in, changed where {@code changes} says. */
    private static JsonNode submit(JsonNode view, Map<String, String> changes) throws Exception {
        return submitAs("U0HANA", view, changes);
    }

    private static JsonNode submitAs(String user, JsonNode view, Map<String, String> changes) throws Exception {
        String payload =
                SlackRequests.viewSubmission(user, view, "V0" + System.nanoTime(), ModalState.of(view, changes));
        HttpResponse<String> response = signed(SlackClient.formBody(Map.of("payload", payload)));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isBlank() ? json.createObjectNode() : Golden.parse(response.body());
    }

    private static long person(
            long orgId,
            String name,
            String department,
            Long managerId,
            String role,
            String slackId,
            boolean active,
            boolean bot) {
        return database.jdbi().withHandle(handle -> {
            long id = handle.createQuery(
                            "INSERT INTO people (org_id, name, timezone, profile_timezone, manager_id, role, department,"
                                    + " active, is_bot) VALUES (:org, :name, :zone, :zone, :manager, :role,"
                                    + " :department, :active, :bot) RETURNING id")
                    .bind("org", orgId)
                    .bind("name", name)
                    .bind("zone", name.equals("Ana") ? "America/New_York" : "Europe/Berlin")
                    .bind("manager", managerId)
                    .bind("role", role)
                    .bind("department", department)
                    .bind("active", active)
                    .bind("bot", bot)
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
