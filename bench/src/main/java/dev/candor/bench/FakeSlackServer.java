package dev.candor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Slack's Web API as far as Candor and Bolt use it here, on the JDK's own HTTP server (lighter than WireMock, which
 * would record every request): {@code auth.test}, {@code users.info} for any user id, and {@code chat.postMessage},
 * counted so the report can say how many DMs reached "Slack".
 */
final class FakeSlackServer implements AutoCloseable {
    private static final String[] ZONES = {"Europe/Lisbon", "America/New_York", "Asia/Shanghai", "UTC"};

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-slack");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder authTests = new LongAdder();
    private final LongAdder userInfos = new LongAdder();
    private final LongAdder postedMessages = new LongAdder();
    private final LongAdder otherCalls = new LongAdder();

    FakeSlackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/api/auth.test", exchange -> answer(exchange, authTests, AUTH_TEST));
        server.createContext("/api/users.info", exchange -> answer(exchange, userInfos, user(form(exchange, "user"))));
        server.createContext(
                "/api/chat.postMessage",
                exchange -> answer(
                        exchange,
                        postedMessages,
                        "{\"ok\":true,\"channel\":\"D0DM\",\"ts\":\"%d.000100\"}"
                                .formatted(System.currentTimeMillis() / 1000)));
        server.createContext(
                "/", exchange -> answer(exchange, otherCalls, "{\"ok\":false,\"error\":\"unknown_method\"}"));
        server.setExecutor(executor);
        server.start();
    }

    private static final String AUTH_TEST =
            """
            {"ok":true,"url":"https://bench.slack.com/","team":"Bench","user":"candor",
             "team_id":"T0BENCH","user_id":"UCANDOR","bot_id":"BCANDOR"}""";

    /** Every user is a person with a name, a unique email and one of a few time zones. */
    private static String user(String userId) {
        String id = userId == null ? "UNKNOWN" : userId;
        String zone = ZONES[Math.floorMod(id.hashCode(), ZONES.length)];
        return """
                {"ok":true,"user":{"id":"%s","name":"%s","real_name":"Person %s","tz":"%s","is_bot":false,
                 "deleted":false,"profile":{"display_name":"Person %s","email":"%s@bench.test"}}}"""
                .formatted(id, id.toLowerCase(), id, zone, id, id.toLowerCase());
    }

    private static String form(HttpExchange exchange, String field) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals(field)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void answer(HttpExchange exchange, LongAdder counter, String json) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            counter.increment();
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    long authTests() {
        return authTests.sum();
    }

    long userInfos() {
        return userInfos.sum();
    }

    long postedMessages() {
        return postedMessages.sum();
    }

    /** Calls to methods this fake does not know (answered {@code unknown_method}). */
    long otherCalls() {
        return otherCalls.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
