package dev.candor.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.candor.bot.chat.Message;
import dev.candor.storage.Database;
import dev.candor.storage.JavaProcess;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once across crashes: Candor nodes in JVMs of their own deliver 300 messages (150 Slack DMs to 150 people,
 * 150 Teams posts to 30 conversations) to fakes that keep what they got and answer after a delay, and one node is
 * killed with {@code kill -9} while sends are under way. Nothing may be lost, nothing may reach Slack twice (the
 * messages in doubt are looked for first), and every Teams duplicate must be one that Candor counted as a resend.
 */
class DeliveryCrashTest {
    private static final int SLACK_MESSAGES = 150;
    private static final int TEAMS_MESSAGES = 150;
    private static final int TOTAL = SLACK_MESSAGES + TEAMS_MESSAGES;
    private static final int TEAMS_CONVERSATIONS = 30;
    private static final int PLATFORM_DELAY_MILLIS = 75;
    private static final String APP_ID = "00000000-0000-0000-0000-00000000c4a5";
    private static final String TENANT = "00000000-0000-0000-0000-0000000c4a5e";
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    Path logs;

    private final StatefulSlack slack = new StatefulSlack(PLATFORM_DELAY_MILLIS);
    private final StatefulConnector teams = new StatefulConnector(PLATFORM_DELAY_MILLIS);
    private Database database;
    private OutboxFacts facts;
    private String databaseUrl;

    @BeforeEach
    void queueThreeHundredMessages() {
        database = TestDatabase.fresh();
        facts = new OutboxFacts(database.jdbi());
        String name = database.jdbi().withHandle(handle -> handle.select("SELECT current_database()")
                .mapTo(String.class)
                .one());
        databaseUrl = TestDatabase.url(name).jdbcUrl();
        OrganisationDao orgs = database.jdbi().onDemand(OrganisationDao.class);
        long slackOrg = orgs.upsertSlack("T0CRASH", "Crash Slack").id();
        long teamsOrg =
                orgs.upsertTeams(TENANT, "Crash Teams", teams.serviceUrl()).id();
        for (int i = 0; i < TEAMS_CONVERSATIONS; i++) {
            storeReference(teamsOrg, conversation(i));
        }
        // Interleaved, so that sends to both platforms are under way whenever a node is killed.
        List<Outbox.Queued> messages = new ArrayList<>();
        for (int i = 0; i < Math.max(SLACK_MESSAGES, TEAMS_MESSAGES); i++) {
            if (i < SLACK_MESSAGES) {
                String user = String.format("U0C%03d", i);
                messages.add(
                        Outbox.Queued.toUser(slackOrg, Platform.SLACK, user, "crash:slack:" + i, text("slack", i)));
            }
            if (i < TEAMS_MESSAGES) {
                messages.add(Outbox.Queued.toConversation(
                        teamsOrg,
                        Platform.TEAMS,
                        conversation(i % TEAMS_CONVERSATIONS),
                        "crash:teams:" + i,
                        text("teams", i),
                        null));
            }
        }
        database.jdbi().useTransaction(handle -> Outbox.queueAll(handle, messages));
    }

    @AfterEach
    void stop() {
        database.close();
        slack.close();
        teams.close();
    }

    @Test
    void aNodeKilledMidDeliveryAndStartedAgainLosesNothingAndPostsNothingTwiceToSlack() {
        try (JavaProcess first = node("first")) {
            awaitReady(first);
            awaitDelivered(TOTAL / 3, first);
            Kill kill = kill(first);

            try (JavaProcess restarted = node("restarted")) {
                Duration takeover = awaitTakeover(kill, restarted);
                awaitAllSent(restarted);
                assertExactlyOnceAndReport("one node, killed and started again", kill, takeover, restarted);
            }
        }
    }

    @Test
    void whenOneOfTwoNodesIsKilledTheOtherDeliversItsMessagesExactlyOnceToSlack() {
        try (JavaProcess first = node("first");
                JavaProcess second = node("second")) {
            awaitReady(first);
            awaitReady(second);
            awaitDelivered(TOTAL / 3, second);
            Kill kill = kill(first);

            Duration takeover = awaitTakeover(kill, second);
            awaitAllSent(second);
            assertExactlyOnceAndReport("two nodes, one killed", kill, takeover, second);
        }
    }

    /** The moment a node died, and the messages it held then. */
    private record Kill(long pid, long atNanos, int claims, int sending) {}

    private Kill kill(JavaProcess node) {
        node.kill();
        long at = System.nanoTime();
        Map<String, Object> held = database.jdbi().withHandle(handle -> handle.select(
                        """
                        SELECT count(*) AS claims, count(send_started_at) AS sending FROM outbox
                        WHERE status = 'sending' AND claimed_by LIKE '%-' || ? || '-%'
                        """,
                        node.pid())
                .mapToMap()
                .one());
        Kill kill = new Kill(
                node.pid(), at, ((Number) held.get("claims")).intValue(), ((Number) held.get("sending")).intValue());
        assertThat(kill.claims()).as("the node held claims when it was killed").isPositive();
        return kill;
    }

    /** From the kill until no message is claimed by the dead node any more: another node took them all over. */
    private Duration awaitTakeover(Kill kill, JavaProcess survivor) {
        await("the dead node's claims are taken over")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(POLL)
                .failFast("the surviving node stopped:\n" + survivor.tail(), () -> !survivor.isAlive())
                .until(() -> facts.heldBy(kill.pid()) == 0);
        return Duration.ofNanos(System.nanoTime() - kill.atNanos());
    }

    private void assertExactlyOnceAndReport(String scenario, Kill kill, Duration takeover, JavaProcess survivor) {
        Map<OutboxStatus, Long> statuses =
                database.jdbi().onDemand(OutboxDao.class).countByStatus();
        assertThat(statuses).as("every message is sent").containsExactly(Map.entry(OutboxStatus.SENT, (long) TOTAL));

        Map<String, Long> slackPosts = slack.postsPerKey();
        assertThat(slackPosts).as("each Slack message posted").hasSize(SLACK_MESSAGES);
        long slackDuplicates = duplicates(slackPosts);
        assertThat(slackDuplicates).as("Slack duplicates").isZero();

        Map<String, Long> teamsPosts = teams.postsPerSummary();
        assertThat(teamsPosts).as("each Teams message posted").hasSize(TEAMS_MESSAGES);
        Map<String, Integer> resends = facts.teamsResendsPerSummary();
        teamsPosts.forEach((summary, copies) -> assertThat(copies - 1)
                .as("copies of '%s' beyond the first are resends Candor counted", summary)
                .isLessThanOrEqualTo(resends.getOrDefault(summary, 0)));
        long teamsDuplicates = duplicates(teamsPosts);
        int teamsResends = resends.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(facts.resendsOn(Platform.SLACK))
                .as("Slack could always look first")
                .isZero();
        assertThat(takeover).isLessThan(Duration.ofSeconds(30));
        // The survivor settled every message in doubt and said how on /metrics.
        Map<String, Double> settled = NodeMetrics.inDoubt(survivor);
        assertThat(settled.getOrDefault("teams:unchecked", 0.0)).isEqualTo((double) teamsResends);
        assertThat(settled.getOrDefault("slack:found", 0.0) + settled.getOrDefault("slack:not_found", 0.0))
                .isEqualTo((double) facts.inDoubt(Platform.SLACK));

        System.out.printf(
                "DELIVERY CRASH [%s]: sent %d of %d expected; Slack %d posts of %d messages, %d duplicates;"
                        + " Teams %d posts of %d messages, %d duplicates, %d resends counted; %d in doubt after the"
                        + " kill (%d Slack, %d Teams; settled by the survivor as %s); the dead node's %d claims"
                        + " (%d mid-send) were taken over %.1f s after kill -9%n",
                scenario,
                statuses.get(OutboxStatus.SENT),
                TOTAL,
                slack.posted().size(),
                SLACK_MESSAGES,
                slackDuplicates,
                teamsPosts.values().stream().mapToLong(Long::longValue).sum(),
                TEAMS_MESSAGES,
                teamsDuplicates,
                teamsResends,
                facts.inDoubt(null),
                facts.inDoubt(Platform.SLACK),
                facts.inDoubt(Platform.TEAMS),
                settled,
                kill.claims(),
                kill.sending(),
                takeover.toMillis() / 1000.0);
    }

    private JavaProcess node(String name) {
        JavaProcess node = JavaProcess.start(
                logs.resolve(name + ".log"),
                Map.of(
                        "DATABASE_URL",
                        databaseUrl,
                        "HOST",
                        "127.0.0.1",
                        "PORT",
                        String.valueOf(freePort()),
                        "SLACK_SIGNING_SECRET",
                        "crash-test-secret",
                        "SLACK_BOT_TOKEN",
                        "xoxb-crash-test",
                        "SLACK_API_URL",
                        slack.apiUrl(),
                        "MICROSOFT_APP_ID",
                        APP_ID,
                        "MICROSOFT_APP_PASSWORD",
                        "crash-test-password"),
                DeliveryNode.class.getName());
        return node;
    }

    private static void awaitReady(JavaProcess node) {
        node.awaitOutput(DeliveryNode.READY, START);
    }

    private void awaitDelivered(int count, JavaProcess node) {
        await(count + " messages reach the platforms")
                .atMost(START)
                .pollInterval(POLL)
                .failFast("the node stopped:\n" + node.tail(), () -> !node.isAlive())
                .until(() -> slack.posted().size() + teams.received() >= count);
    }

    private void awaitAllSent(JavaProcess node) {
        await("all " + TOTAL + " messages are sent")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .failFast("the node stopped:\n" + node.tail(), () -> !node.isAlive())
                .until(() -> database.jdbi()
                                .onDemand(OutboxDao.class)
                                .countByStatus()
                                .getOrDefault(OutboxStatus.SENT, 0L)
                        == TOTAL);
    }

    private static long duplicates(Map<String, Long> copiesPerMessage) {
        return copiesPerMessage.values().stream()
                .mapToLong(copies -> copies - 1)
                .sum();
    }

    private static Message text(String platform, int i) {
        return Message.of("crash message " + platform + " " + i);
    }

    private static String conversation(int i) {
        return String.format("19:crash-%02d@thread.tacv2", i);
    }

    private void storeReference(long orgId, String conversationId) {
        String reference =
                """
                {"channelId":"msteams","serviceUrl":"%s","bot":{"id":"28:%s","name":"Candor"},
                 "conversation":{"id":"%s","tenantId":"%s","conversationType":"channel"}}"""
                        .formatted(teams.serviceUrl(), APP_ID, conversationId, TENANT);
        database.jdbi()
                .onDemand(ConversationDao.class)
                .upsert(orgId, Platform.TEAMS, conversationId, ConversationKind.CHANNEL, null, reference);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
