package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.checkin.ChannelMembers;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.pulse.PulseRounds;
import dev.candor.scheduler.pulse.PulseSeries;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Pulse audiences and schedules in Slack that {@link SlackPulseTest} leaves out, from signed requests: Hana (HR)
 * surveys picked people, and picked people once at a later date, whose round the engine's series job opens then;
 * Maya reads her own organisation's results, which wait for enough answers and then count nobody outside it. The steps
 * build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackPulseAudienceTest {
    /** Friday 11:00 in Berlin, where everyone works: asks go out at once. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

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
                new Candor.Options(clock, DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        long hana = person(orgId, "Hana", null, "hr_admin", true);
        long maya = person(orgId, "Maya", null, "manager", true);
        for (String name : List.of("Ana", "Li", "Sam")) {
            person(orgId, name, maya, "employee", true);
        }
        for (String name : List.of("Nia", "Omar", "Pia")) {
            person(orgId, name, hana, "employee", true);
        }
        person(orgId, "Ola", maya, "employee", false);
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
    void aSurveyOfPickedPeopleAsksExactlyThem() throws Exception {
        JsonNode preview = createSurvey(
                Map.of("name", "Picked pulse", "audience", "people", "min_group", "3"), List.of("U0LI", "U0NIA"));
        assertThat(preview.toString()).contains("goes to 2 people (picked people), now.");

        JsonNode launched = next(preview, Map.of());

        assertThat(launched.toString()).contains("\\\"Picked pulse\\\" launched: 2 people asked now");
        assertThat(asked("Picked pulse")).containsExactly("Li", "Nia");
    }

    @Test
    @Order(2)
    void aManagerSeesOnlyHerOrganisationsResultsOnceItHasEnoughAnswers() throws Exception {
        next(createSurvey(Map.of("name", "Company pulse", "min_group", "3"), List.of()), Map.of());
        assertThat(asked("Company pulse")).containsExactly("Ana", "Hana", "Li", "Maya", "Nia", "Omar", "Pia", "Sam");
        answer("Ana", "Company pulse", "9");
        // Hana has no manager: her answer is in no manager's organisation.
        answer("Hana", "Company pulse", "7");

        JsonNode waiting = pulse("results Company pulse", "U0MAYA").body();

        assertThat(waiting.toString())
                .contains("Results of your organisation show when it has at least 3 answers")
                .doesNotContain("eNPS");

        for (String name : List.of("Li", "Sam")) {
            answer(name, "Company pulse", "9");
        }
        for (String name : List.of("Nia", "Omar", "Pia")) {
            answer(name, "Company pulse", "2");
        }
        String mine = pulse("results Company pulse", "U0MAYA").body().toString();
        String everyone = pulse("results Company pulse", "U0HANA").body().toString();

        assertThat(mine)
                .contains("Your organisation", "7 of 8 answered")
                .contains("eNPS +100: 3 promoters, 0 passives, 0 detractors")
                .doesNotContain("pulse-results.share");
        assertThat(everyone).contains("eNPS 0: 3 promoters, 1 passives, 3 detractors");
        assertThat(pulse("results Company pulse", "U0ANA").body().get("text").asText())
                .isEqualTo("Survey results are for HR admins, and for managers about their own organisation.");
    }

    @Test
    @Order(3)
    void aSurveyAtADateAsksNobodyNowAndTheEngineOpensItsRoundThen() throws Exception {
        JsonNode preview = createSurvey(
                Map.of(
                        "name",
                        "Wednesday pulse",
                        "audience",
                        "people",
                        "schedule",
                        "once",
                        "date",
                        "2026-12-09",
                        "time",
                        "09:30"),
                List.of("U0ANA", "U0NIA"));
        assertThat(preview.toString()).contains("goes to 2 people (picked people), on Wed 9 Dec 2026 at 09:30");

        JsonNode launched = next(preview, Map.of());

        assertThat(launched.toString())
                .contains("\\\"Wednesday pulse\\\" launched: it asks 2 people (as of today) on Wed 9 Dec 2026 at"
                        + " 09:30 their time.");
        seriesSweep();
        assertThat(asked("Wednesday pulse")).isEmpty();

        // The round opens once 09:30 on Wednesday may have come somewhere (the engine counts from UTC+18: 15:30 UTC
        // on Tuesday), and each ask waits for 09:30 in its person's own zone: 08:30 UTC in Berlin.
        clock.set(Instant.parse("2026-12-08T15:00:00Z"));
        seriesSweep();
        assertThat(asked("Wednesday pulse")).isEmpty();
        clock.set(Instant.parse("2026-12-08T16:00:00Z"));
        seriesSweep();
        assertThat(asked("Wednesday pulse")).containsExactly("Ana", "Nia");
        assertThat(strings(
                        "SELECT DISTINCT extract(epoch FROM opens_at)::bigint || ' ' || coalesce(sent_at::text, 'unsent')"
                                + " FROM asks WHERE round_id = ?",
                        round("Wednesday pulse")))
                .containsExactly(Instant.parse("2026-12-09T08:30:00Z").getEpochSecond() + " unsent");

        clock.set(Instant.parse("2026-12-09T08:31:00Z"));
        ((AskSweepJob) candor.asking().sweepJob().job()).sweep();
        for (String channel : List.of("D0ANA", "D0NIA")) {
            await(channel + " gets the ask")
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> slack.postedMessages().stream()
                            .anyMatch(body -> body.contains("channel=" + channel) && body.contains("Wednesday")));
        }
    }

    /** Hana's settings (changed as given, with these people picked), the template's questions, then the preview. */
    private static JsonNode createSurvey(Map<String, String> settings, List<String> picked) throws Exception {
        JsonNode form = openedView(pulse("", "U0HANA").trigger());
        ObjectNode state = ModalState.of(form, settings);
        if (!picked.isEmpty()) {
            // The test helper picks one person per input; Slack sends every one picked.
            ArrayNode users = ((ObjectNode) state.get("people").elements().next()).putArray("selected_users");
            picked.forEach(users::add);
        }
        JsonNode questions = update(submitState("U0HANA", form, state));
        return next(questions, Map.of());
    }

    /** The person presses Answer on their ask of the survey and sends the form with this score for the first question. */
    private static void answer(String name, String survey, String score) throws Exception {
        String user = "U0" + name.toUpperCase(Locale.ROOT);
        long ask = count(
                "SELECT a.id FROM asks a JOIN people p ON p.id = a.person_id WHERE a.round_id = ? AND p.name = ?",
                round(survey),
                name);
        String press = SlackRequests.blockAction(
                user,
                "ask.answer",
                String.valueOf(ask),
                "D0" + name.toUpperCase(Locale.ROOT),
                slack.responseUrl("answer"));
        assertThat(signed(SlackClient.formBody(Map.of("payload", press))).statusCode())
                .isEqualTo(200);
        JsonNode form = openedView(Golden.parse(press).get("trigger_id").asText());
        assertThat(form.toString()).contains("How likely are you to recommend");

        JsonNode answered = submitState(user, form, ModalState.of(form, Map.of("q1", score)));

        assertThat(answered.path("response_action").asText()).as("%s", answered).isEqualTo("update");
        assertThat(strings("SELECT state FROM asks WHERE id = ?", ask)).containsExactly("answered");
    }

    private static void seriesSweep() {
        new RoundSeriesJob(
                        database.jdbi(),
                        clock,
                        List.of(new PulseSeries(new PulseRounds(candor.asking().rounds(), ChannelMembers.NONE))))
                .sweep();
    }

    private static List<String> asked(String survey) {
        return strings(
                "SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r ON r.id = a.round_id"
                        + " JOIN pulse_surveys s ON r.feature = 'pulse' AND r.subject = s.id::text WHERE s.name = ?"
                        + " ORDER BY p.name",
                survey);
    }

    private static long round(String survey) {
        return count(
                "SELECT r.id FROM rounds r JOIN pulse_surveys s ON r.feature = 'pulse' AND r.subject = s.id::text"
                        + " WHERE s.name = ?",
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
        return client.post(
                body, "application/x-www-form-urlencoded", clock.instant().getEpochSecond(), Map.of());
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

    /** Hana submits the modal with every input as it was filled in, changed where {@code changes} says. */
    private static JsonNode next(JsonNode view, Map<String, String> changes) throws Exception {
        return update(submitState("U0HANA", view, ModalState.of(view, changes)));
    }

    /** The view Slack is told to show next. */
    private static JsonNode update(JsonNode answer) {
        assertThat(answer.path("response_action").asText()).as("%s", answer).isEqualTo("update");
        return answer.get("view");
    }

    private static JsonNode submitState(String user, JsonNode view, ObjectNode state) throws Exception {
        String payload = SlackRequests.viewSubmission(user, view, "V0" + System.nanoTime(), state);
        HttpResponse<String> response = signed(SlackClient.formBody(Map.of("payload", payload)));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isBlank() ? json.createObjectNode() : Golden.parse(response.body());
    }

    /** A person in Berlin whose Slack id is U0 and their name in capitals, e.g. U0MAYA. */
    private static long person(long orgId, String name, Long managerId, String role, boolean active) {
        String slackId = "U0" + name.toUpperCase(Locale.ROOT);
        slack.user(slackId, name, name.toLowerCase(Locale.ROOT) + "@acme.test", "Europe/Berlin", false);
        return database.jdbi().withHandle(handle -> {
            long id = handle.createQuery(
                            "INSERT INTO people (org_id, name, timezone, profile_timezone, manager_id, role, active,"
                                    + " is_bot) VALUES (:org, :name, 'Europe/Berlin', 'Europe/Berlin', :manager,"
                                    + " :role, :active, false) RETURNING id")
                    .bind("org", orgId)
                    .bind("name", name)
                    .bind("manager", managerId)
                    .bind("role", role)
                    .bind("active", active)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', ?)",
                    orgId,
                    id,
                    slackId);
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
