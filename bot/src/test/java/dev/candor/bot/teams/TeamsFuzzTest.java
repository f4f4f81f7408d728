package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.PayloadMutator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 50 mutated Teams activities with a valid token (messages, card submits, Action.Execute, the message extension,
 * reactions, conversation updates): none is answered with a 5xx or left unanswered, and Candor still gives kudos
 * afterwards.
 */
class TeamsFuzzTest {
    private static final int REQUESTS = 50;
    private static final long SEED = 6_2026L;
    private static final List<String> UNKNOWN_TYPES =
            List.of("typing", "event", "invoke", "endOfConversation", "", "adaptiveCard/action", "wat");
    private static final String ANA = "29:ana-fuzz";
    private static TeamsServer teams;

    @BeforeAll
    static void start() {
        teams = new TeamsServer();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void mutatedActivitiesNeverGetA5xxAndCandorKeepsWorking() throws Exception {
        PayloadMutator mutator = new PayloadMutator(SEED);
        List<JsonNode> seeds = seeds();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            JsonNode seed = seeds.get(i % seeds.size());
            String kind = seed.path("type").asText() + " " + seed.path("name").asText("");
            try {
                HttpResponse<String> response = teams.post(mutator.mutateJson(seed, UNKNOWN_TYPES));
                byStatus.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    failures.add("#" + i + " " + kind + " → " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                failures.add("#" + i + " " + kind + " → no answer: " + e);
            }
        }

        System.out.println("Teams fuzz: " + REQUESTS + " activities → " + describe(byStatus));
        assertThat(failures).isEmpty();
        var kudos = teams.post(message("kudos <at>Ana</at> thanks for surviving the fuzz")
                .mention(ANA, "Ana")
                .json());
        assertThat(kudos.statusCode()).isBetween(200, 299);
        assertThat(teams.microsoft.replies().toString()).contains("Kudos to");
    }

    private static List<JsonNode> seeds() throws Exception {
        String serviceUrl = teams.microsoft.serviceUrl();
        List<JsonNode> seeds = new ArrayList<>();
        seeds.add(parse(message("kudos <at>Ana</at> thanks for the demo").mention(ANA, "Ana")));
        JsonNode card = openForm();
        ObjectNode filledIn = Cards.filledIn(card, Map.of("people", ANA, "message", "thanks for the careful review"));
        seeds.add(
                parse(TestActivity.cardSubmit(serviceUrl, "card-fuzz", filledIn).from("29:gil", "Gil", null)));
        ObjectNode execute = JsonNodeFactory.instance.objectNode();
        execute.putObject("action")
                .put("type", "Action.Execute")
                .put("verb", "kudos.give")
                .set("data", filledIn);
        seeds.add(parse(
                TestActivity.invoke(serviceUrl, "adaptiveCard/action", execute).from("29:gil", "Gil", null)));
        ObjectNode fetchTask = JsonNodeFactory.instance
                .objectNode()
                .put("commandId", "kudos.give_from_message")
                .put("commandContext", "message");
        ObjectNode payload = fetchTask.putObject("messagePayload").put("id", "1700000000301");
        payload.putObject("from").putObject("user").put("id", ANA).put("displayName", "Ana");
        payload.putObject("body").put("contentType", "html").put("content", "<p>Shipped the <b>runbook</b></p>");
        seeds.add(parse(TestActivity.invoke(serviceUrl, "composeExtension/fetchTask", fetchTask)
                .from("29:gil", "Gil", null)));
        seeds.add(parse(
                TestActivity.reaction(serviceUrl, "card-fuzz", true, "like").from("29:gil", "Gil", null)));
        seeds.add(parse(TestActivity.conversationUpdate(serviceUrl, TeamsServer.BOT_ID)));
        return seeds;
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text).from("29:gil", "Gil", null);
    }

    private static JsonNode openForm() throws Exception {
        teams.post(message("kudos").json());
        JsonNode card = Cards.of(teams.microsoft.replies().get(0));
        teams.microsoft.reset();
        return card;
    }

    private static JsonNode parse(TestActivity activity) {
        return Cards.json(activity.json());
    }

    private static String describe(Map<Integer, Integer> byStatus) {
        return String.join(
                ", ",
                byStatus.entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + entry.getValue())
                        .toList());
    }
}
