package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.MessageShortcut;
import java.util.Optional;

/**
 * The message extension's action on a message ({@code composeExtension/fetchTask}), Teams' counterpart of a Slack
 * message shortcut: the message's author comes as an Azure AD user, its body as HTML.
 */
final class TeamsDialogs {
    static final String FETCH_TASK = "composeExtension/fetchTask";
    static final String SUBMIT_ACTION = "composeExtension/submitAction";

    private final TeamsPeople people;

    TeamsDialogs(TeamsPeople people) {
        this.people = people;
    }

    MessageShortcut shortcut(Activity activity, Actor actor, ConversationRef where) {
        JsonNode value = TeamsJson.tree(activity.getValue());
        JsonNode message = value.path("messagePayload");
        return new MessageShortcut(
                actor,
                where,
                value.path("commandId").asText(""),
                text(message.path("id")),
                author(actor, message.path("from").path("user")),
                body(message.path("body")),
                text(message.path("linkToMessage")),
                TeamsMapper.sourceKey(activity));
    }

    /** Null for messages from apps and bots, which have no user. */
    private Mention author(Actor actor, JsonNode user) {
        // Teams puts the object id in "id" ("userIdentityType": "aadUser"); some payloads also name it.
        String objectId = Optional.ofNullable(text(user.path("aadObjectId"))).orElse(text(user.path("id")));
        if (objectId == null) {
            return null;
        }
        return people.byObjectId(actor.orgId(), objectId, text(user.path("displayName")));
    }

    private static String body(JsonNode body) {
        String content = body.path("content").asText("");
        return "text".equalsIgnoreCase(body.path("contentType").asText()) ? content.strip() : TeamsText.plain(content);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
