package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.Answered;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.org.OrganisationDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ask in Slack end to end: the round opened now sends the DM, the Answer button opens the modal, mistakes come
 * back next to their questions, a good answer is stored, the DM turns into answered ✓ and the feature is told.
 */
class SlackAskTest {
    /** A Wednesday, 10:00 in Lisbon: working time. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static final Questionnaire QUESTIONS = new Questionnaire(
            new Question.Mood("mood", "How was your week?", true),
            new Question.Scale("focus", "How focused were you?", false, "Not at all", "Completely"),
            new Question.Choice("where", "Where did you work?", false, List.of("Office", "Home"), true),
            new Question.Text("well", "What went well?", true, true, 200),
            new Question.YesNo("blocked", "Are you blocked?", false));

    private final FakeSlack slack = new FakeSlack();
    private final Database database = TestDatabase.fresh();
    private final List<Answered> told = new CopyOnWriteArrayList<>();
    private Candor candor;
    private SlackClient client;
    private long orgId;
    private long anaId;

    @BeforeEach
    void start() {
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                database,
                new Candor.Options(Clock.fixed(NOW, ZoneOffset.UTC), DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        slack.user("U0ANA", "Ana", "ana@acme.test", "Europe/Lisbon", false);
        slack.user("U0LI", "Li", "li@acme.test", "Europe/Lisbon", false);
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        anaId = database.jdbi().withHandle(handle -> {
            long id = handle.select(
                            "INSERT INTO people (org_id, name, timezone) VALUES (?, 'Ana', 'Europe/Lisbon') RETURNING id",
                            orgId)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', 'U0ANA')",
                    orgId,
                    id);
            return id;
        });
        candor.asking().features().register(new Demo());
    }

    @AfterEach
    void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void asksAnswersAndTurnsTheDmIntoAnswered() throws Exception {
        long askId = openRoundNow();
        await("the ask DM is sent")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> status("ask:" + askId + ":open").equals("sent"));

        String trigger = pressAnswer("U0ANA", askId, "answer");
        JsonNode view = Golden.parse(viewsOpened(trigger).get("view"));
        ObjectNode golden = view.deepCopy();
        golden.remove("private_metadata"); // holds the fake Slack's response URL, on a random port
        Golden.assertMatches("ask-form", golden);

        JsonNode errors = submit(view, "V0ASK1", Map.of("well", List.of("Shipped the importer")));
        assertThat(errors.get("response_action").asText()).isEqualTo("errors");
        assertThat(errors.get("errors").get("mood").asText()).isEqualTo("Please answer this question.");
        assertThat(count("SELECT count(*) FROM answers")).isZero();

        JsonNode done = submit(
                view,
                "V0ASK2",
                Map.of("mood", List.of("4"), "where", List.of("0", "1"), "well", List.of("Shipped the importer")));
        assertThat(done.get("response_action").asText()).isEqualTo("update");
        String stored = database.jdbi()
                .withHandle(handle -> handle.select("SELECT answer_values::text FROM answers WHERE ask_id = ?", askId)
                        .mapTo(String.class)
                        .one());
        assertThat(stored)
                .isEqualTo("{\"mood\": 4, \"well\": \"Shipped the importer\", \"where\": [\"Office\", \"Home\"]}");
        assertThat(status("ask:" + askId + ":open:answered")).isIn("pending", "sending", "sent");
        assertThat(told)
                .extracting(Answered::askId, Answered::changed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(askId, false));
        await("the DM is replaced by its answered form")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> status("ask:" + askId + ":open:answered").equals("sent"));
        String update = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT operation || ' ' || payload::text FROM outbox WHERE idempotency_key = ?",
                        "ask:" + askId + ":open:answered")
                .mapTo(String.class)
                .one());
        assertThat(update).startsWith("update").contains("Answered ✓").contains("Change answer");
    }

    @Test
    void showsThePreviousAnswerWhenTheFormOpensAgainAndRefusesSomeoneElse() throws Exception {
        long askId = openRoundNow();
        JsonNode view =
                Golden.parse(viewsOpened(pressAnswer("U0ANA", askId, "first")).get("view"));
        submit(view, "V0ASK3", Map.of("mood", List.of("2"), "well", List.of("Quiet week")));

        JsonNode again =
                Golden.parse(viewsOpened(pressAnswer("U0ANA", askId, "again")).get("view"));
        pressAnswer("U0LI", askId, "li");

        assertThat(again.toString()).contains("Quiet week").contains("\"initial_option\"");
        await("Li is told")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !slack.responses("li").isEmpty());
        assertThat(slack.responses("li").get(0)).contains("sent to someone else");
        assertThat(told).extracting(Answered::changed).containsExactly(false);
    }

    private long openRoundNow() {
        Asking asking = candor.asking();
        QuestionnaireVersion version = asking.createQuestionnaire(orgId, "demo", QUESTIONS, null);
        RoundTiming timing = new RoundTiming(
                Opening.now(), Deadline.at(LocalDateTime.parse("2026-12-04T17:00")), ReminderPlan.defaults());
        Round round = asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        "demo",
                        "demo:1",
                        "2026-W49",
                        version.questionnaireId(),
                        version.version(),
                        timing,
                        false,
                        List.of(anaId),
                        null))
                .orElseThrow()
                .round();
        assertThat(asking.rounds().openNow(round.id())).isEqualTo(1);
        return count("SELECT id FROM asks WHERE round_id = " + round.id());
    }

    private String pressAnswer(String userId, long askId, String hook) throws Exception {
        String action = SlackRequests.blockAction(
                userId, "ask.answer", String.valueOf(askId), "D0" + userId, slack.responseUrl(hook));
        assertThat(interaction(action).statusCode()).isEqualTo(200);
        return Golden.parse(action).get("trigger_id").asText();
    }

    private JsonNode submit(JsonNode view, String viewId, Map<String, List<String>> answers) throws Exception {
        var response = interaction(SlackRequests.viewSubmission("U0ANA", view, viewId, state(view, answers)));
        assertThat(response.statusCode()).isEqualTo(200);
        return Golden.parse(response.body());
    }

    /** Signed at Candor's (fixed) time: Slack's timestamps are checked against it. */
    private java.net.http.HttpResponse<String> interaction(String payload) throws Exception {
        return client.post(
                SlackClient.formBody(Map.of("payload", payload)),
                "application/x-www-form-urlencoded",
                NOW.getEpochSecond(),
                Map.of());
    }

    /** Slack's state for the view's inputs, each written as its element type is. */
    private static ObjectNode state(JsonNode view, Map<String, List<String>> answers) {
        ObjectNode state = new ObjectMapper().createObjectNode();
        for (JsonNode block : view.get("blocks")) {
            String id = block.path("block_id").asText();
            if (!"input".equals(block.path("type").asText()) || !answers.containsKey(id)) {
                continue;
            }
            String actionId = block.path("element").path("action_id").asText();
            String type = block.path("element").path("type").asText();
            ObjectNode element = state.putObject(id).putObject(actionId).put("type", type);
            List<String> given = answers.get(id);
            if (type.equals("plain_text_input")) {
                element.put("value", given.get(0));
            } else if (type.equals("checkboxes") || type.startsWith("multi_")) {
                ArrayNode options = element.putArray("selected_options");
                given.forEach(value -> options.addObject().put("value", value));
            } else {
                element.putObject("selected_option").put("value", given.get(0));
            }
        }
        return state;
    }

    private Map<String, String> viewsOpened(String triggerId) {
        return slack.calls("views.open").stream()
                .filter(call -> triggerId.equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no views.open with trigger " + triggerId));
    }

    private String status(String key) {
        return database.jdbi()
                .withHandle(handle -> handle.select("SELECT status FROM outbox WHERE idempotency_key = ?", key)
                        .mapTo(String.class)
                        .findOne()
                        .orElse("none"));
    }

    private long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }

    private final class Demo implements AskFeature {
        @Override
        public String name() {
            return "demo";
        }

        @Override
        public AskText text(Handle handle, Round round) {
            return new AskText("Weekly check-in", "Maria Lopez");
        }

        @Override
        public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
            return false;
        }

        @Override
        public void answered(Handle handle, Round round, Answered answered) {
            told.add(answered);
        }
    }
}
