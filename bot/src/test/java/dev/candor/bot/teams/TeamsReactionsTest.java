package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Teams tells a bot only about reactions to its own messages ({@code messageReaction}); a like on one of Candor's
 * recognition posts is a +1: the reactor joins the kudos for the same people, and taking the like back within ten
 * minutes takes the +1 back.
 */
class TeamsReactionsTest {
    private static final String CHANNEL = "19:cheers@thread.tacv2;messageid=1700000000400";

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

    @Test
    void aLikeOnARecognitionPostJoinsTheKudosAndTakingItBackRemovesIt() throws Exception {
        teams.microsoft.sendsTo("cheers", "post-777");
        TestActivity give = message("kudos <at>Ana Lopez</at> thanks for the release notes")
                .mention("29:ana", "Ana Lopez")
                .inChannel(CHANNEL);
        teams.post(give.json());
        long kudosId =
                Rows.count(teams.jdbi(), "SELECT id FROM kudos WHERE source_key = ?", "teams:activity:" + give.id());
        // The delivery worker posts the recognition; Teams' id for it is what reactions name.
        await("the recognition is posted")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Rows.strings(
                                teams.jdbi(),
                                "SELECT platform_message_id FROM outbox WHERE idempotency_key = ? AND status = 'sent'",
                                "kudos:" + kudosId + ":post")
                        .contains("post-777"));

        teams.post(like(true).json());

        Map<String, Object> plusOne = Rows.one(
                teams.jdbi(),
                "SELECT k.id, k.via, k.parent_kudos_id, k.source_message_id, p.name AS giver FROM kudos k"
                        + " JOIN people p ON p.id = k.giver_id WHERE k.parent_kudos_id = ?",
                kudosId);
        assertThat(plusOne)
                .containsEntry("via", "plus_one")
                .containsEntry("source_message_id", "post-777")
                .containsEntry("giver", "Rita");
        long plusOneId = ((Number) plusOne.get("id")).longValue();
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT i.platform_user_id FROM kudos_recipients r JOIN platform_identities i"
                                + " ON i.person_id = r.person_id WHERE r.kudos_id = ?",
                        plusOneId))
                .containsExactly("29:ana");

        teams.post(like(false).json());

        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE parent_kudos_id = ?", kudosId))
                .isZero();
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos WHERE id = ?", kudosId))
                .isEqualTo(1);
    }

    @Test
    void aLikeOnAnyOtherCandorMessageGivesNothingAndSaysNothing() throws Exception {
        TestActivity like = TestActivity.reaction(teams.microsoft.serviceUrl(), "help-card-1", true, "like")
                .from("29:sam", "Sam", null)
                .inChannel(CHANNEL);

        var response = teams.post(like.json());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(Rows.count(
                        teams.jdbi(),
                        "SELECT count(*) FROM kudos k JOIN people p ON p.id = k.giver_id WHERE p.name = 'Sam'"))
                .isZero();
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM people WHERE is_bot"))
                .isZero();
        assertThat(teams.microsoft.replies()).isEmpty();
        assertThat(Cards.saying(teams.microsoft.connectorCalls(), "are for people"))
                .isEmpty();
    }

    private static TestActivity like(boolean added) {
        return TestActivity.reaction(teams.microsoft.serviceUrl(), "post-777", added, "like")
                .from("29:rita", "Rita", null)
                .inChannel(CHANNEL);
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text);
    }
}
