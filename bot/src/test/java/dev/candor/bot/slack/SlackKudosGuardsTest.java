package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guards that must hold over real HTTP: parallel requests and edited messages never give more than asked. */
class SlackKudosGuardsTest {
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults());
        client = new SlackClient(candor.port());
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void fiftyParallelKudosFromOneGiverSpendTheAllowanceExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String recipient = "U0R" + i;
            requests.add(() -> client.command("/kudos", "<@" + recipient + "> thanks for the help today", "U0RUSH"));
        }
        List<String> answers = new ArrayList<>();
        // Bounded: a deadlock fails the test (its futures are cancelled) instead of hanging the build.
        for (Future<HttpResponse<String>> response : pool.invokeAll(requests, 60, TimeUnit.SECONDS)) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            answers.add(response.get().body());
        }
        pool.shutdown();

        assertThat(answers).filteredOn(body -> body.contains("Kudos to")).hasSize(5);
        assertThat(answers)
                .filteredOn(body -> body.contains("all 5 of your kudos today"))
                .hasSize(45);
        assertThat(count("SELECT count(*) FROM kudos k JOIN platform_identities i ON i.person_id = k.giver_id"
                        + " WHERE i.platform_user_id = 'U0RUSH'"))
                .isEqualTo(5);
    }

    @Test
    void anEditedDirectMessageDoesNotGiveKudosAgain() throws Exception {
        client.postJson(
                """
                {"token":"x","team_id":"T0ACME","api_app_id":"A0CANDOR","type":"event_callback",
                 "event_id":"Ev0DM1","event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"D0EDIT","user":"U0EDIT",
                          "text":"kudos <@U0ANA> thanks for the thorough review","ts":"1700000000.000300","team":"T0ACME"}}""",
                Map.of());
        client.postJson(
                """
                {"token":"x","team_id":"T0ACME","api_app_id":"A0CANDOR","type":"event_callback",
                 "event_id":"Ev0DM2","event_time":1700000010,
                 "event":{"type":"message","subtype":"message_changed","channel_type":"im","channel":"D0EDIT",
                          "hidden":true,"ts":"1700000010.000100",
                          "message":{"type":"message","user":"U0EDIT","text":"kudos <@U0ANA> thanks for the review!",
                                     "ts":"1700000000.000300","edited":{"user":"U0EDIT","ts":"1700000010.000000"}},
                          "previous_message":{"type":"message","user":"U0EDIT",
                                              "text":"kudos <@U0ANA> thanks for the thorough review",
                                              "ts":"1700000000.000300"}}}""",
                Map.of());

        assertThat(count("SELECT count(*) FROM kudos k JOIN platform_identities i ON i.person_id = k.giver_id"
                        + " WHERE i.platform_user_id = 'U0EDIT'"))
                .isEqualTo(1);
    }

    @Test
    void aReactionInAPrivateChannelIsNeverAnnouncedInTheKudosChannel() throws Exception {
        slack.privateChannel("C0HIDDEN");
        client.command("/kudos", "<@U0LI> thanks for the onboarding session", "U0HR");
        long orgId = count("SELECT id FROM organisations WHERE slack_team_id = 'T0ACME'");
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO kudos_settings (org_id, slack_kudos_channel) VALUES (?, 'C0KUDOS')"
                                + " ON CONFLICT (org_id) DO UPDATE SET slack_kudos_channel = 'C0KUDOS'",
                        orgId));

        client.postJson(reaction("Ev0HID1", "C0HIDDEN", "1700000000.000500"), Map.of());
        client.postJson(reaction("Ev0PUB1", "C0OPEN", "1700000000.000600"), Map.of());

        assertThat(count("SELECT count(*) FROM kudos WHERE source_message_id = '1700000000.000500'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox o JOIN kudos k ON o.idempotency_key = 'kudos:' || k.id || ':post'"
                        + " WHERE k.source_message_id = '1700000000.000500'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM outbox o JOIN kudos k ON o.idempotency_key = 'kudos:' || k.id || ':post'"
                        + " WHERE k.source_message_id = '1700000000.000600' AND o.target = 'C0KUDOS'"))
                .isEqualTo(1);
    }

    private static String reaction(String eventId, String channel, String ts) {
        return """
                {"token":"x","team_id":"T0ACME","api_app_id":"A0CANDOR","type":"event_callback",
                 "event_id":"%s","event_time":1700000000,
                 "event":{"type":"reaction_added","user":"U0HR","reaction":"clap","item_user":"U0ANA",
                          "item":{"type":"message","channel":"%s","ts":"%s"},"event_ts":"1700000001.000100"}}"""
                .formatted(eventId, channel, ts);
    }

    private static long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }
}
