package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Candor admin …} as JWT-signed Teams activities, to the database and the Bot Connector. */
class TeamsAdminTest {
    private static final String GENERAL_THREAD = "19:general@thread.tacv2;messageid=1700000000111";
    private static final String KUDOS_THREAD = "19:kudos@thread.tacv2;messageid=1700000000222";
    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer();
        // Tess writes once, then becomes an HR admin as a directory import would make her.
        teams.post(message("help").from("29:tess", "Tess", "aad-tess").json());
        teams.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                """
                        UPDATE people SET role = 'hr_admin' WHERE id = (
                            SELECT person_id FROM platform_identities WHERE platform_user_id = '29:tess')"""));
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @BeforeEach
    void reset() {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
        teams.jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM kudos_settings");
            handle.execute("DELETE FROM audit_log");
            handle.execute(
                    "UPDATE organisations SET quiet_from = DEFAULT, quiet_until = DEFAULT, working_days = DEFAULT");
        });
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text);
    }

    @Test
    void hereInAChannelThreadMakesTheChannelTheKudosChannelAndPostsStartThere() throws Exception {
        teams.post(message("<at>Candor</at> admin kudos-channel here")
                .from("29:tess", "Tess", "aad-tess")
                .inChannel(KUDOS_THREAD)
                .mentionCandor()
                .json());
        String answer = cardText(privateAnswer());
        teams.microsoft.reset();
        teams.post(message("<at>Candor</at> kudos <at>Ana Lopez</at> thanks for the migration plan")
                .inChannel(GENERAL_THREAD)
                .mentionCandor()
                .mention("29:ana", "Ana Lopez")
                .json());

        assertThat(answer)
                .contains("Kudos channel in Teams")
                .contains("where each kudos is given → channel 19:kudos@thread.tacv2")
                .contains("Undo: @Candor admin kudos-channel off");
        assertThat(Rows.strings(teams.jdbi(), "SELECT teams_kudos_channel FROM kudos_settings"))
                .containsExactly("19:kudos@thread.tacv2");
        assertThat(Rows.one(
                        teams.jdbi(),
                        "SELECT kind, reference->'conversation'->>'id' AS id FROM conversation_refs"
                                + " WHERE conversation_id = ?",
                        "19:kudos@thread.tacv2"))
                .containsEntry("kind", "channel")
                .containsEntry("id", "19:kudos@thread.tacv2");
        assertThat(Rows.strings(
                        teams.jdbi(), "SELECT action || ': ' || old_value || ' → ' || new_value FROM audit_log"))
                .containsExactly("kudos-channel teams: where each kudos is given → channel 19:kudos@thread.tacv2");
        await("the recognition is posted in the kudos channel")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !posts("19:kudos@thread.tacv2").isEmpty());
        JsonNode post = FakeBotFramework.json(posts("19:kudos@thread.tacv2").get(0));
        assertThat(post.path("summary").asText()).contains("received kudos from", "migration plan");
        assertThat(post.path("replyToId").isMissingNode()).isTrue();
        // Only once the worker has sent everything due does "nothing went to the general thread" mean anything.
        teams.awaitOutboxIdle();
        assertThat(posts(GENERAL_THREAD)).isEmpty();
    }

    @Test
    void theCandorWordAndTheAdminWordBothReachAdministration() throws Exception {
        teams.post(message("<at>Candor</at> candor admin allowance 2 per week")
                .from("29:tess", "Tess", "aad-tess")
                .mentionCandor()
                .json());
        teams.post(
                message("admin gap-weeks 3").from("29:tess", "Tess", "aad-tess").json());

        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT allowance_amount || ' ' || allowance_period || ' ' || gap_weeks FROM kudos_settings"))
                .containsExactly("2 week 3");
        assertThat(Rows.strings(teams.jdbi(), "SELECT action FROM audit_log ORDER BY id"))
                .containsExactly("allowance", "gap-weeks");
        assertThat(teams.microsoft.replies()).hasSize(2);
        assertThat(cardText(teams.microsoft.replies().get(0))).contains("5 per day → 2 per week");
    }

    @Test
    void someoneWhoIsNotAnHrAdminIsRefusedAndNothingChanges() throws Exception {
        teams.post(message("<at>Candor</at> admin kudos-channel here")
                .inChannel(GENERAL_THREAD)
                .mentionCandor()
                .json());

        assertThat(cardText(privateAnswer()))
                .contains("Only HR admins can change Candor's settings")
                .contains("Ask one of: Tess.");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM kudos_settings"))
                .isZero();
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM audit_log")).isZero();
    }

    @Test
    void hereInAPersonalChatIsExplained() throws Exception {
        teams.post(message("admin kudos-channel here")
                .from("29:tess", "Tess", "aad-tess")
                .json());

        assertThat(cardText(onlyReply()))
                .contains("This is a private chat")
                .contains("@Candor admin kudos-channel here|off");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM audit_log")).isZero();
    }

    @Test
    void anHrAdminSetsTheWorkingDaysAndQuietHoursInTheirChatWithCandor() throws Exception {
        teams.post(message("admin working-days mon-thu")
                .from("29:tess", "Tess", "aad-tess")
                .json());
        teams.post(message("<at>Candor</at> candor admin quiet-hours 19:00 to 07:30")
                .from("29:tess", "Tess", "aad-tess")
                .mentionCandor()
                .json());
        teams.post(message("admin working-days weekdays")
                .from("29:tess", "Tess", "aad-tess")
                .json());

        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(3);
        assertThat(cardText(replies.get(0)))
                .contains("Monday to Friday → Monday to Thursday")
                .contains("Undo: @Candor admin working-days mon,tue,wed,thu,fri");
        assertThat(cardText(replies.get(1))).contains("20:00–08:00 → 19:00–07:30");
        assertThat(cardText(replies.get(2)))
                .contains("I don't know the day \\\"weekdays\\\"")
                .contains("@Candor admin working-days <days, e.g. mon,tue,wed,thu,fri>");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT quiet_from || '-' || quiet_until || ' ' || working_days::text FROM organisations"))
                .containsExactly("19:00:00-07:30:00 {1,2,3,4}");
        assertThat(Rows.strings(teams.jdbi(), "SELECT action FROM audit_log ORDER BY id"))
                .containsExactly("working-days", "quiet-hours");
    }

    /** What the delivery worker posted to a conversation about the migration plan kudos. */
    private static List<LoggedRequest> posts(String conversationId) {
        return teams.microsoft.sends().stream()
                .filter(send ->
                        FakeBotFramework.path(send).equals("/v3/conversations/" + conversationId + "/activities"))
                .filter(send -> send.getBodyAsString().contains("migration plan"))
                .toList();
    }

    /** A private answer to something said in a channel: sent to the person's 1:1 chat, not the thread. */
    private static LoggedRequest privateAnswer() {
        assertThat(teams.microsoft.replies()).isEmpty();
        List<LoggedRequest> sends = teams.microsoft.sends();
        assertThat(sends).hasSize(1);
        return sends.get(0);
    }

    private static LoggedRequest onlyReply() {
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static String cardText(LoggedRequest reply) {
        JsonNode activity = FakeBotFramework.json(reply);
        return activity.path("attachments").get(0).path("content").path("body").toString();
    }
}
