package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.EveryInput;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.help.HelpHandler;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.server.Routes;
import dev.candor.bot.server.WebServer;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of form input in a Slack modal: opened from a button with {@code views.open}, submitted as signed
 * {@code view_submission}s shaped like Slack's, and read back into neutral answers.
 */
class SlackEveryInputTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final FakeSlack slack = new FakeSlack();
    private static final EveryInput feature = new EveryInput();
    private static Database database;
    private static ExecutorService background;
    private static WebServer web;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        background = Executors.newSingleThreadExecutor();
        SlackModule module = new SlackModule(SlackClient.SECRET, "xoxb-test-token", slack.apiUrl());
        PeopleDirectory directory =
                new PeopleDirectory(database.jdbi(), Map.of(Platform.SLACK, module.profiles()), background);
        ConversationRouter router = ConversationRouter.builder(new HelpHandler())
                .actions("sample", feature)
                .forms("sample", feature)
                .build();
        web = new WebServer(
                        new Routes(
                                module.endpoint(database.jdbi(), directory, router, Clock.systemUTC()),
                                Routes.notConfigured("no Teams here")),
                        database,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .start("127.0.0.1", 0);
        client = new SlackClient(web.port());
    }

    @AfterAll
    static void stop() {
        web.close();
        background.shutdownNow();
        database.close();
        slack.close();
    }

    @Test
    void rendersEveryInputNativelyInTheModal() throws Exception {
        JsonNode view = open();

        Golden.assertMatches("every-input-form", view);
        assertThat(element(view, "mood").path("type").asText()).isEqualTo("radio_buttons");
        assertThat(element(view, "workload")
                        .path("options")
                        .get(4)
                        .path("description")
                        .path("text")
                        .asText())
                .isEqualTo("Completely");
        assertThat(element(view, "nps").path("type").asText()).isEqualTo("static_select");
        assertThat(element(view, "hours").path("is_decimal_allowed").asBoolean())
                .isTrue();
        assertThat(block(view, "notes").path("hint").path("text").asText()).isEqualTo("Only your manager sees this.");
    }

    @Test
    void readsEveryAnswerAsNeutralText() throws Exception {
        JsonNode view = open();
        ObjectNode state = json.createObjectNode();
        option(state, "mood", "radio_buttons", "4");
        option(state, "workload", "radio_buttons", "2");
        option(state, "nps", "static_select", "9");
        element(state, "hours", "number_input").put("value", "12.5");
        element(state, "back", "datepicker").put("selected_date", "2026-12-24");
        element(state, "standup", "timepicker").put("selected_time", "10:15");
        option(state, "blocked", "radio_buttons", "no");
        element(state, "notes", "plain_text_input").put("value", "All good");
        var chosen = element(state, "focus", "multi_static_select").putArray("selected_options");
        chosen.addObject()
                .put("value", "build")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "Building");
        chosen.addObject()
                .put("value", "learn")
                .putObject("text")
                .put("type", "plain_text")
                .put("text", "Learning");

        var response = client.interaction(SlackRequests.viewSubmission("U0GIL", view, "V0EVERY1", state));

        assertThat(response.statusCode()).isEqualTo(200);
        FormSubmission submission = feature.next();
        assertThat(submission.formId()).isEqualTo(EveryInput.FORM_ID);
        assertThat(submission.context()).isEqualTo("round:7");
        assertThat(submission.values())
                .containsEntry("mood", List.of("4"))
                .containsEntry("workload", List.of("2"))
                .containsEntry("nps", List.of("9"))
                .containsEntry("hours", List.of("12.5"))
                .containsEntry("back", List.of("2026-12-24"))
                .containsEntry("standup", List.of("10:15"))
                .containsEntry("blocked", List.of("no"))
                .containsEntry("notes", List.of("All good"))
                .containsEntry("focus", List.of("build", "learn"));
    }

    @Test
    void inputsLeftEmptyHaveNoAnswer() throws Exception {
        JsonNode view = open();
        ObjectNode state = json.createObjectNode();
        option(state, "mood", "radio_buttons", "3");
        element(state, "nps", "static_select").putNull("selected_option");
        element(state, "hours", "number_input").putNull("value");
        element(state, "back", "datepicker").putNull("selected_date");
        element(state, "standup", "timepicker").put("selected_time", "09:30");

        client.interaction(SlackRequests.viewSubmission("U0GIL", view, "V0EVERY2", state));

        FormSubmission submission = feature.next();
        assertThat(submission.chosen("nps")).isEmpty();
        assertThat(submission.chosen("hours")).isEmpty();
        assertThat(submission.chosen("back")).isEmpty();
        assertThat(submission.text("standup")).isEqualTo("09:30");
    }

    /** Presses the button that opens the form and returns the modal Candor asked Slack to open. */
    private static JsonNode open() throws Exception {
        int before = slack.calls("views.open").size();
        client.interaction(SlackRequests.blockAction(
                "U0GIL", EveryInput.OPEN, "", "C0GENERAL", "https://hooks.slack.com/actions/T0ACME/1/every"));
        List<Map<String, String>> calls = slack.calls("views.open");
        assertThat(calls).hasSize(before + 1);
        return Golden.parse(calls.get(calls.size() - 1).get("view"));
    }

    private static JsonNode block(JsonNode view, String id) {
        for (JsonNode block : view.path("blocks")) {
            if (id.equals(block.path("block_id").asText())) {
                return block;
            }
        }
        throw new AssertionError("no input block " + id);
    }

    private static JsonNode element(JsonNode view, String id) {
        return block(view, id).path("element");
    }

    private static ObjectNode element(ObjectNode state, String id, String type) {
        return state.putObject(id).putObject(id).put("type", type);
    }

    private static void option(ObjectNode state, String id, String type, String value) {
        ObjectNode option =
                element(state, id, type).putObject("selected_option").put("value", value);
        option.putObject("text").put("type", "plain_text").put("text", value);
    }
}
