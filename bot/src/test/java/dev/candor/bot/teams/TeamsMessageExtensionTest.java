package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Give kudos" on someone's message, Teams' counterpart of Slack's message shortcut: the message extension's action
 * opens a dialog with the kudos form ({@code composeExtension/fetchTask}), whose submit
 * ({@code composeExtension/submitAction}) gives the kudos or shows the form again with what is wrong.
 */
class TeamsMessageExtensionTest {
    private static final String GIL_AAD = "3d5e7f90-0000-4b1c-9d2e-0000000000a0";
    private static final String ANA_AAD = "3d5e7f90-0000-4b1c-9d2e-0000000000a1";
    private static final String CHANNEL = "19:launch@thread.tacv2;messageid=1700000000300";
    private static final String LINK = "https://teams.microsoft.com/l/message/19:launch@thread.tacv2/1700000000301";

    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer();
        teams.post(message("help")
                .from("29:ana", "Ana Lopez", ANA_AAD)
                .inPersonalChat("a:dm-ana")
                .json());
        teams.post(message("help").json());
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
    void opensTheFormWithTheAuthorChosenAndTheMessageQuoted() throws Exception {
        var response = teams.post(fetchTask(ANA_AAD, "Ana Lopez").json());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode task = Cards.json(response.body()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("continue");
        assertThat(task.path("value").path("title").asText()).isEqualTo("Give kudos");
        JsonNode attachment = task.path("value").path("card");
        assertThat(attachment.path("contentType").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        JsonNode card = attachment.path("content");
        assertThat(Cards.input(card, "people").path("value").asText()).isEqualTo(ANA_AAD);
        assertThat(Cards.input(card, "people")
                        .path("choices.data")
                        .path("dataset")
                        .asText())
                .isEqualTo("graph.microsoft.com/users");
        assertThat(card.path("body").toString()).contains("Shipped the launch checklist & the runbook");
        assertThat(card.path("actions").get(0).path("data").path("context").asText())
                .isEqualTo("1700000000301|" + LINK);
        assertThat(teams.microsoft.connectorCalls()).isEmpty();
    }

    @Test
    void choosesNobodyOnYourOwnMessage() throws Exception {
        var response = teams.post(fetchTask(GIL_AAD, "Gil Giver").json());

        JsonNode card = Cards.json(response.body())
                .path("task")
                .path("value")
                .path("card")
                .path("content");
        assertThat(Cards.input(card, "people").has("value")).isFalse();
    }

    @Test
    void storesTheKudosClosesTheDialogAndConfirmsInThePersonalChat() throws Exception {
        JsonNode card = formFor(ANA_AAD, "Ana Lopez");
        ObjectNode submitted = submitAction(card, Map.of("people", ANA_AAD, "message", "thanks for the runbook"));

        var response = teams.post(submitted.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Cards.json(response.body()).has("task")).isFalse();
        Map<String, Object> kudos = Rows.one(
                teams.jdbi(),
                "SELECT id, via, source_message_id, source_url, conversation_id FROM kudos"
                        + " WHERE message = 'thanks for the runbook'");
        assertThat(kudos)
                .containsEntry("via", "shortcut")
                .containsEntry("source_message_id", "1700000000301")
                .containsEntry("source_url", LINK)
                .containsEntry("conversation_id", CHANNEL);
        long kudosId = ((Number) kudos.get("id")).longValue();
        assertThat(Rows.outboxOf(teams.jdbi(), kudosId)).containsExactly("conversation " + CHANNEL, "user 29:ana");
        List<LoggedRequest> confirmations = Cards.saying(teams.microsoft.sends(), "kudos left");
        assertThat(confirmations).hasSize(1);
        assertThat(FakeBotFramework.path(confirmations.get(0))).isEqualTo("/v3/conversations/a:dm-gil/activities");

        // Teams sends the submit again when no answer came within five seconds.
        teams.post(submitAction(card, Map.of("people", ANA_AAD, "message", "thanks for the runbook"))
                .toString());

        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE message = 'thanks for the runbook'"))
                .isEqualTo(1);
    }

    @Test
    void showsTheFormAgainWithWhatIsWrong() throws Exception {
        JsonNode card = formFor(ANA_AAD, "Ana Lopez");

        var response = teams.post(submitAction(card, Map.of("people", GIL_AAD, "message", "for being me"))
                .toString());

        JsonNode task = Cards.json(response.body()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("continue");
        JsonNode again = task.path("value").path("card").path("content");
        assertThat(again.path("body").toString()).contains("You can't give kudos to yourself");
        assertThat(Cards.input(again, "message").path("value").asText()).isEqualTo("for being me");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE message = 'for being me'"))
                .isZero();
    }

    @Test
    void leavesInvokesCandorDoesNotHandleToTheSdksNotImplemented() throws Exception {
        ObjectNode query = JsonNodeFactory.instance.objectNode().put("commandId", "search");

        var response = teams.post(TestActivity.invoke(teams.microsoft.serviceUrl(), "composeExtension/query", query)
                .json());

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(teams.microsoft.connectorCalls()).isEmpty();
    }

    @Test
    void saysSoWhenADialogSubmitCarriesNoForm() throws Exception {
        ObjectNode value = JsonNodeFactory.instance.objectNode().put("commandId", "kudos.give_from_message");
        value.putObject("data").put("message", "hello");

        var response =
                teams.post(TestActivity.invoke(teams.microsoft.serviceUrl(), "composeExtension/submitAction", value)
                        .json());

        JsonNode task = Cards.json(response.body()).path("task");
        assertThat(task.path("type").asText()).isEqualTo("message");
        assertThat(task.path("value").asText()).contains("no longer supported");
    }

    private static JsonNode formFor(String authorObjectId, String author) throws Exception {
        var response = teams.post(fetchTask(authorObjectId, author).json());
        teams.microsoft.reset();
        return Cards.json(response.body())
                .path("task")
                .path("value")
                .path("card")
                .path("content");
    }

    /** The action on a message in a channel thread, as Teams sends it. */
    private static TestActivity fetchTask(String authorObjectId, String author) {
        ObjectNode value = JsonNodeFactory.instance
                .objectNode()
                .put("commandId", "kudos.give_from_message")
                .put("commandContext", "message");
        value.putObject("context").put("theme", "default");
        ObjectNode payload = value.putObject("messagePayload")
                .put("id", "1700000000301")
                .put("messageType", "message")
                .put("linkToMessage", LINK);
        payload.putObject("from")
                .putObject("user")
                .put("userIdentityType", "aadUser")
                .put("id", authorObjectId)
                .put("displayName", author);
        payload.putObject("body")
                .put("contentType", "html")
                .put("content", "<p>Shipped the launch checklist &amp; the <b>runbook</b></p>");
        return TestActivity.invoke(teams.microsoft.serviceUrl(), "composeExtension/fetchTask", value)
                .from("29:gil", "Gil Giver", GIL_AAD)
                .inChannel(CHANNEL);
    }

    private static ObjectNode submitAction(JsonNode card, Map<String, String> inputs) {
        ObjectNode value = JsonNodeFactory.instance
                .objectNode()
                .put("commandId", "kudos.give_from_message")
                .put("commandContext", "message");
        value.set("data", Cards.filledIn(card, inputs));
        String json = TestActivity.invoke(teams.microsoft.serviceUrl(), "composeExtension/submitAction", value)
                .from("29:gil", "Gil Giver", GIL_AAD)
                .inChannel(CHANNEL)
                .json();
        return (ObjectNode) Cards.json(json);
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text).from("29:gil", "Gil Giver", GIL_AAD);
    }
}
