package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When Candor itself fails, the person is told so (with the request id) instead of hearing nothing. */
class TeamsFailureTest {
    private static TeamsServer teams;

    @BeforeAll
    static void start() {
        teams = new TeamsServer();
        // A database that lost a table: every kudos fails after the person was provisioned.
        teams.jdbi().useHandle(handle -> handle.execute("ALTER TABLE kudos_values RENAME TO kudos_values_lost"));
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void apologisesWithTheRequestIdWhenAHandlerFails() throws Exception {
        TestActivity activity = TestActivity.message(
                        teams.microsoft.serviceUrl(), "kudos <at>Li</at> thanks for the review #care")
                .mention("29:li", "Li");

        var response = teams.post(activity.json());

        assertThat(response.statusCode()).isEqualTo(202);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(teams.microsoft.replies()).hasSize(1);
        String card = FakeBotFramework.json(teams.microsoft.replies().get(0)).toString();
        assertThat(card).contains("Sorry, something went wrong").contains("request id " + requestId);
        // The kudos and the recipients' DMs were one transaction: nothing of it was kept.
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos")).isZero();
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM outbox")).isZero();
    }

    @Test
    void answersServerErrorWhenTheReplyCannotBeDelivered() throws Exception {
        teams.microsoft.failReplies(500);
        TestActivity activity = TestActivity.message(teams.microsoft.serviceUrl(), "help");

        var response = teams.post(activity.json());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("requestId");
        teams.microsoft.reset();
    }
}
