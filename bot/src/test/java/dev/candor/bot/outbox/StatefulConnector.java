package dev.candor.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The Bot Connector of Microsoft Teams, keeping every activity posted to a conversation as soon as the request
 * arrives and answering after a delay: a node killed meanwhile leaves a message in the chat that Candor doesn't know
 * about. A bot can't read a Teams conversation back, so this fake offers no history.
 */
final class StatefulConnector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> summaries = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WireMockServer server;

    StatefulConnector(int sendDelayMillis) {
        server = new WireMockServer(options().dynamicPort().extensions(new Recorder()));
        server.start();
        server.stubFor(post(urlPathMatching("/v3/conversations/[^/]+/activities"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(sendDelayMillis)
                        .withTransformers(Recorder.NAME)));
    }

    /** Where conversation references say the Bot Connector is; ends with a slash, like Teams' own. */
    String serviceUrl() {
        return server.baseUrl() + "/";
    }

    int received() {
        synchronized (summaries) {
            return summaries.size();
        }
    }

    /** How many times each message (by its summary, unique per test message) reached a chat. */
    Map<String, Long> postsPerSummary() {
        synchronized (summaries) {
            return summaries.stream().collect(Collectors.groupingBy(summary -> summary, Collectors.counting()));
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Recorder implements ResponseDefinitionTransformerV2 {
        static final String NAME = "stateful-connector";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String summary =
                    read(event.getRequest().getBodyAsString()).path("summary").asText();
            synchronized (summaries) {
                summaries.add(summary);
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withBody("{\"id\":\"activity-" + ids.incrementAndGet() + "\"}")
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

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
