package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.chat.Unavailable;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.checkin.Questions;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.Cadence;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import dev.candor.storage.org.OrganisationDao;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A check-in round in Slack from signed requests, with WireMock as Slack and the engine's sweep run at times the
 * test sets: Maya's stand-up check-in asks Ana and Li; Ana answers (posted to the stand-up channel) and changes her
 * answer (the post is updated); at the deadline Maya gets the digest, replies to Ana (in the thread of Ana's ask
 * DM), reminds Li (who then may answer late), and reads the team; Ana reads her history. The steps build on each
 * other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackCheckinRoundTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final String STANDUP = "C0STANDUP";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private static final FakeSlack slack = new FakeSlack();
    private static final Database database = TestDatabase.fresh();
    private static Candor candor;
    private static SlackClient client;
    private static long orgId;

    @BeforeAll
    static void start() {
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                database,
                new Candor.Options(clock, DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        slack.user("U0MAYA", "Maya", "maya@acme.test", "Europe/Berlin", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "Europe/London", false);
        slack.user("U0LI", "Li", "li@acme.test", "Europe/London", false);
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        long maya = person("Maya", "U0MAYA", "Europe/Berlin", null);
        person("Ana", "U0ANA", "Europe/London", maya);
        person("Li", "U0LI", "Europe/London", maya);
        var questions = candor.asking()
                .createQuestionnaire(
                        orgId,
                        "checkin",
                        Questions.parse(Questions.DEFAULT, null).questionnaire(),
                        maya);
        database.jdbi()
                .onDemand(CheckinDao.class)
                .insert(
                        new Checkin(
                                0,
                                orgId,
                                maya,
                                "Weekly check-in",
                                Audience.REPORTS,
                                null,
                                Cadence.WEEKLY,
                                5,
                                LocalTime.of(14, 0),
                                2,
                                questions.questionnaireId(),
                                STANDUP,
                                LocalDate.parse("2026-11-30"),
                                true),
                        List.of());
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void sendingAsksBothReportsInTheirDms() throws Exception {
        // On a loaded machine the first requests after start may find no database connection within a second;
        // Candor then says nothing was recorded, and Maya tries again, as she would.
        await("the round is sent")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !command("send", "U0MAYA").get("text").asText().equals(Unavailable.NOT_SAVED));

        assertThat(command("send", "U0MAYA").get("text").asText()).contains("was already sent: 0 of 2 answered");

        awaitSent("ask:" + ask("Ana") + ":open");
        awaitSent("ask:" + ask("Li") + ":open");
    }

    @Test
    @Order(2)
    void anAnswerIsPostedToTheStandupChannelOnceAndAChangeUpdatesThePost() throws Exception {
        answer("U0ANA", ask("Ana"), "2", "Waiting for the staging database");
        String post = "checkin:" + round() + ":standup:" + person("Ana");
        awaitSent(post);
        clock.advance(Duration.ofMinutes(10));
        answer("U0ANA", ask("Ana"), "4", "none");
        String update = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT idempotency_key FROM outbox WHERE earlier_key = ? AND operation = 'update'", post)
                .mapTo(String.class)
                .one());
        awaitSent(update);

        List<Map<String, String>> posts = slack.calls("chat.postMessage").stream()
                .filter(call -> STANDUP.equals(call.get("channel")))
                .toList();
        assertThat(posts).singleElement().satisfies(call -> assertThat(call.get("blocks"))
                .contains("Waiting for the staging database", "Blocked"));
        String postTs = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT platform_message_id FROM outbox WHERE idempotency_key = ?", post)
                .mapTo(String.class)
                .one());
        assertThat(slack.calls("chat.update").stream()
                        .filter(call -> call.getOrDefault("blocks", "").contains("Shipped the importer")))
                .singleElement()
                .satisfies(call -> assertThat(call)
                        .containsEntry("ts", postTs)
                        .extractingByKey("blocks")
                        .asString()
                        .doesNotContain("Blocked"));
    }

    @Test
    @Order(3)
    void atTheDeadlineMayaGetsOneDigestWithAReplyButtonAndARemindButtonForLi() throws Exception {
        clock.set(closesAt().plusSeconds(60));
        sweep();
        sweep();

        awaitSent("checkin:" + round() + ":digest");
        List<Map<String, String>> digests = slack.calls("chat.postMessage").stream()
                .filter(call -> "U0MAYA".equals(call.get("channel"))
                        || call.getOrDefault("text", "").contains("answered"))
                .filter(call -> call.getOrDefault("blocks", "").contains("checkin.reply"))
                .toList();
        assertThat(digests).singleElement().satisfies(call -> assertThat(call.get("blocks"))
                .contains("Reply to Ana", "Not answered: Li", "checkin.remind")
                .doesNotContain("Reply to Li"));
    }

    @Test
    @Order(4)
    void mayasReplyReachesAnaInTheThreadOfHerAskDmAndIsConfirmed() throws Exception {
        String value = round() + ":" + person("Ana");
        String press = SlackRequests.blockAction("U0MAYA", "checkin.reply", value, "D0MAYA", slack.responseUrl("r"));
        assertThat(interaction(press).statusCode()).isEqualTo(200);
        JsonNode view = Golden.parse(
                viewsOpened(Golden.parse(press).get("trigger_id").asText()).get("view"));
        ObjectNode state = json.createObjectNode();
        state.putObject("reply")
                .putObject("reply")
                .put("type", "plain_text_input")
                .put("value", "Thanks, Ana!");

        JsonNode done = Golden.parse(interaction(SlackRequests.viewSubmission("U0MAYA", view, "V0REPLY", state))
                .body());

        assertThat(done.toString()).contains("Sent to Ana, under their check-in");
        String key = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE 'checkin:reply:%'")
                .mapTo(String.class)
                .one());
        awaitSent(key);
        String askTs = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT platform_message_id FROM outbox WHERE idempotency_key = ?",
                        "ask:" + ask("Ana") + ":open")
                .mapTo(String.class)
                .one());
        Map<String, String> reply = slack.calls("chat.postMessage").stream()
                .filter(call -> call.getOrDefault("text", "").contains("Thanks, Ana!"))
                .findFirst()
                .orElseThrow();
        assertThat(reply).containsEntry("thread_ts", askTs).containsEntry("channel", "D0DM");
    }

    @Test
    @Order(5)
    void liCannotReplyOrRemindOnMayasDigest() throws Exception {
        assertThat(press("U0LI", "checkin.reply", round() + ":" + person("Ana")))
                .contains("Only the check-in's owner");
        assertThat(press("U0LI", "checkin.remind", String.valueOf(round()))).contains("Only the check-in's owner");
    }

    @Test
    @Order(6)
    void remindRemindsOnlyLiWhoMayThenAnswerLate() throws Exception {
        String told = press("U0MAYA", "checkin.remind", String.valueOf(round()));
        String again = command("remind", "U0MAYA").get("text").asText();

        assertThat(told).contains("⏰ Reminded 1: Li.", "can answer until");
        assertThat(again).isEqualTo("They were reminded today already: Li.");
        awaitSent("checkin:remind:" + ask("Li") + ":"
                + LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Berlin")));
        assertThat(slack.calls("chat.postMessage").stream()
                        .filter(call -> call.getOrDefault("text", "").contains("Maya reminds you"))
                        .map(call -> call.get("channel")))
                .containsExactly("D0LI");
        answer("U0LI", ask("Li"), "3", "none");
        assertThat(state(ask("Li"))).isEqualTo("answered");
    }

    @Test
    @Order(7)
    void mayaSeesTheTeamAndAnaHerHistoryWithTheReplyButLiDoesNotSeeIt() throws Exception {
        JsonNode team = command("team", "U0MAYA");
        JsonNode ana = command("history", "U0ANA");
        JsonNode li = command("history", "U0LI");

        assertThat(team.get("text").asText()).isEqualTo("Weekly check-in: 2 of 2 answered");
        assertThat(team.get("blocks").toString()).contains("*Ana*\\n🙂", "*Li*\\n😐");
        assertThat(ana.get("blocks").toString()).contains("Maya: Thanks, Ana!");
        assertThat(li.get("blocks").toString()).doesNotContain("Thanks, Ana!");
    }

    private static long person(String name, String userId, String zone, Long manager) {
        return database.jdbi().withHandle(handle -> {
            long id = handle.select(
                            "INSERT INTO people (org_id, name, timezone, profile_timezone, manager_id)"
                                    + " VALUES (?, ?, ?, ?, ?) RETURNING id",
                            orgId,
                            name,
                            zone,
                            zone,
                            manager)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', ?)",
                    orgId,
                    id,
                    userId);
            return id;
        });
    }

    private static void answer(String user, long askId, String mood, String blocker) throws Exception {
        String press =
                SlackRequests.blockAction(user, "ask.answer", String.valueOf(askId), "D0DM", slack.responseUrl("a"));
        assertThat(interaction(press).statusCode()).isEqualTo(200);
        JsonNode view = Golden.parse(
                viewsOpened(Golden.parse(press).get("trigger_id").asText()).get("view"));
        ObjectNode state = json.createObjectNode();
        for (JsonNode block : view.get("blocks")) {
            String id = block.path("block_id").asText();
            if (!"input".equals(block.path("type").asText())) {
                continue;
            }
            JsonNode element = block.path("element");
            ObjectNode given = state.putObject(id)
                    .putObject(element.path("action_id").asText())
                    .put("type", element.path("type").asText());
            if (id.equals("q1")) {
                given.putObject("selected_option").put("value", mood);
            } else {
                given.put("value", id.equals("q3") ? blocker : "Shipped the importer");
            }
        }
        JsonNode saved =
                Golden.parse(interaction(SlackRequests.viewSubmission(user, view, "V0" + System.nanoTime(), state))
                        .body());
        assertThat(saved.path("response_action").asText()).as(saved.toString()).isEqualTo("update");
    }

    private static JsonNode command(String text, String user) throws Exception {
        HttpResponse<String> response = client.post(
                SlackClient.formBody(SlackClient.slashCommand("/checkin", text, user, "C0GENERAL")),
                "application/x-www-form-urlencoded",
                clock.instant().getEpochSecond(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return Golden.parse(response.body());
    }

    private static String press(String user, String action, String value) throws Exception {
        String name = "press-" + System.nanoTime();
        interaction(SlackRequests.blockAction(user, action, value, "D0DM", slack.responseUrl(name)));
        await("the answer to " + action).atMost(Duration.ofSeconds(10)).until(() -> !slack.responses(name)
                .isEmpty());
        return Golden.parse(slack.responses(name).get(0)).get("text").asText();
    }

    /** Signed at Candor's time: Slack's timestamps are checked against it. */
    private static HttpResponse<String> interaction(String payload) throws Exception {
        return client.post(
                SlackClient.formBody(Map.of("payload", payload)),
                "application/x-www-form-urlencoded",
                clock.instant().getEpochSecond(),
                Map.of());
    }

    private static void sweep() {
        ((AskSweepJob) candor.asking().sweepJob().job()).sweep();
    }

    private static void awaitSent(String key) {
        await(key + " is sent")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "sent".equals(database.jdbi().withHandle(handle -> handle.select(
                                "SELECT status FROM outbox WHERE idempotency_key = ?", key)
                        .mapTo(String.class)
                        .findOne()
                        .orElse("none"))));
    }

    private static Map<String, String> viewsOpened(String triggerId) {
        return slack.calls("views.open").stream()
                .filter(call -> triggerId.equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no views.open with trigger " + triggerId));
    }

    private static long round() {
        return count("SELECT max(id) FROM rounds WHERE feature = 'checkin'");
    }

    private static long ask(String name) {
        return count("SELECT a.id FROM asks a JOIN people p ON p.id = a.person_id WHERE p.name = '" + name
                + "' ORDER BY a.id DESC LIMIT 1");
    }

    private static long person(String name) {
        return count("SELECT id FROM people WHERE name = '" + name + "'");
    }

    private static Instant closesAt() {
        return database.jdbi().withHandle(handle -> handle.select("SELECT closes_at FROM rounds WHERE id = ?", round())
                .mapTo(Instant.class)
                .one());
    }

    private static String state(long askId) {
        return database.jdbi().withHandle(handle -> handle.select("SELECT state FROM asks WHERE id = ?", askId)
                .mapTo(String.class)
                .one());
    }

    private static long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }
}
