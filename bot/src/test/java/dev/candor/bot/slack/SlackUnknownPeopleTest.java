package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kudos to someone who can't exist: Slack answers {@code user_not_found}, the mention is empty ({@code <@>}) or its
 * id is longer than Slack makes them. The giver is told what to type; nothing is stored and no kudos is spent.
 */
class SlackUnknownPeopleTest {
    private static SlackServer server;

    @BeforeAll
    static void start() {
        server = new SlackServer();
        server.slack.user("U0ANA", "Ana", "ana@acme.test", "UTC", false);
        server.slack.fail("users.info", "user=U0GHOST", "user_not_found");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refusesKudosToSomeoneSlackDoesNotKnow() throws Exception {
        assertRefusedWithoutTrace("U0GIVER1", "<@U0GHOST> thanks for the review", "U0GHOST");
    }

    @Test
    void refusesKudosWithAnEmptyMention() throws Exception {
        assertRefusedWithoutTrace("U0GIVER2", "<@> thanks for the review", "");
    }

    @Test
    void refusesKudosToAnIdLongerThanSlackMakes() throws Exception {
        String tooLong = "U" + "X".repeat(40);
        assertRefusedWithoutTrace("U0GIVER3", "<@" + tooLong + "|ghost> thanks for the review", tooLong);
    }

    @Test
    void rejectsARequestWhoseTeamIdIsLongerThanSlackMakes() throws Exception {
        Map<String, String> form = SlackClient.slashCommand("/kudos", "<@U0ANA> thanks a lot", "U0GIVER4", "C0GENERAL");
        form.put("team_id", "T" + "0".repeat(40));

        var response = server.client.postForm(form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.count("SELECT count(*) FROM organisations")).isLessThanOrEqualTo(1);
    }

    private static void assertRefusedWithoutTrace(String giver, String text, String recipientId) throws Exception {
        long people = server.count("SELECT count(*) FROM people");

        var refused = server.client.command("/kudos", text, giver);

        assertThat(refused.statusCode()).isEqualTo(200);
        JsonNode body = Golden.parse(refused.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("text").asText())
                .contains("I couldn't find")
                .contains("your allowance is unchanged")
                .contains("/kudos @person what they did");
        assertThat(server.count("SELECT count(*) FROM kudos")).isZero();
        assertThat(server.count("SELECT count(*) FROM platform_identities WHERE platform_user_id = ?", recipientId))
                .isZero();
        // The giver was provisioned on first contact; nobody else was.
        assertThat(server.count("SELECT count(*) FROM people")).isEqualTo(people + 1);
        var given = server.client.command("/kudos", "<@U0ANA> thanks for the review", giver);
        assertThat(given.body()).contains("You have 4 of 5 kudos left today");
        server.jdbi().useHandle(handle -> handle.execute("TRUNCATE kudos CASCADE"));
    }
}
