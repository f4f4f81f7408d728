package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text PostgreSQL can't store (NUL, lone surrogates) arriving on every Slack path is stored cleaned; text it can
 * (right-to-left marks, emoji, combining marks) is stored as typed; nothing answers 500.
 */
class SlackHostileTextTest {
    private static final String KEPT = "\u202Bשלום\u202C 👋🏽 e\u0301";
    private static SlackServer server;

    @BeforeAll
    static void start() {
        server = new SlackServer();
        server.slack.user("U0ANA", "Ana", "ana@acme.test", "UTC", false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void storesACommandsTextWithoutNul() throws Exception {
        var response = server.client.command("/kudos", "<@U0ANA> thanks\u0000 for the review " + KEPT, "U0CMD");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Kudos to");
        assertThat(messagesOf("U0CMD")).containsExactly("thanks for the review " + KEPT);
        assertThat(server.strings("SELECT payload::text FROM outbox WHERE payload::text LIKE '%review%'"))
                .allSatisfy(payload -> assertThat(payload).doesNotContain("\\u0000"));
    }

    @Test
    void storesFormAnswersWithoutNulAndWithLoneSurrogatesReplaced() throws Exception {
        JsonNode view = openForm("U0FORM");
        var response = server.client.interaction(loneSurrogateEscaped(SlackRequests.viewSubmission(
                "U0FORM",
                view,
                "V0NUL",
                SlackRequests.kudosState(List.of("U0ANA"), "thanks\u0000 for the \uDC4B fix " + KEPT, null))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messagesOf("U0FORM")).containsExactly("thanks for the \uFFFD fix " + KEPT);
    }

    @Test
    void storesADirectMessageWithoutNulAndWithLoneSurrogatesReplaced() throws Exception {
        var response = server.client.event(
                loneSurrogateEscaped(dm("Ev0NULDM", "U0DM", "kudos <@U0ANA> thanks\u0000 for \uDC4B pairing " + KEPT)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(messagesOf("U0DM")).containsExactly("thanks for \uFFFD pairing " + KEPT);
    }

    @Test
    void opensTheShortcutFormForAMessageWithNul() throws Exception {
        String shortcut = SlackRequests.messageAction(
                "U0SHORT", "C0GENERAL", "general", "U0ANA", "1700000000.000900", "shipped\u0000 it \uD83D", null);

        var response = server.client.interaction(shortcut);

        assertThat(response.statusCode()).isEqualTo(200);
        String trigger = Golden.parse(shortcut).get("trigger_id").asText();
        assertThat(server.slack.calls("views.open"))
                .filteredOn(call -> trigger.equals(call.get("trigger_id")))
                .singleElement()
                .satisfies(call ->
                        assertThat(call.get("view")).contains("shipped it").doesNotContain("\\u0000"));
    }

    @Test
    void acknowledgesAReactionWhoseNameHasNul() throws Exception {
        var response = server.client.event(SlackRequests.reaction(
                "Ev0NULREACT", true, "U0REACT", "cl\u0000ap", "C0GENERAL", "1700000000.000950", "U0ANA"));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void storesAProfileNameWithoutNulAndWithLoneSurrogatesReplaced() throws Exception {
        server.slack.user("U0NULNAME", "Nul\\u0000Name \\ud83d", null, "UTC", false);

        var response = server.client.command("/kudos", "<@U0NULNAME> thanks for the review", "U0PROFILE");

        assertThat(response.body()).contains("Kudos to");
        assertThat(server.strings("SELECT p.name FROM people p JOIN platform_identities i ON i.person_id = p.id"
                        + " WHERE i.platform_user_id = 'U0NULNAME'"))
                .containsExactly("NulName \uFFFD");
    }

    @Test
    void answersAHundredKilobyteCommandWithoutFailing() throws Exception {
        var response = server.client.command("/kudos", "<@U0ANA> " + "thanks\u0000 ".repeat(14_000), "U0LONG");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Kudos to");
        assertThat(messagesOf("U0LONG"))
                .singleElement()
                .satisfies(text -> assertThat(text).startsWith("thanks thanks").doesNotContain("\u0000"));
    }

    /**
     * A lone surrogate has no UTF-8 form, so the only way it reaches Candor is as a JSON escape; Jackson writes it
     * raw (the client would then send "?"), so it is escaped here.
     */
    static String loneSurrogateEscaped(String json) {
        return json.replace("\uDC4B", "\\udc4b").replace("\uD83D", "\\ud83d");
    }

    private static List<String> messagesOf(String giver) {
        return server.strings(
                "SELECT k.message FROM kudos k JOIN platform_identities i ON i.person_id = k.giver_id"
                        + " WHERE i.platform_user_id = ? ORDER BY k.id",
                giver);
    }

    static String dm(String eventId, String user, String text) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var event = json.createObjectNode()
                .put("type", "message")
                .put("channel_type", "im")
                .put("channel", "D0" + user)
                .put("user", user)
                .put("text", text)
                .put("ts", "1700000000.000300")
                .put("team", SlackRequests.TEAM);
        var payload = json.createObjectNode()
                .put("token", "x")
                .put("team_id", SlackRequests.TEAM)
                .put("api_app_id", "A0CANDOR")
                .put("type", "event_callback")
                .put("event_id", eventId)
                .put("event_time", 1700000000);
        payload.set("event", event);
        return payload.toString();
    }

    private static JsonNode openForm(String userId) throws Exception {
        Map<String, String> command = SlackClient.slashCommand("/kudos", "", userId, "C0GENERAL");
        server.client.postForm(command);
        return Golden.parse(server.slack.calls("views.open").stream()
                .filter(call -> command.get("trigger_id").equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow()
                .get("view"));
    }
}
