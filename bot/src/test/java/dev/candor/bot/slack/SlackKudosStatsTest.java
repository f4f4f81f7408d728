package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /kudos leaderboard} and {@code /kudos me} from signed Slack slash commands, answered privately. */
class SlackKudosStatsTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        slack.user("U0GIL", "Gil", "gil@acme.test", "Europe/Lisbon", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        slack.user("U0LI", "Li", "li@acme.test", "Asia/Shanghai", false);
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults());
        client = new SlackClient(candor.port());
        give("<@U0ANA|ana> <@U0LI|li> thanks for the release demo #ownership", "U0GIL");
        give("<@U0ANA|ana> thanks for pairing on the parser", "U0LI");
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO company_values (org_id, tag, name) SELECT id, 'ownership', 'Ownership'"
                                + " FROM organisations WHERE slack_team_id = 'T0ACME'"));
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    private static void give(String text, String userId) throws Exception {
        JsonNode body = json.readTree(client.command("/kudos", text, userId).body());
        assertThat(body.get("text").asText()).contains("Kudos to");
    }

    @Test
    void answersTheLeaderboardPrivately() throws Exception {
        var response = client.command("/kudos", "leaderboard", "U0LI");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("header");
        assertThat(texts(body))
                .containsSubsequence(
                        "*Most recognised*",
                        "🥇  Ana — 2 kudos",
                        "🥈  Li — 1 kudos",
                        "*Most kudos given*",
                        "🥇  Gil — 2 kudos",
                        "🥈  Li — 1 kudos");
    }

    @Test
    void filtersTheLeaderboardByAValueAndSuggestsForATypo() throws Exception {
        JsonNode ownership = json.readTree(
                client.command("/kudos", "leaderboard week #Ownership", "U0GIL").body());
        JsonNode typo = json.readTree(
                client.command("/kudos", "leaderboard #ownrship", "U0GIL").body());

        assertThat(texts(ownership)).contains("🥇  Ana — 1 kudos", "🥇  Li — 1 kudos", "🥇  Gil — 2 kudos");
        assertThat(typo.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(typo.get("text").asText()).contains("did you mean #ownership?");
    }

    @Test
    void answersKudosMePrivately() throws Exception {
        var response = client.command("/kudos", "me", "U0ANA");

        JsonNode body = json.readTree(response.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("text").asText()).isEqualTo("Your kudos today: 2 received, 0 given. 5 left to give.");
        assertThat(body.get("blocks").toString())
                .contains("*Received today*\\n2", "*Left to give today*\\n5 of 5", "#ownership ×1", "*Li* · ")
                .contains("thanks for pairing on the parser");
    }

    @Test
    void listsLeaderboardAndMeInTheKudosHelp() throws Exception {
        JsonNode body = json.readTree(client.command("/kudos", "help", "U0GIL").body());

        assertThat(body.get("blocks").toString()).contains("/kudos leaderboard", "/kudos me");
    }

    /** Every section, header and context text of a Block Kit answer, in order. */
    private static java.util.List<String> texts(JsonNode body) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (JsonNode block : body.get("blocks")) {
            if (block.has("text")) {
                texts.add(block.get("text").get("text").asText());
            }
            block.path("elements")
                    .forEach(element -> texts.add(element.path("text").asText()));
        }
        return texts;
    }
}
