package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What feature tests do in Slack, as people do it: slash commands, button presses, forms opened and submitted, all
 * signed as Slack signs them; and what they read back from the fake Slack: the forms Candor opened and the DMs it
 * posted.
 */
final class SlackChat {
    private static final ObjectMapper json = new ObjectMapper();

    private final FakeSlack slack;
    private final SlackClient client;
    private final java.time.Clock clock;

    SlackChat(FakeSlack slack, SlackClient client, Instant now) {
        this(slack, client, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    /** Requests signed at the clock's time, for a test that moves it. */
    SlackChat(FakeSlack slack, SlackClient client, java.time.Clock clock) {
        this.slack = slack;
        this.client = client;
        this.clock = clock;
    }

    /** A slash command's answer, and its trigger id (for a form it opens). */
    record Command(JsonNode body, String trigger) {}

    /** {@code /word text} from {@code user} in a channel; its later responses go to the response URL "word". */
    Command command(String word, String text, String user) throws Exception {
        Map<String, String> form =
                SlackClient.slashCommand("/" + word, text, user, "C0TEAM", "team", slack.responseUrl(word));
        return new Command(post(form), form.get("trigger_id"));
    }

    /** A slash command's form posted as it is (twice, for a retried delivery); its answer. */
    JsonNode post(Map<String, String> form) throws Exception {
        HttpResponse<String> response = signed(SlackClient.formBody(form));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isBlank() ? json.createObjectNode() : Golden.parse(response.body());
    }

    /** Presses a button under the user's DM; returns the trigger id (for a form it opens). */
    String press(String user, String action, String value, String responses) throws Exception {
        String payload =
                SlackRequests.blockAction(user, action, value, "D0" + user.substring(2), slack.responseUrl(responses));
        assertThat(signed(SlackClient.formBody(Map.of("payload", payload))).statusCode())
                .isEqualTo(200);
        return Golden.parse(payload).get("trigger_id").asText();
    }

    HttpResponse<String> signed(String body) throws Exception {
        return client.post(
                body, "application/x-www-form-urlencoded", clock.instant().getEpochSecond(), Map.of());
    }

    JsonNode openedView(String trigger) throws Exception {
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

    JsonNode submitAs(String user, JsonNode view, Map<String, String> changes) throws Exception {
        String payload =
                SlackRequests.viewSubmission(user, view, "V0" + System.nanoTime(), ModalState.of(view, changes));
        HttpResponse<String> response = signed(SlackClient.formBody(Map.of("payload", payload)));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isBlank() ? json.createObjectNode() : Golden.parse(response.body());
    }

    /** Closes the modal unsent, as {@code user} would with the close button, with these values typed. */
    void closeAs(String user, JsonNode view, Map<String, String> changes) throws Exception {
        String payload = SlackRequests.viewClosed(user, view, "V0" + System.nanoTime(), ModalState.of(view, changes));
        HttpResponse<String> response = signed(SlackClient.formBody(Map.of("payload", payload)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The first DM posted in this channel whose text or blocks contain {@code words}, as text and blocks. */
    JsonNode awaitDm(String channel, String words) throws Exception {
        await("a DM in " + channel + " saying " + words)
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> dmTexts(channel).stream().anyMatch(text -> text.contains(words)));
        Map<String, String> call = slack.calls("chat.postMessage").stream()
                .filter(posted -> channel.equals(posted.get("channel"))
                        && (posted.get("text") + posted.get("blocks")).contains(words))
                .findFirst()
                .orElseThrow();
        return json.createObjectNode().put("text", call.get("text")).set("blocks", Golden.parse(call.get("blocks")));
    }

    /** Every DM posted in this channel: its text, blocks and metadata. */
    List<String> dmTexts(String channel) {
        return slack.calls("chat.postMessage").stream()
                .filter(posted -> channel.equals(posted.get("channel")))
                .map(posted -> posted.get("text") + " " + posted.get("blocks") + " " + posted.get("metadata"))
                .toList();
    }
}
