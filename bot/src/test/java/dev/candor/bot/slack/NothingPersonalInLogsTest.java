package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.people.DirectoryImport;
import dev.candor.bot.people.ImportRequest;
import dev.candor.bot.teams.TeamsServer;
import dev.candor.bot.teams.TestActivity;
import dev.candor.storage.Platform;
import dev.candor.storage.outbox.OutboxQueueDao;
import dev.candor.storage.outbox.TargetKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Drives every failure path that handles people's words with a unique marker in them, while everything logged goes
 * through the production configuration (its layout with {@code %safeEx}, its logger levels), and asserts that no
 * marker reaches the log while each path still logs its one line.
 */
class NothingPersonalInLogsTest {
    private static final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private static SlackServer slack;
    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        captureWithProductionLogging();
        slack = new SlackServer();
        slack.slack.user("U0ANA", "Ana", "ana@acme.test", "UTC", false);
        teams = new TeamsServer();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            teams.close();
            slack.close();
        } finally {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
    }

    @Test
    void aKudosWithNulIsStoredAndLoggedByIdOnly() throws Exception {
        int from = mark();
        var response = slack.client.command("/kudos", "<@U0ANA> ZQX1NUL\u0000 thanks for the review", "U0NUL");

        assertThat(response.body()).contains("Kudos to");
        assertLoggedWithoutMarker(from, "ZQX1NUL", "\\(command\\) stored for 1 recipient");
    }

    @Test
    void aCheckConstraintViolationCarryingTheTextLeavesOnlyItsSqlState() throws Exception {
        slack.jdbi()
                .useHandle(handle -> handle.execute(
                        "ALTER TABLE kudos ADD CONSTRAINT refuses_marker CHECK (message NOT LIKE '%ZQX2CHECK%')"));
        int from = mark();

        var response = slack.client.command("/kudos", "<@U0ANA> ZQX2CHECK thanks for the review", "U0CHECK");

        assertThat(response.body()).contains("request id");
        assertLoggedWithoutMarker(from, "ZQX2CHECK", "Command failed ! .*PSQLException\\[23514\\] at dev\\.candor\\.");
    }

    @Test
    void aMalformedEventIsAcknowledgedAndLoggedByIdOnly() throws Exception {
        int from = mark();
        var response = slack.client.event(
                """
                {"token":"x","team_id":"T0ACME","api_app_id":"A0CANDOR","type":"event_callback",
                 "event_id":"Ev0MALFORMED","event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"D0MAL","user":"U0MAL",
                          "text":{"note":"ZQX3EVENT thanks for pairing"},"ts":"1700000000.000300"}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertLoggedWithoutMarker(from, "ZQX3EVENT", "ignored a malformed Slack event Ev0MALFORMED");
    }

    @Test
    void requestsBoltCantClassifyAreAnsweredWithoutTheirBody() throws Exception {
        int from = mark();
        var json = slack.client.postJson("{\"type\":\"app_rate_limited_v2\",\"text\":\"ZQX4BOLT\"}", Map.of());
        var form = slack.client.post(
                "text=ZQX4BOLT+thanks&user_id=U0FORM",
                "application/x-www-form-urlencoded",
                SlackClient.now(),
                Map.of());

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(form.statusCode()).isEqualTo(400);
        assertLoggedWithoutMarker(from, "ZQX4BOLT", "unrecognised Slack request type app_rate_limited_v2");
        assertLoggedWithoutMarker(from, "ZQX4BOLT", "unrecognised Slack request type \\(none\\)");
    }

    @Test
    void outboxPayloadsThatAreNoMessageOrFailToRenderAreLoggedByIdOnly() {
        long parseError = enqueue("\"ZQX5PAYLOAD thanks for the review\"");
        long renderError = enqueue("{\"fallbackText\":\"hi\",\"blocks\":[{\"block\":\"ZQX5RENDER\",\"text\":\"x\"}]}");

        await("both deliveries fail and are logged")
                .atMost(Duration.ofSeconds(20))
                .until(() -> output().contains("outbox " + parseError + " attempt 1 failed")
                        && output().contains("outbox " + renderError + " attempt 1 failed"));
        assertThat(output()).doesNotContain("ZQX5PAYLOAD").doesNotContain("ZQX5RENDER");
    }

    @Test
    void teamsActivitiesWithMalformedValuesAreLoggedByIdOnly() throws Exception {
        int from = mark();
        ObjectNode card = JsonNodeFactory.instance
                .objectNode()
                .put("formId", "ZQX6CARD form")
                .put("message", "x");
        var submit = teams.post(TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-1", card)
                .from("29:gil", "Gil", null)
                .json());
        String wrongType = TestActivity.message(teams.microsoft.serviceUrl(), "kudos")
                .from("29:gil", "Gil", null)
                .json()
                .replace("\"text\":\"kudos\"", "\"text\":{\"note\":\"ZQX6CARD thanks\"},\"locale\":[\"ZQX6CARD\"]");
        var malformed = teams.post(wrongType);

        assertThat(submit.statusCode()).isBetween(200, 299);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertLoggedWithoutMarker(from, "ZQX6CARD", "no handler for form \\(not an id\\)");
        assertLoggedWithoutMarker(from, "ZQX6CARD", "rejected POST /api/messages with 400");
    }

    @Test
    void aCsvWithBadFieldsIsRefusedAndLoggedByCountOnly(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("people.csv");
        Files.writeString(
                csv,
                "email,name,manager_email,department,timezone,role,slack_user_id,teams_user_id\n"
                        + "ZQX7CSV not an email,ZQX7CSV Name,ZQX7CSV@,ZQX7CSV,ZQX7CSV/Zone,ZQX7CSV,ZQX7CSV,\n");
        int from = mark();

        var result = new DirectoryImport(slack.jdbi()).run(ImportRequest.of(csv));

        assertThat(result.succeeded()).isFalse();
        assertLoggedWithoutMarker(from, "ZQX7CSV", "people import refused with \\d+ problem");
    }

    private static long enqueue(String payload) {
        String key = "marker:" + payload.hashCode();
        return slack.jdbi().withHandle(handle -> {
            long orgId = slack.orgId();
            handle.attach(OutboxQueueDao.class)
                    .enqueue(orgId, key, Platform.SLACK, TargetKind.CONVERSATION, "C0GENERAL", payload);
            return handle.select("SELECT id FROM outbox WHERE idempotency_key = ?", key)
                    .mapTo(Long.class)
                    .one();
        });
    }

    /**
     * Replaces the test logging with the production file, plus an appender with its exact layout that keeps what is
     * written; logger levels are production's too.
     */
    private static void captureWithProductionLogging() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(NothingPersonalInLogsTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var console = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(((PatternLayoutEncoder) console.getEncoder()).getPattern());
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(context);
        capture.setName("CAPTURE");
        capture.setEncoder(encoder);
        capture.setOutputStream(logged);
        capture.start();
        root.addAppender(capture);
    }

    private static String output() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    private static int mark() {
        return output().length();
    }

    /** The marker is nowhere in the log, and what was logged since {@code from} has a line matching {@code line}. */
    private static void assertLoggedWithoutMarker(int from, String marker, String line) {
        await("a line matching " + line)
                .atMost(Duration.ofSeconds(10))
                .until(() -> List.of(output().substring(from).split("\n")).stream()
                        .anyMatch(logLine -> logLine.matches(".*" + line + ".*")));
        assertThat(output()).doesNotContain(marker);
    }
}
