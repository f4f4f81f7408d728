package dev.candor.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.function.Predicate;

/** A server under load: its Slack endpoint and what a correct answer to {@code /kudos} looks like. */
record Target(String name, URI endpoint, Predicate<HttpResponse<String>> answeredCorrectly) {

    /** Candor confirms the kudos privately to the giver; the channel post and DMs go through the outbox. */
    static Target candor(int port) {
        return new Target(
                "Candor",
                endpoint(port),
                response -> response.statusCode() == 200 && response.body().contains("Kudos to"));
    }

    /** The no-op handler only acknowledges. */
    static Target bareBolt(int port) {
        return new Target("bare Bolt", endpoint(port), response -> response.statusCode() == 200);
    }

    private static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }
}
