package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activities shaped like the ones Teams posts (see the recorded botbuilder-js samples): by default a message from
 * Gil in his 1:1 chat with Candor, with the tenant in both places Teams puts it and his time zone in clientInfo.
 */
public final class TestActivity {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011cafe";
    static final String TEAM = "19:team@thread.tacv2";
    private static final ObjectMapper mapper = new ObjectMapper();
    private static final AtomicInteger ids = new AtomicInteger();

    private final ObjectNode activity = mapper.createObjectNode();

    private TestActivity(String type, String serviceUrl) {
        activity.put("type", type)
                .put("id", "1700000000" + ids.incrementAndGet())
                .put("timestamp", Instant.now().toString())
                .put("channelId", "msteams")
                .put("serviceUrl", serviceUrl)
                .put("locale", "en-US");
        from("29:gil", "Gil Giver", "aad-gil");
        inPersonalChat("a:dm-gil");
        activity.putObject("recipient").put("id", TeamsServer.BOT_ID).put("name", "Candor");
        activity.putArray("entities")
                .addObject()
                .put("type", "clientInfo")
                .put("locale", "en-US")
                .put("country", "DE")
                .put("platform", "Web")
                .put("timezone", "Europe/Berlin");
        activity.putObject("channelData").putObject("tenant").put("id", TENANT);
    }

    public static TestActivity message(String serviceUrl, String text) {
        TestActivity message = new TestActivity("message", serviceUrl);
        message.activity.put("text", text).put("textFormat", "plain");
        return message;
    }

    /** An {@code Action.Submit} on a card: a message without text whose value is the card's data plus its inputs. */
    public static TestActivity cardSubmit(String serviceUrl, String cardId, JsonNode value) {
        TestActivity submit = new TestActivity("message", serviceUrl);
        submit.activity.put("replyToId", cardId).set("value", value);
        return submit;
    }

    /** An invoke (card action, message extension) that Teams expects an answer to in the HTTP response. */
    static TestActivity invoke(String serviceUrl, String name, JsonNode value) {
        TestActivity invoke = new TestActivity("invoke", serviceUrl);
        invoke.activity.put("name", name).set("value", value);
        return invoke;
    }

    /** Reactions to one of Candor's messages. */
    static TestActivity reaction(String serviceUrl, String messageId, boolean added, String... types) {
        TestActivity reaction = new TestActivity("messageReaction", serviceUrl);
        ArrayNode reactions =
                reaction.activity.put("replyToId", messageId).putArray(added ? "reactionsAdded" : "reactionsRemoved");
        for (String type : types) {
            reactions.addObject().put("type", type);
        }
        return reaction;
    }

    static TestActivity conversationUpdate(String serviceUrl, String... addedIds) {
        TestActivity update = new TestActivity("conversationUpdate", serviceUrl);
        ArrayNode added = update.activity.putArray("membersAdded");
        for (String id : addedIds) {
            added.addObject().put("id", id);
        }
        return update;
    }

    /** Teams telling Candor it was installed in or removed from the team: {@code add} or {@code remove}. */
    static TestActivity installationUpdate(String serviceUrl, String action) {
        TestActivity update = new TestActivity("installationUpdate", serviceUrl);
        update.activity.put("action", action);
        return update.inChannel(TEAM);
    }

    /** A person joining (with their Teams id and AAD object id) in a {@link #conversationUpdate}. */
    TestActivity added(String id, String aadObjectId) {
        ((ArrayNode) activity.withArray("membersAdded"))
                .addObject()
                .put("id", id)
                .put("aadObjectId", aadObjectId);
        return this;
    }

    /** A member leaving, or Candor itself removed (its bot id, without an object id). */
    TestActivity removed(String id, String aadObjectId) {
        ObjectNode member =
                ((ArrayNode) activity.withArray("membersRemoved")).addObject().put("id", id);
        if (aadObjectId != null) {
            member.put("aadObjectId", aadObjectId);
        }
        return this;
    }

    /** Another team than {@link #TEAM}: for an activity from a channel ({@link #inChannel}). */
    TestActivity team(String teamId) {
        ((ObjectNode) activity.path("channelData")).putObject("team").put("id", teamId);
        return this;
    }

    /** The team's name, as Teams gives it in channelData of team events. */
    TestActivity teamName(String name) {
        ((ObjectNode) activity.path("channelData").path("team")).put("name", name);
        return this;
    }

    public TestActivity from(String id, String name, String aadObjectId) {
        activity.putObject("from").put("id", id).put("name", name).put("aadObjectId", aadObjectId);
        return this;
    }

    TestActivity inPersonalChat(String conversationId) {
        activity.putObject("conversation")
                .put("conversationType", "personal")
                .put("tenantId", TENANT)
                .put("id", conversationId);
        return this;
    }

    /** A channel of the team {@code 19:team@thread.tacv2}, as Teams says in channelData. */
    TestActivity inChannel(String conversationId) {
        activity.putObject("conversation")
                .put("isGroup", true)
                .put("conversationType", "channel")
                .put("tenantId", TENANT)
                .put("id", conversationId);
        ((ObjectNode) activity.get("channelData")).putObject("team").put("id", TEAM);
        return this;
    }

    TestActivity inGroupChat(String conversationId) {
        activity.putObject("conversation")
                .put("isGroup", true)
                .put("conversationType", "groupChat")
                .put("tenantId", TENANT)
                .put("id", conversationId);
        return this;
    }

    TestActivity tenant(String tenantId) {
        ((ObjectNode) activity.get("conversation")).put("tenantId", tenantId);
        activity.putObject("channelData").putObject("tenant").put("id", tenantId);
        return this;
    }

    /** A mention entity as Teams sends it; the text must contain {@code <at>name</at>}. */
    TestActivity mention(String id, String name) {
        ObjectNode mention = ((ArrayNode) activity.get("entities"))
                .addObject()
                .put("type", "mention")
                .put("text", "<at>" + name + "</at>");
        mention.putObject("mentioned").put("id", id).put("name", name);
        return this;
    }

    TestActivity mentionCandor() {
        return mention(TeamsServer.BOT_ID, "Candor");
    }

    /** The sender's time zone, as Teams reports it in clientInfo. */
    TestActivity timezone(String zone) {
        ((ObjectNode) activity.get("entities").get(0)).put("timezone", zone);
        return this;
    }

    TestActivity with(String field, String value) {
        activity.put(field, value);
        return this;
    }

    String conversationId() {
        return activity.path("conversation").path("id").asText();
    }

    String id() {
        return activity.get("id").asText();
    }

    public String json() {
        return activity.toString();
    }
}
