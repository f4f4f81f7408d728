package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.org.OrganisationDao;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kudos form in Slack: {@code /kudos} alone and the "Give kudos" message shortcut open a modal with
 * {@code views.open}; its {@code view_submission} stores the kudos, shows mistakes next to their inputs, and
 * confirms in the modal.
 */
class SlackFormsTest {
    private static final String HOOK = "https://hooks.slack.com/commands/T0ACME/1/abc";
    private static SlackServer server;
    private static FakeSlack slack;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        server = new SlackServer();
        slack = server.slack;
        client = server.client;
        long orgId = server.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        CompanyValueDao values = server.jdbi().onDemand(CompanyValueDao.class);
        values.save(orgId, "ownership", "Ownership", "🦉", "We own outcomes");
        values.save(orgId, "craft", "Craft", "🛠️", "We care how it's made");
    }

    @BeforeEach
    void profiles() {
        slack.user("U0GIL", "Gil", "gil@acme.test", "Europe/Lisbon", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        slack.user("U0LI", "Li", "li@acme.test", "Asia/Shanghai", false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void opensTheKudosFormForKudosAlone() throws Exception {
        Map<String, String> command = SlackClient.slashCommand("/kudos", "", "U0GIL", "C0GENERAL");

        var response = client.postForm(command);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        Map<String, String> call = viewsOpened(command.get("trigger_id"));
        JsonNode view = Golden.parse(call.get("view"));
        Golden.assertMatches("kudos-form", view);
        SlackOrigin origin = SlackOrigin.decode(view.get("private_metadata").asText());
        assertThat(origin.where().conversationId()).isEqualTo("C0GENERAL");
        assertThat(origin.replyUrl()).isEqualTo(HOOK);
    }

    @Test
    void storesKudosFromTheFormAndConfirmsInTheModal() throws Exception {
        JsonNode view = openForm("U0MIA", "C0GENERAL", "general", HOOK);

        var response = client.interaction(SlackRequests.viewSubmission(
                "U0MIA",
                view,
                "V0FORM1",
                SlackRequests.kudosState(
                        List.of("U0ANA", "U0LI"), "thanks for untangling the release", List.of("ownership"))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = Golden.parse(response.body());
        assertThat(ack.get("response_action").asText()).isEqualTo("update");
        Golden.assertMatches("kudos-form-confirmation", ack.get("view"));
        Map<String, Object> kudos = server.rows("SELECT * FROM kudos WHERE source_key LIKE 'slack:view:V0FORM1:%'")
                .get(0);
        assertThat(kudos)
                .containsEntry("via", "form")
                .containsEntry("message", "thanks for untangling the release #ownership")
                .containsEntry("conversation_id", "C0GENERAL");
        long id = (Long) kudos.get("id");
        assertThat(server.strings("SELECT tag FROM kudos_values WHERE kudos_id = ?", id))
                .containsExactly("ownership");
        assertThat(server.strings("SELECT target FROM outbox WHERE idempotency_key = ?", "kudos:" + id + ":post"))
                .containsExactly("C0GENERAL");
        assertThat(server.strings(
                        "SELECT target FROM outbox WHERE idempotency_key LIKE ? AND target_kind = 'user'",
                        "kudos:" + id + ":%"))
                .containsExactlyInAnyOrder("U0ANA", "U0LI");
    }

    @Test
    void storesADoubleSubmittedFormOnce() throws Exception {
        JsonNode view = openForm("U0GIL", "C0GENERAL", "general", HOOK);
        ObjectNode state =
                SlackRequests.kudosState(List.of("U0ANA"), "thanks for the pairing session", List.of("craft"));

        // A double click: the same view and hash, each request with its own trigger id.
        client.interaction(SlackRequests.viewSubmission("U0GIL", view, "V0TWICE", state));
        var again = client.interaction(SlackRequests.viewSubmission("U0GIL", view, "V0TWICE", state));

        assertThat(server.count("SELECT count(*) FROM kudos WHERE source_key LIKE 'slack:view:V0TWICE:%'"))
                .isEqualTo(1);
        assertThat(server.count(
                        "SELECT count(*) FROM outbox o JOIN kudos k ON o.idempotency_key LIKE 'kudos:' || k.id || ':%'"
                                + " WHERE k.source_key LIKE 'slack:view:V0TWICE:%' AND o.target_kind = 'user'"))
                .isEqualTo(1);
        JsonNode ack = Golden.parse(again.body());
        assertThat(ack.get("response_action").asText()).isEqualTo("update");
        assertThat(ack.get("view").toString()).contains("already given");
    }

    @Test
    void showsMistakesNextToTheirInputs() throws Exception {
        JsonNode view = openForm("U0GIL", "C0GENERAL", "general", HOOK);

        JsonNode nobody = submit(view, "V0ERR1", SlackRequests.kudosState(List.of(), "thanks for the help", null));
        JsonNode tooShort = submit(view, "V0ERR2", SlackRequests.kudosState(List.of("U0ANA"), "ty", null));
        JsonNode unknownValue = submit(
                view, "V0ERR3", SlackRequests.kudosState(List.of("U0ANA"), "thanks for the help", List.of("speed")));

        assertThat(nobody.get("response_action").asText()).isEqualTo("errors");
        assertThat(nobody.get("errors").fieldNames()).toIterable().containsExactly("people");
        assertThat(tooShort.get("errors").get("message").asText()).contains("at least 10 characters");
        assertThat(unknownValue.get("errors").get("message").asText()).contains("#speed isn't one of our values");
        assertThat(server.count("SELECT count(*) FROM kudos WHERE source_key LIKE 'slack:view:V0ERR%'"))
                .isZero();
    }

    @Test
    void opensTheFormFromAMessageWithItsAuthorChosenAndItsWordsQuoted() throws Exception {
        String link = "https://acme.slack.com/archives/C0GENERAL/p1700000000000200";
        slack.permalink("C0GENERAL", "1700000000.000200", link);
        String shortcut = SlackRequests.messageAction(
                "U0GIL",
                "C0GENERAL",
                "general",
                "U0ANA",
                "1700000000.000200",
                "Shipped the billing fix &amp; wrote the <runbook>",
                "https://hooks.slack.com/actions/T0ACME/2/def");

        var response = client.interaction(shortcut);

        assertThat(response.statusCode()).isEqualTo(200);
        String trigger = Golden.parse(shortcut).get("trigger_id").asText();
        JsonNode view = Golden.parse(viewsOpened(trigger).get("view"));
        Golden.assertMatches("kudos-form-from-message", view);
        submit(view, "V0SHORT", SlackRequests.kudosState(List.of("U0ANA"), "thanks for the careful fix", null));
        Map<String, Object> kudos = server.rows("SELECT * FROM kudos WHERE source_key LIKE 'slack:view:V0SHORT:%'")
                .get(0);
        assertThat(kudos)
                .containsEntry("via", "shortcut")
                .containsEntry("source_message_id", "1700000000.000200")
                .containsEntry("source_url", link);
    }

    @Test
    void opensTheShortcutFormEvenWhenSlackHasNoLinkForTheMessage() throws Exception {
        String shortcut = SlackRequests.messageAction(
                "U0OPS", "C0GENERAL", "general", "U0LI", "1700000000.000300", "Rotated the keys", null);

        client.interaction(shortcut);

        String trigger = Golden.parse(shortcut).get("trigger_id").asText();
        JsonNode view = Golden.parse(viewsOpened(trigger).get("view"));
        submit(
                "U0OPS",
                view,
                "V0NOLINK",
                SlackRequests.kudosState(List.of("U0LI"), "thanks for rotating the keys", null));
        Map<String, Object> kudos = server.rows("SELECT * FROM kudos WHERE source_key LIKE 'slack:view:V0NOLINK:%'")
                .get(0);
        assertThat(kudos).containsEntry("source_message_id", "1700000000.000300");
        assertThat(kudos.get("source_url")).isNull();
    }

    @Test
    void postsAFormKudosInADmBetweenPeopleThroughTheResponseUrl() throws Exception {
        slack.fail("chat.postMessage", "channel=D0PEOPLE", "channel_not_found");
        JsonNode view = openForm("U0DEV", "D0PEOPLE", "directmessage", slack.responseUrl("dm-form"));

        submit(
                "U0DEV",
                view,
                "V0DM",
                SlackRequests.kudosState(List.of("U0ANA"), "thanks for covering my on-call", null));

        await("the kudos is posted through the response URL")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !slack.responses("dm-form").isEmpty());
        JsonNode posted = Golden.parse(slack.responses("dm-form").get(0));
        assertThat(posted.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(posted.get("text").asText()).contains("received kudos from").contains("covering my on-call");
        await("the DM post is marked sent")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        server.count("SELECT count(*) FROM outbox WHERE target = 'D0PEOPLE' AND status = 'sent'") == 1);
    }

    @Test
    void answersAButtonNoFeatureKnowsPolitely() throws Exception {
        var response = client.interaction(
                SlackRequests.blockAction("U0GIL", "gone.away", "42", "C0GENERAL", slack.responseUrl("gone")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Golden.parse(slack.responses("gone").get(0));
        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("replace_original").asBoolean()).isFalse();
        assertThat(answer.get("text").asText()).contains("no longer supported");
    }

    @Test
    void saysSoWhenSlackWontOpenTheForm() throws Exception {
        Map<String, String> command = SlackClient.slashCommand("/kudos", "", "U0GIL", "C0GENERAL");
        slack.fail("views.open", "trigger_id=" + command.get("trigger_id"), "expired_trigger_id");

        JsonNode ack = Golden.parse(client.postForm(command).body());

        assertThat(ack.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(ack.get("text").asText()).contains("didn't let me open the form");
    }

    @Test
    void pointsToTheSlashCommandWhenTheFormIsAskedForInADm() throws Exception {
        String dm =
                """
                {"token":"x","team_id":"T0ACME","api_app_id":"A0CANDOR","type":"event_callback",
                 "event_id":"Ev0DMFORM","event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"D0GIL","user":"U0GIL","text":"kudos",
                          "ts":"1700000000.000800","team":"T0ACME"}}""";

        client.event(dm);

        assertThat(server.strings("SELECT payload::text FROM outbox WHERE idempotency_key = 'reply:slack:Ev0DMFORM'"))
                .singleElement()
                .asString()
                .contains("type /kudos in any conversation");
    }

    private static JsonNode openForm(String userId, String channel, String channelName, String responseUrl)
            throws Exception {
        Map<String, String> command = SlackClient.slashCommand("/kudos", "", userId, channel, channelName, responseUrl);
        client.postForm(command);
        return Golden.parse(viewsOpened(command.get("trigger_id")).get("view"));
    }

    private static JsonNode submit(JsonNode view, String viewId, ObjectNode state) throws Exception {
        return submit("U0GIL", view, viewId, state);
    }

    private static JsonNode submit(String userId, JsonNode view, String viewId, ObjectNode state) throws Exception {
        var response = client.interaction(SlackRequests.viewSubmission(userId, view, viewId, state));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isEmpty() ? null : Golden.parse(response.body());
    }

    private static Map<String, String> viewsOpened(String triggerId) {
        return slack.calls("views.open").stream()
                .filter(call -> triggerId.equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no views.open with trigger " + triggerId));
    }
}
