package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kudos form in Teams: {@code kudos} alone opens an Adaptive Card form, its {@code Action.Submit} (a message
 * with the card's data) or {@code Action.Execute} (an {@code adaptiveCard/action} invoke) gives the kudos, and the
 * card is replaced by what happened.
 */
class TeamsFormsTest {
    static final String ANA_AAD = "6f1c3b2a-0000-4a1b-8c2d-00000000a0a1";
    static final String LI_AAD = "6f1c3b2a-0000-4a1b-8c2d-00000000a0a2";
    private static final String GIL_AAD = "6f1c3b2a-0000-4a1b-8c2d-00000000a0a0";
    private static final String CHANNEL = "19:forms@thread.tacv2;messageid=1700000000100";
    private static final AtomicInteger cards = new AtomicInteger();

    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer();
        // Ana and Li have written to Candor, so Candor knows their Teams ids and object ids.
        teams.post(message("help")
                .from("29:ana", "Ana Lopez", ANA_AAD)
                .inPersonalChat("a:dm-ana")
                .json());
        teams.post(message("help")
                .from("29:li", "Li", LI_AAD)
                .inPersonalChat("a:dm-li")
                .json());
        teams.post(message("help").json());
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        teams.jdbi()
                .onDemand(CompanyValueDao.class)
                .save(orgId, "ownership", "Ownership", "🚀", "We finish what we start");
        // Gil gives many kudos here; the allowance is tested elsewhere.
        KudosSettings defaults = KudosSettings.defaults(orgId);
        teams.jdbi().onDemand(KudosSettingsDao.class).save(defaults.withAllowance(100, defaults.allowancePeriod()));
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
    void opensTheFormWhenKudosIsTypedAlone() throws Exception {
        JsonNode card = openForm(message("kudos"));

        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo("Give kudos");
        assertThat(Cards.input(card, "people")
                        .path("choices.data")
                        .path("dataset")
                        .asText())
                .isEqualTo("graph.microsoft.com/users");
        assertThat(Cards.input(card, "message").path("type").asText()).isEqualTo("Input.Text");
        assertThat(Cards.input(card, "values").path("choices").findValuesAsText("value"))
                .containsExactly("ownership");
        assertThat(card.path("actions").get(0).path("data").path("formId").asText())
                .isEqualTo("kudos.give");
    }

    @Test
    void storesKudosFromTheFormAndShowsTheConfirmationInItsPlace() throws Exception {
        JsonNode card = openForm(message("kudos"));
        String cardId = "card-" + cards.incrementAndGet();
        ObjectNode filledIn = Cards.filledIn(
                card,
                Map.of(
                        "people",
                        ANA_AAD + "," + LI_AAD,
                        "message",
                        "thanks for the smooth release",
                        "values",
                        "ownership"));
        TestActivity submit = TestActivity.cardSubmit(serviceUrl(), cardId, filledIn);

        var response = teams.post(submit.json());

        assertThat(response.statusCode()).isEqualTo(202);
        Map<String, Object> kudos = Rows.one(
                teams.jdbi(),
                "SELECT id, message, via, source_key FROM kudos WHERE message LIKE 'thanks for the smooth%'");
        assertThat(kudos)
                .containsEntry("message", "thanks for the smooth release #ownership")
                .containsEntry("via", "form");
        long kudosId = ((Number) kudos.get("id")).longValue();
        assertThat(recipients(kudosId)).containsExactly("29:ana", "29:li");
        assertThat(outbox(kudosId)).containsExactly("conversation a:dm-gil", "user 29:ana", "user 29:li");
        LoggedRequest update = onlyUpdate();
        assertThat(FakeBotFramework.path(update)).isEqualTo("/v3/conversations/a:dm-gil/activities/" + cardId);
        assertThat(Cards.of(update).path("body").toString()).contains("Kudos to <at>Ana Lopez</at> and <at>Li</at>");
        assertThat(teams.microsoft.replies()).isEmpty();

        // A double click: the same card, the same answers, a new activity.
        teams.microsoft.reset();
        teams.post(TestActivity.cardSubmit(serviceUrl(), cardId, filledIn).json());

        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE message LIKE 'thanks for the smooth%'"))
                .isEqualTo(1);
        assertThat(Cards.of(onlyUpdate()).path("body").toString()).contains("already given");
    }

    @Test
    void closesAFormUsedInAChannelAndConfirmsInThePersonalChat() throws Exception {
        JsonNode card =
                openForm(message("<at>Candor</at> kudos").mentionCandor().inChannel(CHANNEL));
        assertThat(Cards.input(card, "people")
                        .path("choices.data")
                        .path("dataset")
                        .asText())
                .isEqualTo("graph.microsoft.com/users?scope=currentContext");
        String cardId = "card-" + cards.incrementAndGet();
        ObjectNode filledIn =
                Cards.filledIn(card, Map.of("people", ANA_AAD, "message", "thanks for pairing on the outage"));

        teams.post(TestActivity.cardSubmit(serviceUrl(), cardId, filledIn)
                .inChannel(CHANNEL)
                .json());

        long kudosId =
                Rows.count(teams.jdbi(), "SELECT id FROM kudos WHERE message = 'thanks for pairing on the outage'");
        assertThat(outbox(kudosId)).containsExactly("conversation " + CHANNEL, "user 29:ana");
        LoggedRequest update = onlyUpdate();
        assertThat(FakeBotFramework.path(update)).isEqualTo("/v3/conversations/" + CHANNEL + "/activities/" + cardId);
        assertThat(Cards.of(update).path("body").toString())
                .contains("Sent by <at>Gil Giver</at>")
                .doesNotContain("kudos left");
        List<LoggedRequest> confirmations = Cards.saying(teams.microsoft.sends(), "kudos left");
        assertThat(confirmations).hasSize(1);
        assertThat(FakeBotFramework.path(confirmations.get(0))).isEqualTo("/v3/conversations/a:dm-gil/activities");
        assertThat(teams.microsoft.replies()).isEmpty();
    }

    @Test
    void showsEachMistakeUnderItsInputAndKeepsWhatWasTyped() throws Exception {
        JsonNode card = openForm(message("kudos"));
        String cardId = "card-" + cards.incrementAndGet();
        ObjectNode filledIn = Cards.filledIn(card, Map.of("people", ANA_AAD, "message", "ok", "values", ""));

        teams.post(TestActivity.cardSubmit(serviceUrl(), cardId, filledIn).json());

        JsonNode again = Cards.of(onlyUpdate());
        assertThat(Cards.input(again, "message").path("value").asText()).isEqualTo("ok");
        assertThat(Cards.input(again, "people").path("value").asText()).isEqualTo(ANA_AAD);
        assertThat(again.path("body").toString()).contains("Say a little more about what they did");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE message = 'ok'"))
                .isZero();
        assertThat(teams.microsoft.sends()).isEmpty();
    }

    @Test
    void answersAnExecuteInvokeWithTheCardThatReplacesTheForm() throws Exception {
        JsonNode card = openForm(message("kudos"));
        ObjectNode data = Cards.filledIn(card, Map.of("people", LI_AAD, "message", "thanks for the careful review"));
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putObject("action")
                .put("type", "Action.Execute")
                .put("verb", "kudos.give")
                .set("data", data);
        value.put("trigger", "manual");
        TestActivity execute = TestActivity.invoke(serviceUrl(), "adaptiveCard/action", value)
                .with("replyToId", "card-" + cards.incrementAndGet());

        var response = teams.post(execute.json());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Cards.json(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("type").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        assertThat(body.path("value").path("body").toString()).contains("Kudos to <at>Li</at>");
        assertThat(Rows.count(
                        teams.jdbi(), "SELECT count(*) FROM kudos WHERE message = 'thanks for the careful review'"))
                .isEqualTo(1);
        assertThat(teams.microsoft.updates()).isEmpty();

        data.put("message", "ty");
        var mistake = teams.post(
                TestActivity.invoke(serviceUrl(), "adaptiveCard/action", value).json());

        JsonNode redrawn = Cards.json(mistake.body()).path("value");
        assertThat(Cards.input(redrawn, "message").path("value").asText()).isEqualTo("ty");
        assertThat(redrawn.path("body").toString()).contains("Say a little more");
    }

    @Test
    void looksUpPickedPeopleCandorDoesNotKnowAmongTheTeamsMembers() throws Exception {
        String rosa = "6f1c3b2a-0000-4a1b-8c2d-00000000a0b1";
        teams.microsoft.member(rosa, "29:rosa", "Rosa Diaz");
        JsonNode card =
                openForm(message("<at>Candor</at> kudos").mentionCandor().inChannel(CHANNEL));
        teams.microsoft.member(rosa, "29:rosa", "Rosa Diaz");
        ObjectNode filledIn = Cards.filledIn(card, Map.of("people", rosa, "message", "thanks for covering my shift"));

        teams.post(TestActivity.cardSubmit(serviceUrl(), "card-" + cards.incrementAndGet(), filledIn)
                .inChannel(CHANNEL)
                .json());

        long kudosId = Rows.count(teams.jdbi(), "SELECT id FROM kudos WHERE message = 'thanks for covering my shift'");
        assertThat(recipients(kudosId)).containsExactly("29:rosa");
        assertThat(Rows.one(
                        teams.jdbi(),
                        "SELECT p.name, i.aad_object_id FROM people p JOIN platform_identities i ON i.person_id = p.id"
                                + " WHERE i.platform_user_id = '29:rosa'"))
                .containsEntry("name", "Rosa Diaz")
                .containsEntry("aad_object_id", rosa);
        assertThat(teams.microsoft.memberLookups())
                .extracting(FakeBotFramework::path)
                .containsExactly("/v3/conversations/" + TestActivity.TEAM + "/members/" + rosa);
        assertThat(outbox(kudosId)).contains("user 29:rosa");
    }

    @Test
    void addressesPeopleNobodyCanLookUpByObjectIdUntilTheyWrite() throws Exception {
        String zed = "6f1c3b2a-0000-4a1b-8c2d-00000000a0b2";
        JsonNode card = openForm(message("kudos"));
        ObjectNode filledIn = Cards.filledIn(card, Map.of("people", zed, "message", "thanks for the onboarding docs"));

        teams.post(TestActivity.cardSubmit(serviceUrl(), "card-" + cards.incrementAndGet(), filledIn)
                .json());

        long kudosId =
                Rows.count(teams.jdbi(), "SELECT id FROM kudos WHERE message = 'thanks for the onboarding docs'");
        assertThat(recipients(kudosId)).containsExactly(zed);
        assertThat(outbox(kudosId)).contains("user " + zed);
        // The delivery worker opens Zed's 1:1 chat by his object id.
        await("the delivery worker opened Zed's chat")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> teams.microsoft.conversationsCreated().stream()
                        .anyMatch(created -> FakeBotFramework.json(created)
                                .path("members")
                                .path(0)
                                .path("id")
                                .asText()
                                .equals(zed)));

        teams.post(message("help")
                .from("29:zed", "Zed Novak", zed)
                .inPersonalChat("a:dm-zed")
                .json());

        assertThat(recipients(kudosId)).containsExactly("29:zed");
        assertThat(Rows.count(
                        teams.jdbi(),
                        "SELECT count(*) FROM platform_identities WHERE aad_object_id = ? OR platform_user_id = ?",
                        zed,
                        "29:zed"))
                .isEqualTo(1);
    }

    private static JsonNode openForm(TestActivity activity) throws Exception {
        teams.post(activity.json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        JsonNode card = Cards.of(replies.get(0));
        teams.microsoft.reset();
        return card;
    }

    private static List<String> recipients(long kudosId) {
        return Rows.strings(
                teams.jdbi(),
                "SELECT i.platform_user_id FROM kudos_recipients r JOIN platform_identities i"
                        + " ON i.person_id = r.person_id WHERE r.kudos_id = ? ORDER BY 1",
                kudosId);
    }

    private static List<String> outbox(long kudosId) {
        return Rows.outboxOf(teams.jdbi(), kudosId);
    }

    private static LoggedRequest onlyUpdate() {
        List<LoggedRequest> updates = teams.microsoft.updates();
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }

    private static String serviceUrl() {
        return teams.microsoft.serviceUrl();
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text).from("29:gil", "Gil Giver", GIL_AAD);
    }
}
