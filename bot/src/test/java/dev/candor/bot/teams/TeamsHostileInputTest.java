package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Teams text PostgreSQL can't store (NUL, lone surrogates), in messages, card submits and people's names, is stored
 * cleaned; a mention whose id is longer than Teams makes is refused with what to type, and nothing is stored.
 */
class TeamsHostileInputTest {
    private static final String KEPT = "\u202Bשלום\u202C 👋🏽 e\u0301";
    private static final String ANA = "29:ana-hostile";
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
    void quiet() {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    @Test
    void storesAMessageAndItsSendersNameWithoutNulAndWithLoneSurrogatesReplaced() throws Exception {
        String activity = TestActivity.message(
                        teams.microsoft.serviceUrl(), "kudos <at>Ana</at> thanks\u0000 for the \uDC4B demo " + KEPT)
                .from("29:nul-name", "Gil\u0000 \uD83D", null)
                .mention(ANA, "Ana")
                .json();

        var response = teams.post(escapeLoneSurrogates(activity));

        assertThat(response.statusCode()).isBetween(200, 299);
        assertThat(teams.microsoft.replies().toString()).contains("Kudos to");
        assertThat(Rows.strings(teams.jdbi(), "SELECT message FROM kudos"))
                .contains("thanks for the \uFFFD demo " + KEPT);
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT p.name FROM people p JOIN platform_identities i ON i.person_id = p.id"
                                + " WHERE i.platform_user_id = '29:nul-name'"))
                .containsExactly("Gil \uFFFD");
        assertThat(Rows.strings(
                        teams.jdbi(), "SELECT reference::text FROM conversation_refs WHERE person_id IS NOT NULL"))
                .anySatisfy(reference -> assertThat(reference).contains("Gil \uFFFD"));
    }

    @Test
    void storesACardSubmitWithoutNul() throws Exception {
        teams.post(message("kudos").json());
        JsonNode card = Cards.of(teams.microsoft.replies().get(0));
        ObjectNode filledIn =
                Cards.filledIn(card, Map.of("people", ANA, "message", "thanks\u0000 for the careful review " + KEPT));

        var response = teams.post(TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-nul", filledIn)
                .from("29:gil", "Gil", null)
                .json());

        assertThat(response.statusCode()).isBetween(200, 299);
        assertThat(Rows.strings(teams.jdbi(), "SELECT message FROM kudos"))
                .contains("thanks for the careful review " + KEPT);
    }

    @Test
    void refusesKudosToAnIdLongerThanTeamsMakesAndStoresNothing() throws Exception {
        long kudos = Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos");
        String tooLong = "29:" + "x".repeat(300);

        var response = teams.post(message("kudos <at>Ghost</at> thanks for the review")
                .mention(tooLong, "Ghost")
                .json());

        assertThat(response.statusCode()).isBetween(200, 299);
        assertThat(teams.microsoft.replies().toString())
                .contains("I couldn't find Ghost")
                .contains("your allowance is unchanged");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos")).isEqualTo(kudos);
        assertThat(Rows.count(
                        teams.jdbi(), "SELECT count(*) FROM platform_identities WHERE platform_user_id = ?", tooLong))
                .isZero();
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text).from("29:gil", "Gil", null);
    }

    /** A lone surrogate reaches Candor only as a JSON escape; the client would send it as "?". */
    private static String escapeLoneSurrogates(String json) {
        return json.replace("\uDC4B demo", "\\udc4b demo").replace("\uD83D\"", "\\ud83d\"");
    }
}
