package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.PayloadMutator;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200 mutated, correctly signed Slack requests over real HTTP (slash commands, buttons, modal submissions, message
 * shortcuts, reactions, App Home, DMs, and Slack's own samples when {@code ../shared} is there): none is answered
 * with a 5xx or left unanswered, and Candor still gives kudos afterwards.
 */
class SlackFuzzTest {
    private static final int REQUESTS = 200;
    private static final long SEED = 6_2026L;
    private static final Path SAMPLES = Path.of("../../shared/fixtures/slack-samples/java-slack-sdk/json-logs/samples");
    private static final List<String> UNKNOWN_TYPES =
            List.of("team_join", "app_rate_limited", "view_closed", "shortcut", "", "block_actions", "wat");
    private static final List<String> UNKNOWN_COMMANDS = List.of("/unknown", "kudos", "", "/KUDOS", "/candor ");
    private static SlackServer server;

    @BeforeAll
    static void start() {
        server = new SlackServer();
        server.slack.user("U0ANA", "Ana", "ana@acme.test", "UTC", false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void mutatedSignedRequestsNeverGetA5xxAndCandorKeepsWorking() throws Exception {
        PayloadMutator mutator = new PayloadMutator(SEED);
        List<Supplier<Request>> seeds = seeds(mutator);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request request = seeds.get(i % seeds.size()).get();
            try {
                HttpResponse<String> response = send(request);
                byStatus.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    failures.add("#" + i + " " + request.kind() + " → " + response.statusCode());
                }
            } catch (IOException e) {
                failures.add("#" + i + " " + request.kind() + " → no answer: " + e);
            }
        }

        System.out.println("Slack fuzz: " + REQUESTS + " requests → " + describe(byStatus));
        assertThat(failures).isEmpty();
        assertThat(byStatus.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        var kudos = server.client.command("/kudos", "<@U0ANA> thanks for surviving the fuzz", "U0AFTER");
        assertThat(kudos.statusCode()).isEqualTo(200);
        assertThat(kudos.body()).contains("Kudos to");
    }

    /** A request to send: a form, or JSON, or a form field {@code payload} holding JSON. */
    record Request(String kind, String body, String contentType) {}

    private static List<Supplier<Request>> seeds(PayloadMutator mutator) throws Exception {
        List<JsonNode> interactions = new ArrayList<>(List.of(
                parse(SlackRequests.blockAction(
                        "U0FUZZ", "kudos.plus_one", "1", "C0GENERAL", server.slack.responseUrl("fuzz"))),
                parse(SlackRequests.viewSubmission(
                        "U0FUZZ",
                        openedForm(),
                        "V0FUZZ",
                        SlackRequests.kudosState(List.of("U0ANA"), "thanks for the careful review", null))),
                parse(SlackRequests.messageAction(
                        "U0FUZZ",
                        "C0GENERAL",
                        "general",
                        "U0ANA",
                        "1700000000.000200",
                        "shipped it",
                        server.slack.responseUrl("fuzz")))));
        List<JsonNode> events = new ArrayList<>(List.of(
                parse(SlackRequests.reaction(
                        "Ev0FUZZR", true, "U0FUZZ", "clap", "C0GENERAL", "1700000000.000300", "U0ANA")),
                parse(SlackRequests.homeOpened("Ev0FUZZH", "U0FUZZ", "home")),
                parse(SlackHostileTextTest.dm("Ev0FUZZD", "U0FUZZ", "kudos <@U0ANA> thanks for pairing"))));
        interactions.addAll(samples("app-backend/interactive-components"));
        interactions.addAll(samples("app-backend/views"));
        events.addAll(samples("events"));
        Map<String, String> command =
                SlackClient.slashCommand("/kudos", "<@U0ANA> thanks for the demo", "U0FUZZ", "C0GENERAL");
        List<Supplier<Request>> seeds = new ArrayList<>();
        seeds.add(() -> form(mutator.mutateForm(command, UNKNOWN_COMMANDS)));
        for (JsonNode interaction : interactions) {
            seeds.add(() -> new Request(
                    "interaction " + interaction.path("type").asText(),
                    "payload="
                            + URLEncoder.encode(mutator.mutateJson(interaction, UNKNOWN_TYPES), StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded"));
        }
        for (JsonNode event : events) {
            seeds.add(() -> new Request(
                    "event " + event.path("event").path("type").asText(),
                    mutator.mutateJson(event, UNKNOWN_TYPES),
                    "application/json"));
        }
        return seeds;
    }

    private static Request form(Map<String, String> fields) {
        return new Request("command", SlackClient.formBody(fields), "application/x-www-form-urlencoded");
    }

    private static HttpResponse<String> send(Request request) throws IOException, InterruptedException {
        return server.client.post(request.body(), request.contentType(), SlackClient.now(), Map.of());
    }

    /** Slack's own samples, with the ids Candor needs filled in; none when the shared fixtures are absent. */
    private static List<JsonNode> samples(String folder) throws IOException {
        Path dir = SAMPLES.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<JsonNode> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                JsonNode sample = parse(Files.readString(file));
                if (sample instanceof ObjectNode object) {
                    object.put("team_id", SlackRequests.TEAM);
                    samples.add(object);
                }
            }
        }
        return samples;
    }

    private static JsonNode openedForm() throws Exception {
        Map<String, String> command = SlackClient.slashCommand("/kudos", "", "U0FUZZ", "C0GENERAL");
        server.client.postForm(command);
        return parse(server.slack.calls("views.open").stream()
                .filter(call -> command.get("trigger_id").equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow()
                .get("view"));
    }

    private static JsonNode parse(String json) throws IOException {
        return Golden.parse(json);
    }

    static String describe(Map<Integer, Integer> byStatus) {
        return String.join(
                ", ",
                byStatus.entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + entry.getValue())
                        .toList());
    }
}
