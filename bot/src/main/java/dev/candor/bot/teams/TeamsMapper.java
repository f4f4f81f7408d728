package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.MessageReaction;
import com.microsoft.bot.schema.RoleTypes;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Reaction;
import dev.candor.bot.chat.TextCommand;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformIds;
import dev.candor.bot.people.PlatformUser;
import dev.candor.bot.server.BadRequest;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns Teams activities into neutral requests, provisioning the person behind them. */
final class TeamsMapper {
    /** The Bot Framework Emulator sends no tenant; its conversations belong to this stand-in organisation. */
    static final String EMULATOR_TENANT = "emulator";

    private static final String MESSAGE_ID = ";messageid=";

    private final PeopleDirectory directory;

    TeamsMapper(PeopleDirectory directory) {
        this.directory = directory;
    }

    Actor actor(Activity activity) {
        ChannelAccount from = activity.getFrom();
        if (from == null || from.getId() == null || from.getId().isBlank()) {
            throw BadRequest.malformed("Teams activity without from.id");
        }
        String tenantId = tenantId(activity);
        if (!PlatformIds.valid(Platform.TEAMS, tenantId) || !PlatformIds.valid(Platform.TEAMS, from.getId())) {
            throw BadRequest.malformed("Teams tenant or user id longer than " + PlatformIds.MAX_TEAMS_ID
                    + " characters or not printable ASCII");
        }
        return directory.actorFor(new PlatformUser(
                Platform.TEAMS,
                tenantId,
                from.getId(),
                from.getName(),
                PlatformIds.valid(Platform.TEAMS, from.getAadObjectId()) ? from.getAadObjectId() : null,
                clientTimezone(activity),
                activity.getLocale(),
                activity.getServiceUrl()));
    }

    Command command(Activity activity, Actor actor) {
        TeamsText text = TeamsText.parse(activity.getText(), mentions(activity), botId(activity));
        TextCommand typed = TextCommand.parse(text.text());
        return new Command(
                actor, conversation(activity), typed.name(), typed.text(), text.mentions(), sourceKey(activity));
    }

    /**
     * Reactions added to and removed from one of Candor's messages (Teams reports no others): {@code like},
     * {@code heart}, … on the message {@code replyToId} names, whose author is Candor itself.
     */
    static List<Reaction> reactions(Activity activity, Actor actor) {
        String messageId = activity.getReplyToId();
        if (messageId == null || messageId.isBlank()) {
            return List.of();
        }
        List<Reaction> reactions = new ArrayList<>();
        ConversationRef where = conversation(activity);
        for (boolean added : new boolean[] {true, false}) {
            List<MessageReaction> changed = added ? activity.getReactionsAdded() : activity.getReactionsRemoved();
            for (MessageReaction reaction : changed == null ? List.<MessageReaction>of() : changed) {
                if (reaction != null && reaction.getType() != null) {
                    String key = sourceKey(activity);
                    reactions.add(new Reaction(
                            actor,
                            where,
                            messageId,
                            reaction.getType(),
                            added,
                            botId(activity),
                            null,
                            key == null ? null : key + ":" + (added ? "+" : "-") + reaction.getType()));
                }
            }
        }
        return reactions;
    }

    /** Identifies the activity when Teams delivers it again; without an id there is nothing to recognise it by. */
    static String sourceKey(Activity activity) {
        return activity.getId() == null || activity.getId().isBlank() ? null : "teams:activity:" + activity.getId();
    }

    static ConversationRef conversation(Activity activity) {
        if (activity.getConversation() == null || activity.getConversation().getId() == null) {
            throw BadRequest.malformed("Teams activity without conversation.id");
        }
        String id = activity.getConversation().getId();
        int reply = id.indexOf(MESSAGE_ID);
        String thread = reply < 0 ? null : id.substring(reply + MESSAGE_ID.length());
        return new ConversationRef(Platform.TEAMS, id, kind(activity), thread);
    }

    /** personal → DM, channel → CHANNEL, groupChat → GROUP; the Emulator sends no type for its 1:1 chats. */
    static ConversationKind kind(Activity activity) {
        String type = activity.getConversation().getConversationType();
        if ("channel".equals(type)) {
            return ConversationKind.CHANNEL;
        }
        if ("groupChat".equals(type)
                || type == null && activity.getConversation().isGroup()) {
            return ConversationKind.GROUP;
        }
        return ConversationKind.DM;
    }

    /** Teams puts the tenant in {@code conversation.tenantId} and, in older payloads, {@code channelData.tenant.id}. */
    static String tenantId(Activity activity) {
        String tenant = activity.getConversation() == null
                ? null
                : activity.getConversation().getTenantId();
        if (isBlank(tenant)) {
            JsonNode channelData = TeamsJson.tree(activity.getChannelData());
            tenant = channelData.path("tenant").path("id").asText(null);
        }
        if (isBlank(tenant) && "emulator".equals(activity.getChannelId())) {
            return EMULATOR_TENANT;
        }
        if (isBlank(tenant)) {
            throw BadRequest.malformed("Teams activity without a tenant id");
        }
        return tenant;
    }

    /** Bots (Teams bot ids start with {@code 28:}) and activities without a sender are not people. */
    static boolean isFromPerson(Activity activity) {
        ChannelAccount from = activity.getFrom();
        return from != null
                && from.getId() != null
                && !from.getId().isBlank()
                && from.getRole() != RoleTypes.BOT
                && !from.getId().startsWith("28:")
                && !Objects.equals(from.getId(), botId(activity));
    }

    static String botId(Activity activity) {
        return activity.getRecipient() == null ? null : activity.getRecipient().getId();
    }

    private static List<TeamsText.MentionEntity> mentions(Activity activity) {
        if (activity.getEntities() == null) {
            return List.of();
        }
        // Not Activity.getMentions(): it fails on an entity without a type.
        return activity.getEntities().stream()
                .filter(entity -> entity != null && "mention".equalsIgnoreCase(entity.getType()))
                .map(entity -> entity.getAs(Mention.class))
                .filter(mention -> mention != null && mention.getMentioned() != null)
                .map(TeamsMapper::entity)
                .toList();
    }

    private static TeamsText.MentionEntity entity(Mention mention) {
        return new TeamsText.MentionEntity(
                mention.getMentioned().getId(), mention.getMentioned().getName(), mention.getText());
    }

    /** The IANA time zone from the {@code clientInfo} entity, e.g. {@code Europe/Berlin}; null when absent. */
    static String clientTimezone(Activity activity) {
        if (activity.getEntities() == null) {
            return null;
        }
        for (Entity entity : activity.getEntities()) {
            if (entity != null && "clientInfo".equalsIgnoreCase(entity.getType())) {
                JsonNode timezone = entity.getProperties().get("timezone");
                if (timezone != null
                        && timezone.isTextual()
                        && !timezone.asText().isBlank()) {
                    return timezone.asText();
                }
            }
        }
        return null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
