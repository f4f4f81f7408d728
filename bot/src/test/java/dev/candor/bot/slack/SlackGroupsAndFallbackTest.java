package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /kudos} to a Slack user group ({@code <!subteam^…>}) reaches its members; and a recognition post to a
 * conversation Candor is not in (a DM between two people, a private channel) arrives through the command's
 * {@code response_url}.
 */
class SlackGroupsAndFallbackTest {
    private static SlackServer server;
    private static FakeSlack slack;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        server = new SlackServer();
        slack = server.slack;
        client = server.client;
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
    void thanksEveryMemberOfAGroupButTheGiver() throws Exception {
        slack.group("S0DESIGN", "U0ANA", "U0LI", "U0GIL");

        JsonNode answer = Golden.parse(
                client.command("/kudos", "<!subteam^S0DESIGN|@design> thanks for the new onboarding flow", "U0GIL")
                        .body());

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("blocks").toString()).contains("Kudos to <@U0ANA> and <@U0LI>");
        long kudos = latestKudos("%new onboarding flow%");
        assertThat(recipientsOf(kudos)).containsExactlyInAnyOrder("U0ANA", "U0LI");
    }

    @Test
    void countsSomeoneNamedAndInTheGroupOnce() throws Exception {
        slack.group("S0OPS", "U0LI", "U0ANA");

        client.command("/kudos", "<@U0LI|li> and <!subteam^S0OPS|@ops> thanks for the smooth migration", "U0BO");

        long kudos = latestKudos("%smooth migration%");
        assertThat(recipientsOf(kudos)).containsExactlyInAnyOrder("U0ANA", "U0LI");
    }

    @Test
    void sendsNothingWhenAGroupCannotBeRead() throws Exception {
        long before = server.count("SELECT count(*) FROM kudos");

        JsonNode answer = Golden.parse(
                client.command("/kudos", "<@U0ANA> <!subteam^S0GONE|@gone> thanks for the quarterly plan", "U0GIL")
                        .body());

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("text").asText())
                .contains("couldn't read who is in @gone")
                .contains("nothing was sent");
        assertThat(server.count("SELECT count(*) FROM kudos")).isEqualTo(before);
    }

    @Test
    void refusesAGroupOfMoreThanTenPeople() throws Exception {
        String[] members = new String[11];
        for (int i = 0; i < members.length; i++) {
            members[i] = "U0M" + i;
        }
        slack.group("S0ALL", members);

        JsonNode answer =
                Golden.parse(client.command("/kudos", "<!subteam^S0ALL|@everyone-eng> thanks for the launch", "U0GIL")
                        .body());

        assertThat(answer.get("text").asText()).contains("more than 10 people");
        assertThat(server.count("SELECT count(*) FROM kudos WHERE message LIKE '%thanks for the launch%'"))
                .isZero();
    }

    @Test
    void postsInADmBetweenPeopleThroughTheResponseUrl() throws Exception {
        slack.fail("chat.postMessage", "channel=D0PAIR", "channel_not_found");

        client.postForm(SlackClient.slashCommand(
                "/kudos",
                "<@U0ANA|ana> thanks for covering my shift",
                "U0LI",
                "D0PAIR",
                "directmessage",
                slack.responseUrl("pair")));

        JsonNode posted = firstResponse("pair");
        assertThat(posted.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(posted.get("blocks").toString()).contains("<@U0ANA> received kudos from <@U0LI>");
        assertThat(slack.postedMessages()).anyMatch(body -> body.contains("channel=D0PAIR"));
    }

    @Test
    void postsInAPrivateChannelWithoutCandorThroughTheResponseUrl() throws Exception {
        slack.fail("chat.postMessage", "channel=C0HIDDEN", "not_in_channel");

        client.postForm(SlackClient.slashCommand(
                "/kudos",
                "<@U0GIL|gil> thanks for the security review",
                "U0ANA",
                "C0HIDDEN",
                "privategroup",
                slack.responseUrl("hidden")));

        JsonNode posted = firstResponse("hidden");
        assertThat(posted.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(posted.get("text").asText()).contains("security review");
        await("the private channel post is marked sent")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        server.count("SELECT count(*) FROM outbox WHERE target = 'C0HIDDEN' AND status = 'sent'") == 1);
    }

    private static JsonNode firstResponse(String name) throws Exception {
        await("a response reaches the response URL")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !slack.responses(name).isEmpty());
        return Golden.parse(slack.responses(name).get(0));
    }

    private static long latestKudos(String messageLike) {
        return server.count("SELECT max(id) FROM kudos WHERE message LIKE ?", messageLike);
    }

    private static List<String> recipientsOf(long kudosId) {
        return server.strings(
                """
                SELECT i.platform_user_id FROM kudos_recipients r
                JOIN platform_identities i ON i.person_id = r.person_id AND i.org_id = r.org_id
                WHERE r.kudos_id = ? ORDER BY 1""",
                kudosId);
    }
}
