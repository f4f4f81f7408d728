package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.org.OrganisationDao;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reaction kudos from signed {@code reaction_added}/{@code reaction_removed} events: the organisation's emoji on
 * someone's message thanks its author, on Candor's post joins that kudos, and taking it back within ten minutes
 * undoes it. Also {@code app_home_opened}, which publishes nothing while no feature has a home view.
 */
class SlackReactionsTest {
    private static SlackServer server;
    private static FakeSlack slack;
    private static SlackClient client;
    private static long orgId;

    @BeforeAll
    static void start() {
        server = new SlackServer();
        slack = server.slack;
        client = server.client;
        orgId = server.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
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
    void thanksTheAuthorOfAClappedMessageOnceWhateverSlackRepeats() throws Exception {
        String link = "https://acme.slack.com/archives/C0GENERAL/p1700000000001000";
        slack.permalink("C0GENERAL", "1700000000.001000", link);
        String clap =
                SlackRequests.reaction("Ev0CLAP1", true, "U0GIL", "clap", "C0GENERAL", "1700000000.001000", "U0ANA");

        var first = client.event(clap);
        var retried = client.event(clap);
        var withSkinTone = client.event(SlackRequests.reaction(
                "Ev0CLAP2", true, "U0GIL", "clap::skin-tone-3", "C0GENERAL", "1700000000.001000", "U0ANA"));

        assertThat(List.of(first.statusCode(), retried.statusCode(), withSkinTone.statusCode()))
                .containsOnly(200);
        List<Map<String, Object>> kudos = kudosOn("1700000000.001000");
        assertThat(kudos).hasSize(1);
        assertThat(kudos.get(0))
                .containsEntry("via", "reaction")
                .containsEntry("giver", "U0GIL")
                .containsEntry("source_url", link)
                .containsEntry("conversation_id", "C0GENERAL");
        assertThat(recipientsOf((Long) kudos.get(0).get("id"))).containsExactly("U0ANA");
        assertThat(server.count(
                        "SELECT count(*) FROM outbox WHERE target = 'U0ANA' AND idempotency_key LIKE ?",
                        "kudos:" + kudos.get(0).get("id") + ":%"))
                .isEqualTo(1);
    }

    @Test
    void joinsTheKudosWhenSomeoneClapsCandorsPost() throws Exception {
        client.command("/kudos", "<@U0ANA|ana> <@U0LI|li> thanks for the calm incident review", "U0BO");
        long parent = server.count("SELECT max(id) FROM kudos WHERE via = 'command'");
        String postKey = "kudos:" + parent + ":post";
        await("the recognition post is sent")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> server.count(
                                "SELECT count(*) FROM outbox WHERE idempotency_key = ? AND status = 'sent'", postKey)
                        == 1);
        server.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE outbox SET platform_message_id = '1700000000.002000' WHERE idempotency_key = ?",
                        postKey));

        client.event(
                SlackRequests.reaction("Ev0PLUS1", true, "U0KAI", "clap", "C0GENERAL", "1700000000.002000", "UCANDOR"));

        List<Map<String, Object>> joined = kudosOn("1700000000.002000");
        assertThat(joined).hasSize(1);
        assertThat(joined.get(0))
                .containsEntry("via", "plus_one")
                .containsEntry("giver", "U0KAI")
                .containsEntry("parent_kudos_id", parent);
        assertThat(recipientsOf((Long) joined.get(0).get("id"))).containsExactlyInAnyOrder("U0ANA", "U0LI");
    }

    @Test
    void takesBackAReactionKudosRemovedWithinTenMinutes() throws Exception {
        client.event(
                SlackRequests.reaction("Ev0TAKE1", true, "U0ZOE", "clap", "C0GENERAL", "1700000000.003000", "U0LI"));
        assertThat(kudosOn("1700000000.003000")).hasSize(1);

        var removed = client.event(
                SlackRequests.reaction("Ev0TAKE2", false, "U0ZOE", "clap", "C0GENERAL", "1700000000.003000", "U0LI"));

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(kudosOn("1700000000.003000")).isEmpty();
        assertThat(slack.calls("chat.getPermalink"))
                .filteredOn(call -> "1700000000.003000".equals(call.get("message_ts")))
                .hasSize(1);
    }

    @Test
    void tellsTheReactorPrivatelyWhenTheirKudosAreSpent() throws Exception {
        client.command("/kudos", "<@U0ANA> <@U0LI> <@U0BO> <@U0KAI> <@U0ZOE> thanks for the offsite planning", "U0MAX");

        client.event(
                SlackRequests.reaction("Ev0SPENT", true, "U0MAX", "clap", "C0GENERAL", "1700000000.004000", "U0GIL"));

        assertThat(kudosOn("1700000000.004000")).isEmpty();
        Map<String, String> ephemeral = slack.calls("chat.postEphemeral").stream()
                .filter(call -> "U0MAX".equals(call.get("user")))
                .findFirst()
                .orElseThrow();
        assertThat(ephemeral.get("channel")).isEqualTo("C0GENERAL");
        assertThat(ephemeral.get("text")).contains("all 5 of your kudos today").contains("Nothing was sent");
    }

    @Test
    void ignoresOtherEmojiAndReactionsToFiles() throws Exception {
        var grin = client.event(SlackRequests.reaction(
                "Ev0GRIN", true, "U0GIL", "grinning", "C0GENERAL", "1700000000.005000", "U0ANA"));
        var file = client.event(SlackRequests.fileReaction("Ev0FILE", "U0GIL", "clap"));

        assertThat(grin.statusCode()).isEqualTo(200);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(kudosOn("1700000000.005000")).isEmpty();
        assertThat(slack.calls("chat.getPermalink"))
                .noneMatch(call -> "1700000000.005000".equals(call.get("message_ts")));
        assertThat(server.count("SELECT count(*) FROM kudos WHERE source_message_id IS NULL AND via = 'reaction'"))
                .isZero();
    }

    @Test
    void announcesReactionKudosInTheKudosChannelButNotFromAPrivateChannel() throws Exception {
        KudosSettingsDao settings = server.jdbi().onDemand(KudosSettingsDao.class);
        KudosSettings before = settings.get(orgId);
        settings.save(withKudosChannel(before, "C0KUDOS"));
        try {
            client.postForm(SlackClient.slashCommand(
                    "/kudos",
                    "<@U0ANA> thanks for the key rotation",
                    "U0ZED",
                    "C0SECRET",
                    "privategroup",
                    "https://hooks.slack.com/commands/T0ACME/9/zzz"));

            client.event(SlackRequests.reaction(
                    "Ev0SECRET", true, "U0ZED", "clap", "C0SECRET", "1700000000.006000", "U0LI"));
            client.event(SlackRequests.reaction(
                    "Ev0PUBLIC", true, "U0ZED", "clap", "C0PUBLIC", "1700000000.007000", "U0LI"));

            assertThat(postTargetsOf(kudosOn("1700000000.006000"))).isEmpty();
            assertThat(postTargetsOf(kudosOn("1700000000.007000"))).containsExactly("C0KUDOS");
        } finally {
            settings.save(before);
        }
    }

    @Test
    void publishesAppHomeOnlyWhenAFeatureHasAHomeView() throws Exception {
        var home = client.event(SlackRequests.homeOpened("Ev0HOME", "U0GIL", "home"));
        var messages = client.event(SlackRequests.homeOpened("Ev0MSGS", "U0GIL", "messages"));

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM processed_events WHERE event_id IN ('Ev0HOME', 'Ev0MSGS')"))
                .isEqualTo(2);
        List<Map<String, String>> published = slack.calls("views.publish");
        if (personalViewIsWired()) {
            assertThat(published).singleElement().satisfies(call -> {
                assertThat(call.get("user_id")).isEqualTo("U0GIL");
                assertThat(Golden.parse(call.get("view")).get("type").asText()).isEqualTo("home");
            });
        } else {
            assertThat(published).isEmpty();
        }
    }

    /**
     * The personal view (the home handler) is built in parallel by the stats work; until it is merged the router
     * has no home handler and Candor must publish nothing.
     */
    private static boolean personalViewIsWired() {
        try {
            Class.forName("dev.candor.bot.kudos.stats.KudosStatsHandler");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<Map<String, Object>> kudosOn(String ts) {
        return server.rows(
                """
                SELECT k.*, i.platform_user_id AS giver FROM kudos k
                JOIN platform_identities i ON i.person_id = k.giver_id AND i.org_id = k.org_id
                WHERE k.source_message_id = ? ORDER BY k.id""",
                ts);
    }

    private static List<String> recipientsOf(long kudosId) {
        return server.strings(
                """
                SELECT i.platform_user_id FROM kudos_recipients r
                JOIN platform_identities i ON i.person_id = r.person_id AND i.org_id = r.org_id
                WHERE r.kudos_id = ? ORDER BY 1""",
                kudosId);
    }

    private static List<String> postTargetsOf(List<Map<String, Object>> kudos) {
        assertThat(kudos).hasSize(1);
        return server.strings(
                "SELECT target FROM outbox WHERE idempotency_key = ?",
                "kudos:" + kudos.get(0).get("id") + ":post");
    }

    private static KudosSettings withKudosChannel(KudosSettings s, String channel) {
        return s.withKudosChannels(channel, s.teamsKudosChannel());
    }
}
