package dev.candor.bot.server;

import io.javalin.http.Handler;

/**
 * The handlers the web server exposes; a platform that is not configured answers with what to set.
 *
 * @param files the files behind expiring links ({@link FileEndpoint}), or null when there are none to serve
 */
public record Routes(Handler slackEvents, Handler teamsMessages, Handler files) {

    public Routes(Handler slackEvents, Handler teamsMessages) {
        this(slackEvents, teamsMessages, null);
    }

    public static Handler notConfigured(String what) {
        return ctx -> ctx.status(503).json(java.util.Map.of("error", what, "requestId", RequestIds.current()));
    }

    /**
     * 401 to every request, with the reason, the request id and one log line: for an endpoint whose callers can't be
     * authenticated, so that nothing posted there reaches a handler.
     */
    public static Handler refuseAll(String reason) {
        return ctx -> {
            throw BadRequest.unauthorized(reason);
        };
    }
}
