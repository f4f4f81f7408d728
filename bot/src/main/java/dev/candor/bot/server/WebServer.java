package dev.candor.bot.server;

import dev.candor.storage.Database;
import io.javalin.Javalin;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.micrometer.MicrometerPlugin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: every route in one place, request ids, error mapping, the 1 MB request limit, metrics, and a
 * graceful stop that lets in-flight requests finish.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    public static final long MAX_REQUEST_BYTES = 1_000_000L;
    private static final long STOP_TIMEOUT_MILLIS = 10_000L;

    private final Javalin javalin;

    public WebServer(Routes routes, Database database, PrometheusMeterRegistry metrics) {
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.useVirtualThreads = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.registerPlugin(new MicrometerPlugin(micrometer -> micrometer.registry = metrics));
            config.jetty.modifyServer(server -> {
                // Jetty waits up to the stop timeout for requests that are already running.
                server.insertHandler(new StatisticsHandler());
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.setStopAtShutdown(false);
            });
            config.router.mount(router -> {
                router.before(RequestIds::begin);
                router.after(RequestIds::end);
                router.post("/slack/events", routes.slackEvents());
                router.post("/api/messages", routes.teamsMessages());
                if (routes.files() != null) {
                    router.get(FileEndpoint.ROUTE, routes.files());
                }
                router.get("/healthz", ctx -> live(ctx, database));
                router.get("/readyz", ctx -> ready(ctx, database));
                router.get("/metrics", ctx -> ctx.contentType(ContentType.PLAIN).result(metrics.scrape()));
            });
        });
        javalin.exception(BadRequest.class, (e, ctx) -> reject(ctx, e.status(), e.getMessage()));
        javalin.exception(HttpResponseException.class, (e, ctx) -> reject(ctx, e.getStatus(), e.getMessage()));
        javalin.exception(Exception.class, (e, ctx) -> {
            log.error("request {} {} failed", ctx.method(), loggedPath(ctx), e);
            ctx.status(500).json(Map.of("error", "internal error", "requestId", RequestIds.current()));
        });
    }

    /** Alive unless Candor's own embedded database is down: then a supervisor may restart the whole thing. */
    private static void live(Context ctx, Database database) {
        if (database.serverRunning()) {
            ctx.result("ok");
        } else {
            ctx.status(503).result("embedded database down");
        }
    }

    private static void ready(Context ctx, Database database) {
        if (database.isReady()) {
            ctx.result("ready");
        } else {
            ctx.status(503).result("database not ready");
        }
    }

    private static void reject(Context ctx, int status, String reason) {
        log.warn("rejected {} {} with {}: {}", ctx.method(), loggedPath(ctx), status, reason);
        ctx.status(status).json(Map.of("error", reason, "requestId", RequestIds.current()));
    }

    /** The path without a file link's token: a token in the logs would be a working link. */
    private static String loggedPath(Context ctx) {
        return ctx.path().startsWith(FileLinks.PATH) ? FileLinks.PATH + "…" : ctx.path();
    }

    public WebServer start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** Stops accepting connections and waits for in-flight requests to finish. */
    @Override
    public void close() {
        javalin.stop();
    }
}
