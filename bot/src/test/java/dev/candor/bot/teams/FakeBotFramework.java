package dev.candor.bot.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
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
public final class FakeBotFramework implements AutoCloseable {
    static final String REPLY = "/v3/conversations/[^/]+/activities/[^/]+";
    static final String SEND = "/v3/conversations/[^/]+/activities";
    static final String MEMBER = "/v3/conversations/[^/]+/members/[^/]+";
    private static final ObjectMapper mapper = new ObjectMapper();

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    /** The stubs every test starts from; a reset keeps them, so that no message in flight meets a stubless server. */
    private final java.util.Set<java.util.UUID> defaults = new java.util.HashSet<>();

    FakeBotFramework() {
        server.start();
        stubDefaults();
        server.getStubMappings().forEach(mapping -> defaults.add(mapping.getId()));
    }

    /**
     * Forgets every request and every stub a test added, keeping the default ones in place throughout (removing them
     * all and stubbing anew let a proactive message sent meanwhile fail with a 404).
     */
    void reset() {
        server.resetRequests();
        server.getStubMappings().stream()
                .filter(mapping -> !defaults.contains(mapping.getId()))
                .toList()
                .forEach(server::removeStub);
    }

    private void stubDefaults() {
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
        // Each person's 1:1 chat has its own id: a:chat-29:ana for 29:ana.
        server.stubFor(post(urlPathEqualTo("/v3/conversations"))
                .willReturn(okJson("{\"id\":\"a:chat-{{jsonPath request.body '$.members[0].id'}}\"}")
                        .withStatus(201)
                        .withTransformers("response-template")));
        server.stubFor(put(urlPathMatching(REPLY)).willReturn(okJson("{\"id\":\"updated\"}")));
        // Teams Candor is in have no members unless a test says otherwise (roster).
        server.stubFor(get(urlPathMatching("/v3/conversations/[^/]+/pagedmembers"))
                .atPriority(10)
                .willReturn(okJson("{\"members\":[]}")));
        server.stubFor(get(urlPathMatching(MEMBER))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"no\"}}")));
    }

    /** Teams knows this person as a member of every conversation: by object id, with their Teams id and name. */
    void member(String objectId, String teamsId, String name) {
        server.stubFor(get(urlPathMatching("/v3/conversations/[^/]+/members/" + objectId))
                .atPriority(1)
                .willReturn(okJson(
                        "{\"id\":\"%s\",\"name\":\"%s\",\"aadObjectId\":\"%s\"}".formatted(teamsId, name, objectId))));
    }

    /** A member as the paged members API lists them. */
    record RosterMember(String teamsId, String objectId, String name, String email) {
        String json() {
            return "{\"id\":\"%s\",\"aadObjectId\":\"%s\",\"name\":\"%s\",\"email\":%s,\"userPrincipalName\":%s}"
                    .formatted(teamsId, objectId, name, quoted(email), quoted(email));
        }

        private static String quoted(String text) {
            return text == null ? "null" : "\"" + text + "\"";
        }
    }

    /**
     * The paged members API of a team lists these members, {@code pageSize} per page, each page after the first asked
     * for with the previous page's continuation token ({@code page-2}, {@code page-3}, …).
     */
    void roster(String teamId, int pageSize, RosterMember... members) {
        String path = "/v3/conversations/" + teamId + "/pagedmembers";
        int pages = Math.max(1, (members.length + pageSize - 1) / pageSize);
        for (int page = 1; page <= pages; page++) {
            List<String> listed = java.util.Arrays.stream(members)
                    .skip((long) (page - 1) * pageSize)
                    .limit(pageSize)
                    .map(RosterMember::json)
                    .toList();
            String next = page < pages ? "\"continuationToken\":\"page-" + (page + 1) + "\"," : "";
            var request = get(urlPathEqualTo(path));
            request = page == 1
                    ? request.withQueryParam("continuationToken", absent())
                    : request.withQueryParam("continuationToken", equalTo("page-" + page));
            server.stubFor(request.willReturn(okJson("{" + next + "\"members\":[" + String.join(",", listed) + "]}")));
        }
    }

    /** The requests for a team's members, in order. */
    List<LoggedRequest> rosterReads() {
        return server.findAll(getRequestedFor(urlPathMatching("/v3/conversations/[^/]+/pagedmembers")));
    }

    /** Proactive sends to conversations whose id contains {@code marker} get this message id. */
    void sendsTo(String marker, String messageId) {
        server.stubFor(post(urlPathMatching("/v3/conversations/[^/]*" + marker + "[^/]*/activities"))
                .atPriority(1)
                .willReturn(okJson("{\"id\":\"" + messageId + "\"}").withStatus(201)));
    }

    String metadataUrl() {
        return server.baseUrl() + "/v1/.well-known/openidconfiguration";
    }

    /** Where activities say the Bot Connector is; ends with a slash, like Teams' own. */
    public String serviceUrl() {
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

    /** Teams refuses to open 1:1 chats, e.g. because the person hasn't installed the app (403). */
    void failNewChats(int status) {
        server.stubFor(post(urlPathEqualTo("/v3/conversations"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(status).withBody("{}")));
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

    /** Cards replaced in place ({@code PUT …/activities/{id}}). */
    List<LoggedRequest> updates() {
        return server.findAll(putRequestedFor(urlPathMatching(REPLY)));
    }

    List<LoggedRequest> memberLookups() {
        return server.findAll(getRequestedFor(urlPathMatching(MEMBER)));
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
