package dev.candor.bot.server;

import io.javalin.http.Handler;

/** The handlers the web server exposes; a platform that is not configured answers 503 with what to set. */
public record Routes(Handler slackEvents, Handler teamsMessages) {

    public static Handler notConfigured(String what) {
        return ctx -> ctx.status(503).json(java.util.Map.of("error", what, "requestId", RequestIds.current()));
    }
}
