package dev.candor.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Slack Web API that remembers what was posted: {@code chat.postMessage} keeps each message (its channel, ts and
 * metadata) as soon as the request arrives, and answers only after a delay, so that a node killed meanwhile leaves a
 * message that Slack has but Candor doesn't know about; {@code conversations.open} and {@code conversations.history}
 * answer from what was kept, the way Slack would.
 */
final class StatefulSlack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message in a conversation. */
    record Posted(String channel, String ts, String key) {}

    private final List<Posted> posted = new ArrayList<>();
    private final Map<String, String> openedDms = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong(1_772_442_000_000_000L);
    private final WireMockServer server;

    StatefulSlack(int postDelayMillis) {
        server = new WireMockServer(options().dynamicPort().extensions(new Responder()));
        server.start();
        stub("chat.postMessage", postDelayMillis);
        stub("conversations.open", 0);
        stub("conversations.history", 0);
    }

    private void stub(String method, int delayMillis) {
        server.stubFor(post(urlEqualTo("/api/" + method))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(delayMillis)
                        .withTransformers(Responder.NAME)));
    }

    String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    List<Posted> posted() {
        synchronized (posted) {
            return List.copyOf(posted);
        }
    }

    /** How many times each outbox key was posted. */
    Map<String, Long> postsPerKey() {
        return posted().stream().collect(Collectors.groupingBy(Posted::key, Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Responder implements ResponseDefinitionTransformerV2 {
        static final String NAME = "stateful-slack";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Map<String, String> form = form(event.getRequest().getBodyAsString());
            String url = event.getRequest().getUrl();
            Function<Map<String, String>, JsonNode> method = url.endsWith("chat.postMessage")
                    ? StatefulSlack.this::postMessage
                    : url.endsWith("conversations.open") ? StatefulSlack.this::open : StatefulSlack.this::history;
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withBody(method.apply(form).toString())
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private JsonNode postMessage(Map<String, String> form) {
        String channel = conversationOf(form.get("channel"));
        String ts = nextTs();
        String key = read(form.getOrDefault("metadata", "{}"))
                .path("event_payload")
                .path("key")
                .asText(null);
        synchronized (posted) {
            posted.add(new Posted(channel, ts, key));
        }
        return JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", ts);
    }

    private JsonNode open(Map<String, String> form) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        answer.putObject("channel").put("id", conversationOf(form.get("users")));
        return answer;
    }

    /** Newest first, since {@code oldest}, with metadata; one page. */
    private JsonNode history(Map<String, String> form) {
        String channel = form.get("channel");
        BigDecimal oldest = new BigDecimal(form.getOrDefault("oldest", "0"));
        ObjectNode answer = JSON.createObjectNode().put("ok", true).put("has_more", false);
        ArrayNode messages = answer.putArray("messages");
        List<Posted> all = posted();
        for (int i = all.size() - 1; i >= 0; i--) {
            Posted message = all.get(i);
            if (message.channel().equals(channel) && new BigDecimal(message.ts()).compareTo(oldest) >= 0) {
                ObjectNode node = messages.addObject().put("type", "message").put("ts", message.ts());
                ObjectNode metadata = node.putObject("metadata").put("event_type", "candor_outbox");
                metadata.putObject("event_payload").put("key", message.key());
            }
        }
        return answer;
    }

    /** Slack posts a message to a user id into the app's DM with them. */
    private String conversationOf(String target) {
        return target.startsWith("U") ? openedDms.computeIfAbsent(target, user -> "D" + user.substring(1)) : target;
    }

    /** Real time, in Slack's form, and never the same twice. */
    private String nextTs() {
        long micros = clock.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() * 1_000));
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
