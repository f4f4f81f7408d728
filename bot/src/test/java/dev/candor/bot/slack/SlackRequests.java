package dev.candor.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Interaction and event payloads shaped like Slack's (see shared/fixtures/slack-samples): view_submission,
 * block_actions, message_action, and Events API envelopes for reactions and App Home.
 */
final class SlackRequests {
    static final String TEAM = "T0ACME";
    private static final ObjectMapper json = new ObjectMapper();
    private static final AtomicLong sequence = new AtomicLong();

    private SlackRequests() {}

    static String triggerId() {
        return "trigger-" + sequence.incrementAndGet() + "-" + System.nanoTime();
    }

    /** Slack's view_submission for a modal Candor opened: the view as sent, plus Slack's id, hash and state. */
    static String viewSubmission(String userId, JsonNode openedView, String viewId, ObjectNode values) {
        ObjectNode view = openedView.deepCopy();
        view.put("id", viewId);
        view.put("team_id", TEAM);
        view.put("hash", "1700000000.hash" + viewId);
        view.put("app_id", "A0CANDOR");
        view.put("bot_id", "BCANDOR");
        view.set("state", json.createObjectNode().set("values", values));
        ObjectNode payload = envelope("view_submission", userId);
        payload.put("trigger_id", triggerId());
        payload.set("view", view);
        payload.set("response_urls", json.createArrayNode());
        return payload.toString();
    }

    /** Slack's view_closed for a modal Candor opened with notify_on_close: the view as sent, with what was typed. */
    static String viewClosed(String userId, JsonNode openedView, String viewId, ObjectNode values) {
        ObjectNode view = openedView.deepCopy();
        view.put("id", viewId);
        view.put("team_id", TEAM);
        view.put("hash", "1700000000.hash" + viewId);
        view.put("app_id", "A0CANDOR");
        view.put("bot_id", "BCANDOR");
        view.set("state", json.createObjectNode().set("values", values));
        ObjectNode payload = envelope("view_closed", userId);
        payload.set("view", view);
        payload.put("is_cleared", false);
        return payload.toString();
    }

    /** The state of a kudos form: people chosen, text typed, values chosen (any may be null: left empty). */
    static ObjectNode kudosState(List<String> people, String message, List<String> values) {
        ObjectNode state = json.createObjectNode();
        ObjectNode chosen = element(state, "people", "multi_users_select");
        ArrayNode users = chosen.putArray("selected_users");
        (people == null ? List.<String>of() : people).forEach(users::add);
        ObjectNode text = element(state, "message", "plain_text_input");
        if (message != null) {
            text.put("value", message);
        } else {
            text.putNull("value");
        }
        if (values != null) {
            ArrayNode options = element(state, "values", "multi_static_select").putArray("selected_options");
            for (String value : values) {
                ObjectNode option = options.addObject();
                option.putObject("text").put("type", "plain_text").put("text", value);
                option.put("value", value);
            }
        }
        return state;
    }

    static String blockAction(String userId, String actionId, String value, String channel, String responseUrl) {
        ObjectNode payload = envelope("block_actions", userId);
        payload.put("trigger_id", triggerId());
        payload.put("response_url", responseUrl);
        payload.putObject("container")
                .put("type", "message")
                .put("message_ts", "1700000000.000500")
                .put("channel_id", channel)
                .put("is_ephemeral", false);
        payload.putObject("channel").put("id", channel).put("name", "general");
        payload.putObject("message")
                .put("type", "message")
                .put("user", "UCANDOR")
                .put("ts", "1700000000.000500")
                .put("text", "a message with a button");
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("action_id", actionId)
                .put("block_id", "b1")
                .put("type", "button")
                .put("value", value)
                .put("action_ts", "1700000001.000001");
        action.putObject("text").put("type", "plain_text").put("text", "Go");
        return payload.toString();
    }

    /** A button pressed on the App Home: Slack sends the home view it is on, and no channel, message or response_url. */
    static String homeAction(String userId, String actionId, String value) {
        ObjectNode payload = envelope("block_actions", userId);
        payload.put("trigger_id", triggerId());
        payload.putObject("container").put("type", "view").put("view_id", "V0HOME");
        ObjectNode view = payload.putObject("view");
        view.put("id", "V0HOME")
                .put("team_id", TEAM)
                .put("type", "home")
                .put("private_metadata", "")
                .put("callback_id", "")
                .put("hash", "1700000000.home")
                .put("app_id", "A0CANDOR")
                .put("bot_id", "B0CANDOR");
        view.putArray("blocks");
        view.putObject("state").putObject("values");
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("action_id", actionId)
                .put("block_id", "b1")
                .put("type", "button")
                .put("value", value)
                .put("action_ts", "1700000001.000002");
        action.putObject("text").put("type", "plain_text").put("text", "Go");
        return payload.toString();
    }

    static String messageAction(
            String userId, String channel, String channelName, String author, String ts, String text, String url) {
        ObjectNode payload = envelope("message_action", userId);
        payload.put("callback_id", "kudos.give_from_message");
        payload.put("trigger_id", triggerId());
        payload.put("message_ts", ts);
        payload.put("response_url", url);
        payload.put("action_ts", "1700000002.000001");
        payload.putObject("channel").put("id", channel).put("name", channelName);
        payload.putObject("message")
                .put("type", "message")
                .put("user", author)
                .put("ts", ts)
                .put("text", text)
                .put("team", TEAM);
        return payload.toString();
    }

    static String reaction(
            String eventId, boolean added, String user, String emoji, String channel, String ts, String itemUser) {
        ObjectNode event = json.createObjectNode();
        event.put("type", added ? "reaction_added" : "reaction_removed");
        event.put("user", user);
        event.putObject("item").put("type", "message").put("channel", channel).put("ts", ts);
        event.put("reaction", emoji);
        event.put("item_user", itemUser);
        event.put("event_ts", "1700000100.000100");
        return callback(eventId, event);
    }

    static String fileReaction(String eventId, String user, String emoji) {
        ObjectNode event = json.createObjectNode();
        event.put("type", "reaction_added");
        event.put("user", user);
        event.putObject("item").put("type", "file").put("file", "F0FILE");
        event.put("reaction", emoji);
        event.put("item_user", "U0ANA");
        event.put("event_ts", "1700000100.000100");
        return callback(eventId, event);
    }

    static String homeOpened(String eventId, String user, String tab) {
        ObjectNode event = json.createObjectNode();
        event.put("type", "app_home_opened");
        event.put("user", user);
        event.put("channel", "D0HOME" + user);
        event.put("tab", tab);
        event.put("event_ts", "1700000200.000100");
        return callback(eventId, event);
    }

    /** Slack's user_change: someone's profile, status included, as it is now. */
    static String userChange(
            String eventId, String userId, String name, String timezone, String emoji, String text, long expiration) {
        ObjectNode event = json.createObjectNode();
        event.put("type", "user_change");
        event.set("user", slackUser(userId, name, timezone, emoji, text, expiration));
        event.put("cache_ts", 1700000300);
        event.put("event_ts", "1700000300.000100");
        return callback(eventId, event);
    }

    /** A Slack user object shaped like users.info's and user_change's: profile, time zone and status. */
    static ObjectNode slackUser(
            String userId, String name, String timezone, String emoji, String text, long expiration) {
        ObjectNode user = json.createObjectNode();
        user.put("id", userId)
                .put("team_id", TEAM)
                .put("name", name.toLowerCase())
                .put("deleted", false)
                .put("real_name", name)
                .put("tz", timezone)
                .put("tz_offset", 0)
                .put("is_bot", false)
                .put("is_app_user", false);
        user.putObject("profile")
                .put("real_name", name)
                .put("display_name", name)
                .put("email", name.toLowerCase() + "@acme.test")
                .put("status_text", text)
                .put("status_emoji", emoji)
                .put("status_expiration", expiration);
        return user;
    }

    private static String callback(String eventId, ObjectNode event) {
        ObjectNode payload = json.createObjectNode();
        payload.put("token", "legacy-verification-token");
        payload.put("team_id", TEAM);
        payload.put("api_app_id", "A0CANDOR");
        payload.set("event", event);
        payload.put("type", "event_callback");
        payload.put("event_id", eventId);
        payload.put("event_time", 1700000100);
        return payload.toString();
    }

    private static ObjectNode envelope(String type, String userId) {
        ObjectNode payload = json.createObjectNode();
        payload.put("type", type);
        payload.putObject("team").put("id", TEAM).put("domain", "acme");
        payload.putObject("user")
                .put("id", userId)
                .put("username", userId.toLowerCase())
                .put("name", userId.toLowerCase())
                .put("team_id", TEAM);
        payload.put("api_app_id", "A0CANDOR");
        payload.put("token", "legacy-verification-token");
        payload.put("is_enterprise_install", false);
        return payload;
    }

    private static ObjectNode element(ObjectNode state, String blockId, String type) {
        ObjectNode element = state.putObject(blockId).putObject(blockId);
        element.put("type", type);
        return element;
    }
}
