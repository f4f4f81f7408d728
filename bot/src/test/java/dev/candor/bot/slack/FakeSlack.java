package dev.candor.bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slack's Web API, played by WireMock: answers auth.test, users.info, conversations.open, chat.postMessage, the views
 * and ephemeral methods, permalinks and user groups like Slack does, and plays the {@code response_url} endpoint too.
 * The DM channel of user {@code U0ANA} is {@code D0ANA}.
 */
final class FakeSlack implements AutoCloseable {
    final WireMockServer server = new WireMockServer(options().dynamicPort());

    FakeSlack() {
        server.start();
        reset();
    }

    void reset() {
        server.resetAll();
        server.stubFor(
                post(urlEqualTo("/api/auth.test"))
                        .willReturn(
                                okJson(
                                        """
                        {"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"candor",
                         "team_id":"T0ACME","user_id":"UCANDOR","bot_id":"BCANDOR"}""")));
        server.stubFor(
                post(urlEqualTo("/api/users.info")).atPriority(10).willReturn(okJson(user("UANY", "Someone", false))));
        server.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D0DM\",\"ts\":\"1700000000.000100\"}")));
        server.stubFor(post(urlEqualTo("/api/conversations.open"))
                .atPriority(10)
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"D{{regexExtract request.body"
                                + " 'users=[A-Z]([A-Za-z0-9]+)' 'parts'}}{{parts.0}}\"}}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlEqualTo("/api/conversations.info"))
                .atPriority(10)
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0ANY\",\"is_channel\":true,"
                        + "\"is_private\":false,\"is_im\":false,\"is_mpim\":false}}")));
        server.stubFor(post(urlEqualTo("/api/views.open"))
                .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V0OPENED\",\"type\":\"modal\"}}")));
        server.stubFor(post(urlEqualTo("/api/views.publish"))
                .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V0HOME\",\"type\":\"home\"}}")));
        server.stubFor(post(urlEqualTo("/api/chat.postEphemeral"))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000000.000900\"}")));
        server.stubFor(post(urlEqualTo("/api/chat.update"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0GENERAL\",\"ts\":\"1700000000.000100\"}")));
        server.stubFor(post(urlEqualTo("/api/chat.getPermalink"))
                .atPriority(10)
                .willReturn(okJson("{\"ok\":false,\"error\":\"message_not_found\"}")));
        server.stubFor(post(urlEqualTo("/api/usergroups.users.list"))
                .atPriority(10)
                .willReturn(okJson("{\"ok\":false,\"error\":\"no_such_subteam\"}")));
        server.stubFor(post(urlPathMatching("/response/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /** chat.getPermalink for one message. */
    void permalink(String channel, String ts, String url) {
        server.stubFor(post(urlEqualTo("/api/chat.getPermalink"))
                .atPriority(1)
                .withRequestBody(containing("channel=" + channel))
                .withRequestBody(containing("message_ts=" + ts))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"%s\",\"permalink\":\"%s\"}".formatted(channel, url))));
    }

    /** conversations.open refuses a DM with this user, e.g. {@code user_disabled}. */
    void refuseDm(String userId, String error) {
        fail("conversations.open", "users=" + userId, error);
    }

    /** usergroups.users.list for one group. */
    void group(String groupId, String... members) {
        String users = String.join("\",\"", members);
        server.stubFor(post(urlEqualTo("/api/usergroups.users.list"))
                .atPriority(1)
                .withRequestBody(containing("usergroup=" + groupId))
                .willReturn(
                        okJson("{\"ok\":true,\"users\":[" + (members.length == 0 ? "" : "\"" + users + "\"") + "]}")));
    }

    /** A Web API method answering {@code {"ok":false,"error":…}} for requests whose body contains {@code match}. */
    void fail(String method, String match, String error) {
        server.stubFor(post(urlEqualTo("/api/" + method))
                .atPriority(1)
                .withRequestBody(containing(match))
                .willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));
    }

    /** A response_url that leads to this fake: what Candor posts there is recorded under {@code name}. */
    String responseUrl(String name) {
        return server.baseUrl() + "/response/" + name;
    }

    /** The JSON bodies posted to a response_url made by {@link #responseUrl}. */
    List<String> responses(String name) {
        return server.findAll(postRequestedFor(urlEqualTo("/response/" + name))).stream()
                .map(LoggedRequest::getBodyAsString)
                .toList();
    }

    /** The form fields of every call to a Web API method, in order. */
    List<Map<String, String>> calls(String method) {
        return server.findAll(postRequestedFor(urlEqualTo("/api/" + method))).stream()
                .map(request -> form(request.getBodyAsString()))
                .toList();
    }

    static Map<String, String> form(String body) {
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

    /** users.info for one user: name, email, time zone, bot or not. */
    void user(String userId, String name, String email, String timezone, boolean bot) {
        server.stubFor(post(urlEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=" + userId))
                .willReturn(okJson(
                        """
                        {"ok":true,"user":{"id":"%s","name":"%s","real_name":"%s","tz":"%s","is_bot":%s,
                         "deleted":false,"profile":{"display_name":"%s","email":%s}}}"""
                                .formatted(
                                        userId,
                                        name.toLowerCase(),
                                        name,
                                        timezone,
                                        bot,
                                        name,
                                        email == null ? "null" : "\"" + email + "\""))));
    }

    /** users.info for one user whose profile carries a status: emoji, text and expiry (0: none), as Slack sends. */
    void userWithStatus(String userId, String name, String timezone, String emoji, String text, long expiration) {
        server.stubFor(post(urlEqualTo("/api/users.info"))
                .atPriority(1)
                .withRequestBody(containing("user=" + userId))
                .willReturn(okJson("{\"ok\":true,\"user\":"
                        + SlackRequests.slackUser(userId, name, timezone, emoji, text, expiration) + "}")));
    }

    /** conversations.info says this channel is private. */
    void privateChannel(String channelId) {
        server.stubFor(post(urlEqualTo("/api/conversations.info"))
                .atPriority(1)
                .withRequestBody(containing("channel=" + channelId))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + channelId + "\",\"is_channel\":true,"
                        + "\"is_private\":true,\"is_im\":false,\"is_mpim\":false}}")));
    }

    void failPostMessage(int status, String retryAfter, String body) {
        var response = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
        if (retryAfter != null) {
            response = response.withHeader("Retry-After", retryAfter);
        }
        server.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1).willReturn(response));
    }

    private static String user(String id, String name, boolean bot) {
        return """
                {"ok":true,"user":{"id":"%s","name":"%s","real_name":"%s","tz":"UTC","is_bot":%s,"deleted":false,
                 "profile":{"display_name":"%s"}}}"""
                .formatted(id, name, name, bot, name);
    }

    /** The form fields of every chat.postMessage Candor made. */
    List<String> postedMessages() {
        return server.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> URLDecoder.decode(body, StandardCharsets.UTF_8))
                .toList();
    }

    String apiUrl() {
        return server.baseUrl() + "/api/";
    }

    @Override
    public void close() {
        server.stop();
    }
}
