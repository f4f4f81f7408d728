package dev.candor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Slack's Web API as a stub that answers every call with ok (auth.test, chat.postMessage, chat.update). */
final class StatsHttpStub implements AutoCloseable {
    private final HttpServer server;

    StatsHttpStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", StatsHttpStub::ok);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    private static void ok(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body =
                    """
                    {"ok":true,"url":"https://bench.slack.com/","team":"Bench","user":"candor","channel":"D0BENCH",
                     "team_id":"T0BENCH","user_id":"UCANDOR","bot_id":"BCANDOR","ts":"1.000100"}"""
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
