package dev.candor.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.response.Response;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.TextCommand;
import dev.candor.bot.logging.LogIds;
import dev.candor.bot.server.BadRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at a signed Slack request before Bolt does and answers the ones Candor doesn't handle itself, in one log line
 * of ids: Bolt would log the whole body of a request it can't classify ("No request pattern detected"), answer an
 * event Candor has no listener for with 404 (Slack retries it), and a malformed event with a 500 (retried too).
 */
final class SlackTriage {
    private static final Logger log = LoggerFactory.getLogger(SlackTriage.class);
    private static final ObjectMapper json = new ObjectMapper();
    private static final Set<String> INTERACTIONS = Set.of("block_actions", "view_submission", "message_action");
    /** Interactions Slack may send to any app with interactivity on; Candor has nothing to say to them. */
    private static final Set<String> IGNORED_INTERACTIONS = Set.of(
            "view_closed",
            "shortcut",
            "block_suggestion",
            "interactive_message",
            "dialog_submission",
            "dialog_cancellation",
            "dialog_suggestion",
            "workflow_step_edit");

    private SlackTriage() {}

    /** What kind of request Bolt will get: a malformed event is acknowledged, anything else malformed is a 400. */
    enum Kind {
        EVENT,
        OTHER
    }

    /** Either an answer Candor gives itself, or the kind of request to hand to Bolt. */
    record Verdict(Kind kind, String eventId, Response answer) {
        Optional<Response> answered() {
            return Optional.ofNullable(answer);
        }

        /** Bolt's answer; a payload Bolt can't read is acknowledged when it is an event, else refused with 400. */
        Response run(BoltCall call) throws Exception {
            try {
                return call.run();
            } catch (RuntimeException e) {
                if (!isMalformedPayload(e)) {
                    throw e;
                }
                if (kind == Kind.EVENT) {
                    log.info(
                            "ignored a malformed Slack event {} ({})",
                            eventId,
                            e.getClass().getSimpleName());
                    return Response.ok();
                }
                throw e instanceof BadRequest bad ? bad : BadRequest.malformed("malformed Slack payload");
            }
        }
    }

    @FunctionalInterface
    interface BoltCall {
        Response run() throws Exception;
    }

    static Verdict of(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return eventsApi(read(trimmed));
        }
        String payload = null;
        boolean command = false;
        boolean sslCheck = false;
        for (String pair : body.split("&")) {
            String[] fields = pair.split("=");
            if (fields.length != 2) {
                continue;
            }
            String name = decode(fields[0].strip());
            if (name.equals("payload") && payload == null) {
                payload = decode(fields[1]);
            } else if (name.equals("command")) {
                command = true;
                if (!TextCommand.WORDS.contains(decode(fields[1]).replaceFirst("^/", ""))) {
                    return unknownCommand();
                }
            } else if (name.equals("ssl_check")) {
                sslCheck = true;
            }
        }
        if (payload != null) {
            return interaction(read(payload));
        }
        if (command || sslCheck) {
            return pass(Kind.OTHER, null);
        }
        return unrecognised(null, 400);
    }

    private static Verdict eventsApi(JsonNode envelope) {
        String type = envelope.path("type").isTextual() ? envelope.path("type").asText() : null;
        if ("url_verification".equals(type)) {
            return pass(Kind.OTHER, null);
        }
        if (type == null) {
            return unrecognised(null, 400);
        }
        if (!"event_callback".equals(type)) {
            // Notifications such as app_rate_limited: acknowledged, since Slack retries anything else.
            return unrecognised(type, 200);
        }
        String eventId = printable(envelope.path("event_id"));
        JsonNode event = envelope.path("event");
        String eventType = event.path("type").isTextual() ? event.path("type").asText() : null;
        if (!event.isObject() || eventType == null) {
            log.info("ignored a malformed Slack event {} (no event type)", eventId);
            return answered(Response.ok());
        }
        boolean subtyped = event.hasNonNull("subtype");
        if (!SlackEvents.TYPES.contains(eventType) || subtyped && eventType.equals("message")) {
            // Edits, joins, bot messages and events from a subscription Candor doesn't use.
            log.debug("ignored Slack event {} of type {}", eventId, printable(event.path("type")));
            return answered(Response.ok());
        }
        return pass(Kind.EVENT, eventId);
    }

    private static Verdict interaction(JsonNode payload) {
        JsonNode type = payload.path("type");
        if (type.isTextual() && INTERACTIONS.contains(type.asText())) {
            if (!hasListenerId(payload, type.asText())) {
                // Bolt would find no listener, log a multi-line suggestion and answer 404.
                throw BadRequest.malformed("Slack " + type.asText() + " without an action or callback id");
            }
            return pass(Kind.OTHER, null);
        }
        if (type.isTextual()
                && type.asText().equals("view_closed")
                && payload.path("view").path("callback_id").isTextual()
                && !payload.path("view").path("callback_id").asText().isEmpty()) {
            // a form closed unsent: its draft, for the form's handler to keep
            return pass(Kind.OTHER, null);
        }
        if (type.isTextual() && IGNORED_INTERACTIONS.contains(type.asText())) {
            log.info("ignored a Slack {} interaction", type.asText());
            return answered(Response.ok());
        }
        return unrecognised(type.isTextual() ? type.asText() : null, 400);
    }

    /** The id Bolt picks the listener by: every listener of Candor's takes any id that isn't empty. */
    private static boolean hasListenerId(JsonNode payload, String type) {
        JsonNode id =
                switch (type) {
                    case "block_actions" -> payload.path("actions").path(0).path("action_id");
                    case "view_submission" -> payload.path("view").path("callback_id");
                    default -> payload.path("callback_id");
                };
        return id.isTextual() && !id.asText().isEmpty();
    }

    private static Verdict unknownCommand() {
        log.info("unrecognised Slack slash command; is the app's manifest Candor's?");
        Message message = Message.of("Candor doesn't know that command. Type /candor help to see what it can do.");
        return answered(Response.json(200, SlackReplies.ephemeralJson(message)));
    }

    private static Verdict unrecognised(String type, int status) {
        String shown = type == null ? "(none)" : LogIds.of(type);
        if (status >= 400) {
            // The web server logs the rejection, with this reason, as the one line.
            throw BadRequest.malformed("unrecognised Slack request type " + shown);
        }
        log.info("unrecognised Slack request type {}; acknowledged", shown);
        return answered(Response.builder().statusCode(status).build());
    }

    private static JsonNode read(String text) {
        try {
            JsonNode tree = json.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw BadRequest.malformed("Slack payload is not a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw BadRequest.malformed("malformed Slack payload");
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BadRequest.malformed("malformed form encoding");
        }
    }

    private static String printable(JsonNode value) {
        return value.isTextual() ? LogIds.of(value.asText()) : "-";
    }

    private static Verdict pass(Kind kind, String eventId) {
        return new Verdict(kind, eventId, null);
    }

    private static Verdict answered(Response response) {
        return new Verdict(Kind.OTHER, null, response);
    }

    /**
     * A payload that is not what Slack sends: Candor refused it ({@link BadRequest}), or it failed inside the JSON
     * library or Bolt's own reading of it (an object where a string belongs, a field missing).
     */
    static boolean isMalformedPayload(Throwable failure) {
        if (failure instanceof BadRequest || failure instanceof com.google.gson.JsonParseException) {
            return true;
        }
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0
                && (frames[0].getClassName().startsWith("com.google.gson.")
                        || frames[0].getClassName().startsWith("com.slack.api."));
    }
}
