package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversations with Candor in Teams, from a signed activity to the database and the reply at the Bot Connector. */
class TeamsBotTest {
    private static TeamsServer teams;

    @BeforeAll
    static void start() {
        teams = new TeamsServer();
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

    private TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text);
    }

    @Test
    void storesKudosGivenInAChannelAndConfirmsInThePersonalChat() throws Exception {
        TestActivity activity = message(
                        "<at>Candor</at> kudos <at>Ana Lopez</at> <at>Li</at> thanks for the demo" + " #ownership")
                .from("29:pia", "Pia Giver", "aad-pia")
                .inChannel("19:general@thread.tacv2;messageid=1700000000999")
                .mentionCandor()
                .mention("29:ana", "Ana Lopez")
                .mention("29:li", "Li");

        var response = teams.post(activity.json());

        assertThat(response.statusCode()).isEqualTo(202);
        Map<String, Object> kudos = Rows.one(
                teams.jdbi(),
                "SELECT k.id, k.message, k.conversation_id, p.name AS giver FROM kudos k"
                        + " JOIN people p ON p.id = k.giver_id WHERE k.source_key = ?",
                "teams:activity:" + activity.id());
        assertThat(kudos)
                .containsEntry("message", "thanks for the demo #ownership")
                .containsEntry("giver", "Pia Giver")
                .containsEntry("conversation_id", "19:general@thread.tacv2;messageid=1700000000999");
        long kudosId = ((Number) kudos.get("id")).longValue();
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT i.platform_user_id FROM kudos_recipients r JOIN platform_identities i"
                                + " ON i.person_id = r.person_id WHERE r.kudos_id = ? ORDER BY 1",
                        kudosId))
                .containsExactly("29:ana", "29:li");
        assertThat(Rows.strings(teams.jdbi(), "SELECT tag FROM kudos_values WHERE kudos_id = ?", kudosId))
                .containsExactly("ownership");
        assertThat(Rows.outboxOf(teams.jdbi(), kudosId))
                .containsExactly(
                        "conversation 19:general@thread.tacv2;messageid=1700000000999", "user 29:ana", "user 29:li");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT payload::text FROM outbox WHERE idempotency_key = ?",
                        "kudos:" + kudosId + ":post"))
                .singleElement()
                .asString()
                .contains("received kudos from")
                .contains("29:pia")
                .contains("thanks for the demo #ownership");

        // Teams has no ephemeral messages: what is for Pia alone goes to her 1:1 chat with Candor, not the thread.
        assertThat(teams.microsoft.replies()).isEmpty();
        JsonNode created = FakeBotFramework.json(chatOpenedWith("29:pia"));
        assertThat(created.path("isGroup").asBoolean()).isFalse();
        assertThat(created.path("tenantId").asText()).isEqualTo(TestActivity.TENANT);
        assertThat(created.path("bot").path("id").asText()).isEqualTo(TeamsServer.BOT_ID);
        LoggedRequest confirmation = onlyOne(Cards.saying(teams.microsoft.sends(), "kudos left"));
        assertThat(FakeBotFramework.path(confirmation)).isEqualTo("/v3/conversations/a:chat-29:pia/activities");
        assertThat(confirmation.getHeader("Authorization")).isEqualTo("Bearer " + TeamsServer.OUTBOUND_TOKEN);
        JsonNode body = FakeBotFramework.json(confirmation);
        assertThat(body.path("summary").asText()).contains("Ana Lopez", "Li", "kudos left today");
        JsonNode card = card(body);
        assertThat(card.path("body").toString())
                .contains("Kudos to <at>Ana Lopez</at> and <at>Li</at>")
                .containsPattern("You have \\d of 5 kudos left today");
        assertThat(card.path("msteams").path("entities").findValuesAsText("id")).containsExactly("29:ana", "29:li");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT c.conversation_id FROM conversation_refs c JOIN platform_identities i"
                                + " ON i.person_id = c.person_id WHERE c.kind = 'dm' AND i.platform_user_id = ?",
                        "29:pia"))
                .containsExactly("a:chat-29:pia");
    }

    @Test
    void saysPrivateThingsInTheThreadWhenThePersonalChatCannotBeOpened() throws Exception {
        teams.microsoft.failNewChats(403);
        TestActivity activity = message("kudos <at>Quinn</at> for being great")
                .from("29:quinn", "Quinn", "aad-quinn")
                .inChannel("19:general@thread.tacv2;messageid=1700000000998")
                .mention("29:quinn", "Quinn");

        teams.post(activity.json());

        assertThat(chatOpenedWith("29:quinn")).isNotNull();
        assertThat(cardText(onlyReply())).contains("You can't give kudos to yourself");
    }

    @Test
    void remembersWhereItCanSpeakAndWhatItLearntAboutTheSender() throws Exception {
        TestActivity activity =
                message("help").from("29:rita", "Rita", "aad-rita").inPersonalChat("a:dm-rita");

        teams.post(activity.json());
        Instant firstSave = savedAt("a:dm-rita");
        teams.post(message("help again")
                .from("29:rita", "Rita", "aad-rita")
                .inPersonalChat("a:dm-rita")
                .json());

        Map<String, Object> stored = Rows.one(
                teams.jdbi(),
                "SELECT c.kind, c.reference::text AS reference, p.name, p.timezone FROM conversation_refs c"
                        + " JOIN people p ON p.id = c.person_id WHERE c.conversation_id = ?",
                "a:dm-rita");
        assertThat(stored).containsEntry("kind", "dm").containsEntry("name", "Rita");
        assertThat(stored).containsEntry("timezone", "Europe/Berlin");
        JsonNode reference = new ObjectMapper().readTree((String) stored.get("reference"));
        assertThat(reference.path("serviceUrl").asText()).isEqualTo(teams.microsoft.serviceUrl());
        assertThat(reference.path("user").path("id").asText()).isEqualTo("29:rita");
        assertThat(reference.path("bot").path("id").asText()).isEqualTo(TeamsServer.BOT_ID);
        assertThat(reference.path("conversation").path("tenantId").asText()).isEqualTo(TestActivity.TENANT);
        assertThat(reference.has("activityId")).isFalse();
        // The second message changed nothing Candor keeps, so the row was not written again.
        assertThat(savedAt("a:dm-rita")).isEqualTo(firstSave);
    }

    @Test
    void refusesKudosToYourself() throws Exception {
        TestActivity activity =
                message("kudos <at>Gil Giver</at> for being great").mention("29:gil", "Gil Giver");

        teams.post(activity.json());

        assertThat(cardText(onlyReply())).contains("You can't give kudos to yourself");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE source_key = ?", key(activity)))
                .isZero();
    }

    @Test
    void explainsHowToGiveKudosWhenNobodyIsNamed() throws Exception {
        TestActivity activity =
                message("<at>Candor</at> kudos thanks everyone!").mentionCandor();

        teams.post(activity.json());

        assertThat(cardText(onlyReply())).contains("Give kudos").contains("@Candor kudos @ana @li");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE source_key = ?", key(activity)))
                .isZero();
    }

    @Test
    void readsHtmlAndEntitiesTeamsPutsInTheText() throws Exception {
        TestActivity activity = message(
                        "<p><at>Candor</at>&nbsp;kudos&nbsp;<at>Ana Lopez</at> for fixing" + " R&amp;D&#39;s build</p>")
                .mentionCandor()
                .mention("29:ana", "Ana Lopez");

        teams.post(activity.json());

        assertThat(Rows.strings(teams.jdbi(), "SELECT message FROM kudos WHERE source_key = ?", key(activity)))
                .containsExactly("for fixing R&D's build");
    }

    @Test
    void answersInTheResponseWhenRepliesAreExpected() throws Exception {
        TestActivity activity = message("help").with("deliveryMode", "expectReplies");

        var response = teams.post(activity.json());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode activities = new ObjectMapper().readTree(response.body()).path("activities");
        assertThat(activities).hasSize(1);
        JsonNode attachment = activities.get(0).path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        assertThat(attachment.path("content").path("body").toString())
                .contains("recognition and feedback", "@Candor kudos");
        assertThat(teams.microsoft.connectorCalls()).isEmpty();
    }

    @Test
    void welcomesOnlyWhenCandorItselfIsAdded() throws Exception {
        String serviceUrl = teams.microsoft.serviceUrl();

        teams.post(TestActivity.conversationUpdate(serviceUrl, "29:newcomer").json());
        assertThat(teams.microsoft.replies()).isEmpty();
        teams.post(
                TestActivity.conversationUpdate(serviceUrl, TeamsServer.BOT_ID).json());

        assertThat(cardText(onlyReply())).contains("Hi, I'm", "recognition and feedback", "@Candor kudos");
    }

    @Test
    void theWelcomeShowsTheHomeSectionsInAPersonalChatOnly() throws Exception {
        String serviceUrl = teams.microsoft.serviceUrl();

        teams.post(
                TestActivity.conversationUpdate(serviceUrl, TeamsServer.BOT_ID).json());
        String personal = cardText(onlyReply());
        teams.microsoft.reset();
        teams.post(TestActivity.conversationUpdate(serviceUrl, TeamsServer.BOT_ID)
                .inChannel("19:general@thread.tacv2")
                .json());

        assertThat(personal).contains("Your recognition", "@Candor kudos");
        assertThat(cardText(onlyReply())).contains("@Candor kudos").doesNotContain("Your recognition");
    }

    @Test
    void ignoresMessagesFromOtherBots() throws Exception {
        TestActivity activity = message("kudos <at>Ana Lopez</at> thanks")
                .from("28:another-bot", "Another bot", null)
                .mention("29:ana", "Ana Lopez");

        var response = teams.post(activity.json());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(teams.microsoft.connectorCalls()).isEmpty();
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE source_key = ?", key(activity)))
                .isZero();
    }

    @Test
    void aDeliveredActivityIsStoredOnce() throws Exception {
        TestActivity activity =
                message("kudos <at>Li</at> thanks for the review").mention("29:li", "Li");

        teams.post(activity.json());
        teams.post(activity.json());

        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE source_key = ?", key(activity)))
                .isEqualTo(1);
    }

    @Test
    void keepsTheServersLocaleWhateverLanguageTheSenderUses() throws Exception {
        Locale before = Locale.getDefault();
        TestActivity turkish =
                message("help").from("29:deniz", "Deniz", "aad-deniz").with("locale", "tr-TR");
        TestActivity malformed = message("help").with("locale", "not a locale!");

        var first = teams.post(turkish.json());
        var second = teams.post(malformed.json());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(Locale.getDefault()).isEqualTo(before);
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT p.locale FROM people p JOIN platform_identities i ON i.person_id = p.id"
                                + " WHERE i.platform_user_id = ?",
                        "29:deniz"))
                .containsExactly("tr-TR");
    }

    private static Instant savedAt(String conversationId) {
        return Rows.instant(
                teams.jdbi(), "SELECT updated_at FROM conversation_refs WHERE conversation_id = ?", conversationId);
    }

    private static String key(TestActivity activity) {
        return "teams:activity:" + activity.id();
    }

    /** The request that opened a 1:1 chat with this Teams user ({@code POST v3/conversations}). */
    private static LoggedRequest chatOpenedWith(String userId) {
        return onlyOne(teams.microsoft.conversationsCreated().stream()
                .filter(request -> FakeBotFramework.json(request)
                        .path("members")
                        .path(0)
                        .path("id")
                        .asText()
                        .equals(userId))
                .toList());
    }

    private static LoggedRequest onlyOne(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static LoggedRequest onlyReply() {
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static JsonNode card(JsonNode activity) {
        JsonNode attachment = activity.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        return attachment.path("content");
    }

    private static String cardText(LoggedRequest reply) {
        return card(FakeBotFramework.json(reply)).path("body").toString();
    }
}
