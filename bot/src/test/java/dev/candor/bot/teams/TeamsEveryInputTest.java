package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.EveryInput;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.help.HelpHandler;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.server.Routes;
import dev.candor.bot.server.WebServer;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of form input as an Adaptive Card: opened from a button in Gil's 1:1 chat, submitted as Teams clients do
 * (the card's data with each input's value beside it, numbers included as JSON numbers), read back into neutral
 * answers; and drawn again with what was typed and the mistakes.
 */
class TeamsEveryInputTest {
    private static final EveryInput feature = new EveryInput();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static FakeBotFramework microsoft;
    private static Database database;
    private static WebServer server;

    @BeforeAll
    static void start() {
        microsoft = new FakeBotFramework();
        database = TestDatabase.fresh();
        TeamsModule teams = new TeamsModule(
                TeamsServer.config(microsoft.metadataUrl()).teams(),
                new FixedTokenCredentials(TeamsServer.APP_ID, TeamsServer.OUTBOUND_TOKEN));
        PeopleDirectory directory = new PeopleDirectory(database.jdbi(), Map.of(), Runnable::run);
        ConversationRouter router = ConversationRouter.builder(new HelpHandler())
                .actions("sample", feature)
                .forms("sample", feature)
                .build();
        Routes routes =
                new Routes(Routes.notConfigured("no Slack"), teams.endpoint(database.jdbi(), directory, router));
        server = new WebServer(routes, database, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
        microsoft.close();
    }

    @BeforeEach
    void reset() {
        microsoft.reset();
    }

    @Test
    void rendersEveryInputNativelyOnTheCard() throws Exception {
        JsonNode card = open();

        Goldens.assertMatches("every-input-form.json", card);
        assertThat(Cards.input(card, "workload").path("style").asText()).isEqualTo("expanded");
        assertThat(Cards.input(card, "workload").path("choices").findValuesAsText("title"))
                .containsExactly("1 — Not at all", "2", "3", "4", "5 — Completely");
        assertThat(Cards.input(card, "blocked").path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(Cards.input(card, "hours").path("max").asInt()).isEqualTo(80);
        assertThat(Cards.input(card, "standup").path("errorMessage").asText()).isEqualTo("Please pick a time.");
    }

    @Test
    void readsEveryAnswerAsNeutralText() throws Exception {
        ObjectNode filledIn = Cards.filledIn(
                open(),
                Map.of(
                        "mood", "4",
                        "workload", "2",
                        "nps", "9",
                        "back", "2026-12-24",
                        "standup", "10:15",
                        "blocked", "no",
                        "notes", "All good",
                        "focus", "build,learn"));
        // Some Teams clients send an Input.Number's value as a JSON number.
        filledIn.put("hours", 12.5);

        post(TestActivity.cardSubmit(microsoft.serviceUrl(), "every-card-1", filledIn));

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
        ObjectNode filledIn = Cards.filledIn(
                open(), Map.of("mood", "3", "hours", "", "back", "", "standup", "09:30", "blocked", "yes"));

        post(TestActivity.cardSubmit(microsoft.serviceUrl(), "every-card-2", filledIn));

        FormSubmission submission = feature.next();
        assertThat(submission.chosen("nps")).isEmpty();
        assertThat(submission.chosen("hours")).isEmpty();
        assertThat(submission.chosen("back")).isEmpty();
        assertThat(submission.text("blocked")).isEqualTo("yes");
    }

    @Test
    void drawsTheFormAgainWithWhatWasTypedAndTheMistakes() throws Exception {
        TeamsFormCard.Draft draft = new TeamsFormCard.Draft(
                EveryInput.form(),
                Map.of("mood", "2", "hours", "90", "back", "2026-12-24", "standup", "10:15", "blocked", "no"),
                Map.of("hours", "At most 80 hours, please.", "round", "This check-in closed an hour ago."));

        ObjectNode card = TeamsFormCard.card(
                draft,
                TeamsFormCard.Surface.PERSONAL_CHAT,
                new TeamsFormCard.People(new Mention("29:gil", "Gil Giver"), person -> null));

        // As sent: the form in the submit data is JSON text to Teams.
        Goldens.assertMatches("every-input-form-errors.json", Cards.json(card.toString()));
        assertThat(Cards.input(card, "hours").path("value").isNumber()).isTrue();
        assertThat(card.toString()).contains("At most 80 hours, please.", "This check-in closed an hour ago.");
    }

    /** Presses the button that opens the form; Candor answers with the form card in the conversation. */
    private static JsonNode open() throws Exception {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("action", EveryInput.OPEN);
        post(TestActivity.cardSubmit(microsoft.serviceUrl(), "opener-card", data));
        List<LoggedRequest> replies = microsoft.replies();
        assertThat(replies).hasSize(1);
        microsoft.reset();
        return Cards.of(replies.get(0));
    }

    private static void post(TestActivity activity) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.valid(TeamsServer.APP_ID, microsoft.serviceUrl()))
                .POST(HttpRequest.BodyPublishers.ofString(activity.json()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(200, 299);
    }
}
