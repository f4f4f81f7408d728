package dev.candor.bot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Slack's Web API, played by WireMock: answers auth.test, users.info and chat.postMessage like Slack does. */
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
