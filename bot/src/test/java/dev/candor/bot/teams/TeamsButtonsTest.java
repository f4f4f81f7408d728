package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
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
 * Buttons on Candor's cards ({@code Action.Submit} and {@code Action.Execute}) for a feature that answers with
 * {@link Reply.Update}: Teams replaces the card the button was on. No feature of Candor's uses buttons yet, so this
 * test routes them to a small poll of its own, behind the real endpoint, adapter and Bot Connector client.
 */
class TeamsButtonsTest {
    private static final String CHANNEL = "19:polls@thread.tacv2;messageid=1700000000500";

    private static FakeBotFramework microsoft;
    private static Database database;
    private static WebServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        microsoft = new FakeBotFramework();
        database = TestDatabase.fresh();
        TeamsModule teams = new TeamsModule(
                TeamsServer.config(microsoft.metadataUrl()).teams(),
                new FixedTokenCredentials(TeamsServer.APP_ID, TeamsServer.OUTBOUND_TOKEN));
        PeopleDirectory directory = new PeopleDirectory(database.jdbi(), Map.of(), Runnable::run);
        ConversationRouter router = ConversationRouter.builder(new HelpHandler())
                .actions("poll", TeamsButtonsTest::vote)
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

    private static Reply vote(Action action) {
        return new Reply.Update(
                Message.of(action.actor().name() + " voted " + action.value() + " on " + action.messageId()));
    }

    @Test
    void aButtonReplacesTheCardItWasOn() throws Exception {
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("action", "poll.vote").put("value", "yes");

        post(TestActivity.cardSubmit(microsoft.serviceUrl(), "poll-card-1", data)
                .inChannel(CHANNEL));

        List<LoggedRequest> updates = microsoft.updates();
        assertThat(updates).hasSize(1);
        assertThat(FakeBotFramework.path(updates.get(0)))
                .isEqualTo("/v3/conversations/" + CHANNEL + "/activities/poll-card-1");
        assertThat(Cards.of(updates.get(0)).path("body").toString()).contains("Gil Giver voted yes on poll-card-1");
        assertThat(microsoft.replies()).isEmpty();
    }

    @Test
    void anExecuteButtonGetsTheNewCardInItsResponse() throws Exception {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("action")
                .put("type", "Action.Execute")
                .put("verb", "poll.vote")
                .putObject("data")
                .put("value", "no");
        TestActivity execute = TestActivity.invoke(microsoft.serviceUrl(), "adaptiveCard/action", value)
                .with("replyToId", "poll-card-2")
                .inChannel(CHANNEL);

        HttpResponse<String> response = post(execute);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Cards.json(response.body());
        assertThat(body.path("type").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        assertThat(body.path("value").path("body").toString()).contains("Gil Giver voted no on poll-card-2");
        assertThat(microsoft.connectorCalls()).isEmpty();
    }

    private static HttpResponse<String> post(TestActivity activity) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.valid(TeamsServer.APP_ID, microsoft.serviceUrl()))
                .POST(HttpRequest.BodyPublishers.ofString(activity.json()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
