package dev.candor.bot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Microsoft's side, played by WireMock: the OpenID metadata and signing keys of the Bot Framework, and the Bot
 * Connector that replies and proactive messages are posted to.
 */
final class FakeBotFramework implements AutoCloseable {
    static final String REPLY = "/v3/conversations/[^/]+/activities/[^/]+";
    static final String SEND = "/v3/conversations/[^/]+/activities";
    private static final ObjectMapper mapper = new ObjectMapper();

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    FakeBotFramework() {
        server.start();
        reset();
    }

    void reset() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration"))
                .willReturn(okJson(
                        """
                        {"issuer":"https://api.botframework.com","jwks_uri":"%s/v1/.well-known/keys",
                         "id_token_signing_alg_values_supported":["RS256"]}"""
                                .formatted(server.baseUrl()))));
        server.stubFor(
                get(urlPathEqualTo("/v1/.well-known/keys")).willReturn(okJson(TestTokens.jwks("msteams", "emulator"))));
        server.stubFor(post(urlPathMatching(REPLY)).willReturn(okJson("{\"id\":\"reply-1\"}")));
        server.stubFor(post(urlPathMatching(SEND))
                .willReturn(okJson("{\"id\":\"sent-1\"}").withStatus(201)));
        server.stubFor(post(urlPathEqualTo("/v3/conversations"))
                .willReturn(okJson("{\"id\":\"a:new-chat\"}").withStatus(201)));
    }

    String metadataUrl() {
        return server.baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    /** Where activities say the Bot Connector is; ends with a slash, like Teams' own. */
    String serviceUrl() {
        return server.baseUrl() + "/";
    }

    void failSends(int status, String retryAfter) {
        var response = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Failed\",\"message\":\"failed\"}}");
        if (retryAfter != null) {
            response = response.withHeader("Retry-After", retryAfter);
        }
        server.stubFor(post(urlPathMatching(SEND)).atPriority(1).willReturn(response));
    }

    void failReplies(int status) {
        server.stubFor(post(urlPathMatching(REPLY))
                .atPriority(1)
                .willReturn(aResponse().withStatus(status).withBody("{}")));
    }

    List<LoggedRequest> replies() {
        return server.findAll(postRequestedFor(urlPathMatching(REPLY)));
    }

    List<LoggedRequest> sends() {
        return server.findAll(postRequestedFor(urlPathMatching(SEND)));
    }

    List<LoggedRequest> conversationsCreated() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/v3/conversations")));
    }

    /** Everything posted to the Bot Connector. */
    List<LoggedRequest> connectorCalls() {
        return server.findAll(postRequestedFor(urlPathMatching("/v3/.*")));
    }

    static JsonNode json(LoggedRequest request) {
        try {
            return mapper.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request path with its percent-escapes decoded: {@code /v3/conversations/19:abc@thread.tacv2/…}. */
    static String path(LoggedRequest request) {
        return URLDecoder.decode(request.getUrl().replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
