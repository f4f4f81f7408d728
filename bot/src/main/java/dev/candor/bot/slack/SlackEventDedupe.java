package dev.candor.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import dev.candor.storage.Platform;
import dev.candor.storage.events.ProcessedEventDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each Events API {@code event_id} once: Slack retries an event up to three times when the first
 * answer was slow or failed, and every node shares the record of what was handled. If handling fails, the
 * record is dropped again so that Slack's retry gets its chance.
 */
final class SlackEventDedupe implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(SlackEventDedupe.class);

    private final Jdbi jdbi;

    SlackEventDedupe(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() != RequestType.Event) {
            return chain.next(req);
        }
        String eventId = eventId(req.getRequestBodyAsString());
        if (eventId == null) {
            return chain.next(req);
        }
        ProcessedEventDao events = jdbi.onDemand(ProcessedEventDao.class);
        if (!events.markFirstSeen(Platform.SLACK, eventId)) {
            log.info(
                    "event {} already handled; retry {} acknowledged",
                    eventId,
                    req.getHeaders().getFirstValue("X-Slack-Retry-Num"));
            return Response.ok();
        }
        boolean handled = false;
        try {
            Response response = chain.next(req);
            handled = response.getStatusCode() < 500;
            return response;
        } finally {
            if (!handled) {
                events.forget(Platform.SLACK, eventId);
            }
        }
    }

    private static String eventId(String body) {
        JsonElement json = JsonParser.parseString(body);
        if (!json.isJsonObject()) {
            return null;
        }
        JsonObject payload = json.getAsJsonObject();
        JsonElement id = payload.get("event_id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }
}
