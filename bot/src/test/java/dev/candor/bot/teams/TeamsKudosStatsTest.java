package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code kudos leaderboard} and {@code kudos me} typed to Candor in Teams, from a signed activity to the reply card. */
class TeamsKudosStatsTest {
    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer();
        give(message("kudos <at>Ana Lopez</at> <at>Li</at> thanks for the release demo #ownership")
                .mention("29:ana", "Ana Lopez")
                .mention("29:li", "Li"));
        give(message("kudos <at>Ana Lopez</at> thanks for pairing on the parser")
                .from("29:li", "Li", "aad-li")
                .inPersonalChat("a:dm-li")
                .mention("29:ana", "Ana Lopez"));
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

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text);
    }

    private static void give(TestActivity activity) throws Exception {
        assertThat(teams.post(activity.json()).statusCode()).isEqualTo(202);
        assertThat(Rows.count(
                        teams.jdbi(),
                        "SELECT count(*) FROM kudos WHERE source_key = ?",
                        "teams:activity:" + activity.id()))
                .isEqualTo(1);
    }

    @Test
    void repliesWithTheLeaderboardCard() throws Exception {
        TestActivity activity = message("kudos leaderboard");

        assertThat(teams.post(activity.json()).statusCode()).isEqualTo(202);

        JsonNode reply = onlyReply();
        assertThat(reply.path("replyToId").asText()).isEqualTo(activity.id());
        assertThat(reply.path("summary").asText())
                .startsWith("Kudos leaderboard · ")
                .contains("1. Ana Lopez (2)");
        assertThat(texts(card(reply)))
                .containsSubsequence(
                        "**Most recognised**",
                        "🥇  Ana Lopez — 2 kudos",
                        "🥈  Li — 1 kudos",
                        "**Most kudos given**",
                        "🥇  Gil Giver — 2 kudos",
                        "🥈  Li — 1 kudos");
        assertThat(card(reply).path("msteams").has("entities"))
                .as("names, not mentions that notify")
                .isFalse();
    }

    @Test
    void repliesWithThePersonalViewForKudosMe() throws Exception {
        TestActivity activity =
                message("kudos me").from("29:ana", "Ana Lopez", "aad-ana").inPersonalChat("a:dm-ana");

        teams.post(activity.json());

        JsonNode card = card(onlyReply());
        assertThat(texts(card))
                .contains("Your kudos", "**Latest kudos you received**", "thanks for pairing on the parser")
                .anyMatch(text -> text.startsWith("**Li** · "));
        List<String> facts = new ArrayList<>();
        for (JsonNode element : card.path("body")) {
            element.path("facts")
                    .forEach(fact -> facts.add(fact.path("title").asText() + "="
                            + fact.path("value").asText()));
        }
        assertThat(facts).contains("Received today=2", "Given today=0", "Left to give today=5 of 5");
    }

    private static JsonNode onlyReply() {
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return FakeBotFramework.json(replies.get(0));
    }

    private static JsonNode card(JsonNode activity) {
        JsonNode attachment = activity.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo(TeamsRenderer.CONTENT_TYPE);
        return attachment.path("content");
    }

    private static List<String> texts(JsonNode card) {
        List<String> texts = new ArrayList<>();
        card.path("body").forEach(element -> {
            if (element.has("text")) {
                texts.add(element.path("text").asText());
            }
            element.path("items").forEach(item -> texts.add(item.path("text").asText()));
        });
        return texts;
    }
}
