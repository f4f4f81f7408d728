package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.HomeOpened;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Slack paths no shipped feature uses yet (buttons, updates, forms from buttons, App Home), exercised through
 * the real Slack module and web server with a small "demo" feature registered on the neutral router.
 */
class SlackAdapterPathsTest {
    private static final FakeSlack slack = new FakeSlack();
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
                .actions("demo", SlackAdapterPathsTest::button)
                .forms("demo", SlackAdapterPathsTest::submitted)
                .home(SlackAdapterPathsTest::home)
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
    void answersAButtonPrivatelyThroughTheResponseUrl() throws Exception {
        var response = client.interaction(
                SlackRequests.blockAction("U0GIL", "demo.ping", "private", "C0GENERAL", slack.responseUrl("private")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Golden.parse(slack.responses("private").get(0));
        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("replace_original").asBoolean()).isFalse();
        assertThat(answer.get("text").asText()).isEqualTo("Only you see this: U0GIL's button on 1700000000.000500");
    }

    @Test
    void replacesTheMessageWhoseButtonWasPressed() throws Exception {
        client.interaction(
                SlackRequests.blockAction("U0GIL", "demo.ping", "update", "C0GENERAL", slack.responseUrl("update")));

        JsonNode answer = Golden.parse(slack.responses("update").get(0));
        assertThat(answer.get("replace_original").asBoolean()).isTrue();
        assertThat(answer.has("response_type")).isFalse();
        assertThat(answer.get("blocks").get(0).get("text").get("text").asText()).isEqualTo("*Done* in C0GENERAL");
    }

    @Test
    void opensAFormFromAButtonWithItsTriggerId() throws Exception {
        String click = SlackRequests.blockAction("U0GIL", "demo.ping", "form", "C0GENERAL", slack.responseUrl("form"));

        client.interaction(click);

        String trigger = Golden.parse(click).get("trigger_id").asText();
        Map<String, String> call = slack.calls("views.open").stream()
                .filter(open -> trigger.equals(open.get("trigger_id")))
                .findFirst()
                .orElseThrow();
        JsonNode view = Golden.parse(call.get("view"));
        assertThat(view.get("callback_id").asText()).isEqualTo("demo.edit");
        assertThat(SlackOrigin.decode(view.get("private_metadata").asText()).context())
                .isEqualTo("1700000000.000500");
        JsonNode choice = view.get("blocks").get(1).get("element");
        assertThat(choice.get("type").asText()).isEqualTo("static_select");
        assertThat(choice.get("initial_option").get("value").asText()).isEqualTo("weekly");
        assertThat(slack.responses("form")).isEmpty();
    }

    @Test
    void closesTheModalWhenTheFeatureHasNothingToSayAndPlacesStrayErrorsOnAnInput() throws Exception {
        JsonNode view = Golden.parse(GsonFactory.createSnakeCase()
                .toJson(SlackViews.modal(form("ctx"), new SlackOrigin(null, "ctx", null))));

        var fine = client.interaction(SlackRequests.viewSubmission("U0GIL", view, "V0DEMO1", text("title", "ok")));
        var stray = client.interaction(SlackRequests.viewSubmission("U0GIL", view, "V0DEMO2", text("title", "bad")));

        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).isEmpty();
        JsonNode errors = Golden.parse(stray.body());
        assertThat(errors.get("response_action").asText()).isEqualTo("errors");
        assertThat(errors.get("errors").get("title").asText()).isEqualTo("The schedule is taken.");
    }

    @Test
    void publishesTheHomeViewTheFeatureAnswersWithWithinSlacksLimit() throws Exception {
        var opened = client.event(SlackRequests.homeOpened("Ev0HOMEDEMO", "U0BIG", "home"));

        assertThat(opened.statusCode()).isEqualTo(200);
        Map<String, String> call = slack.calls("views.publish").stream()
                .filter(publish -> "U0BIG".equals(publish.get("user_id")))
                .findFirst()
                .orElseThrow();
        JsonNode view = Golden.parse(call.get("view"));
        assertThat(view.get("type").asText()).isEqualTo("home");
        assertThat(view.get("blocks")).hasSize(SlackViews.MAX_VIEW_BLOCKS);
        assertThat(view.get("blocks").get(0).get("text").get("text").asText()).isEqualTo("Home of U0BIG");
    }

    private static Reply button(Action action) {
        return switch (action.value()) {
            case "private" ->
                Reply.privately(
                        "Only you see this: " + action.actor().platformUserId() + "'s button on " + action.messageId());
            case "update" ->
                new Reply.Update(Message.of(Text.builder()
                        .strong("Done")
                        .plain(" in " + action.where().conversationId())
                        .build()));
            case "form" -> Reply.form(form(action.messageId()));
            default -> Reply.none();
        };
    }

    private static Reply submitted(FormSubmission submission) {
        return submission.text("title").equals("bad")
                ? new Reply.FormErrors(Map.of("elsewhere", "The schedule is taken."))
                : Reply.none();
    }

    private static Reply home(HomeOpened opened) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            blocks.add(new Block.Section(
                    Text.of(i == 0 ? "Home of " + opened.actor().platformUserId() : "line " + i)));
        }
        return new Reply.Home(new Message("Home", blocks));
    }

    private static Form form(String context) {
        return new Form(
                "demo.edit",
                "Edit the demo",
                "Save",
                List.of(),
                List.of(
                        new Form.TextInput("title", "Title", null, false, true, "Weekly demo", 80),
                        new Form.ChoiceInput(
                                "schedule",
                                "How often?",
                                List.of(new Form.Choice("weekly", "Weekly"), new Form.Choice("monthly", "Monthly")),
                                false,
                                false,
                                List.of("weekly"))),
                context);
    }

    private static ObjectNode text(String blockId, String value) {
        ObjectNode state = new ObjectMapper().createObjectNode();
        state.putObject(blockId)
                .putObject(blockId)
                .put("type", "plain_text_input")
                .put("value", value);
        return state;
    }
}
