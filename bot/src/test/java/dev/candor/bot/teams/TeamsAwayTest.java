package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Candor away …} as JWT-signed Teams activities, to the database and the Bot Connector. */
class TeamsAwayTest {
    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    void someoneSaysTheyAreAwayThenBackInTheirChatWithCandorAndAMistakeSaysWhatToType() throws Exception {
        LocalDate lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(10);

        teams.post(message("away until " + lastDay).json());
        List<String> stored = Rows.strings(
                teams.jdbi(),
                "SELECT p.away_until::text FROM people p JOIN platform_identities i ON i.person_id = p.id"
                        + " WHERE i.platform_user_id = '29:ana'");
        teams.post(message("<at>Candor</at> away until 31/12").mentionCandor().json());
        teams.post(message("away off").json());

        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(stored).containsExactly(lastDay.toString());
        assertThat(replies).hasSize(3);
        assertThat(cardText(replies.get(0))).contains("You're away until").contains("Back sooner? @Candor away off");
        assertThat(cardText(replies.get(1)))
                .contains("I couldn't read \\\"31/12\\\" as a date")
                .contains("@Candor away until YYYY-MM-DD");
        assertThat(cardText(replies.get(2))).contains("Welcome back");
        assertThat(Rows.strings(teams.jdbi(), "SELECT count(*)::text FROM people WHERE away_until IS NOT NULL"))
                .containsExactly("0");
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text).from("29:ana", "Ana", "aad-ana");
    }

    private static String cardText(LoggedRequest reply) {
        JsonNode activity = FakeBotFramework.json(reply);
        return activity.path("attachments").get(0).path("content").path("body").toString();
    }
}
