package dev.candor.bot.outbox;

import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.outbox.NewOutboxMessage;
import dev.candor.storage.outbox.OutboxQueueDao;
import dev.candor.storage.outbox.TargetKind;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The only way the bot speaks on its own: queue a message with an idempotency key, in the same transaction as
 * the change that caused it. A delivery worker on some node sends it; the same key is never sent twice.
 */
public final class Outbox {
    private Outbox() {}

    /** Queues a DM to a person's platform account; false when this key was queued before. */
    public static boolean toUser(
            Handle handle, long orgId, Platform platform, String platformUserId, String key, Message message) {
        return handle.attach(OutboxQueueDao.class)
                .enqueue(orgId, key, platform, TargetKind.USER, platformUserId, MessageJson.write(message));
    }

    /** Queues many DMs in one round trip (a sweep's nudges); returns how many were new. */
    public static int toUsers(Handle handle, List<UserMessage> messages) {
        return Arrays.stream(queueAll(
                        handle,
                        messages.stream()
                                .map(dm -> Queued.toUser(
                                        dm.orgId(), dm.platform(), dm.platformUserId(), dm.key(), dm.message()))
                                .toList()))
                .sum();
    }

    /** A DM for {@link #toUsers}: to a person's platform account, with its idempotency key. */
    public record UserMessage(long orgId, Platform platform, String platformUserId, String key, Message message) {}

    /**
     * A message for {@link #queueAll}: to a person's account or to a conversation, with its idempotency key and,
     * for a conversation, the platform's reply URL to fall back on (or null).
     */
    public record Queued(
            long orgId,
            Platform platform,
            TargetKind kind,
            String target,
            String key,
            Message message,
            String replyUrl) {

        public static Queued toUser(long orgId, Platform platform, String platformUserId, String key, Message message) {
            return new Queued(orgId, platform, TargetKind.USER, platformUserId, key, message, null);
        }

        public static Queued toConversation(
                long orgId, Platform platform, String conversationId, String key, Message message, String replyUrl) {
            return new Queued(orgId, platform, TargetKind.CONVERSATION, conversationId, key, message, replyUrl);
        }
    }

    /** Queues any messages in one round trip; per message 1 when queued, 0 when its key was queued before. */
    public static int[] queueAll(Handle handle, List<Queued> messages) {
        if (messages.isEmpty()) {
            return new int[0];
        }
        List<NewOutboxMessage> rows = messages.stream()
                .map(queued -> new NewOutboxMessage(
                        queued.orgId(),
                        queued.key(),
                        queued.platform(),
                        queued.kind(),
                        queued.target(),
                        MessageJson.write(queued.message()),
                        queued.replyUrl()))
                .toList();
        return handle.attach(OutboxQueueDao.class).enqueueAll(rows);
    }

    /** Queues a post to a channel or conversation; false when this key was queued before. */
    public static boolean toConversation(
            Handle handle, long orgId, Platform platform, String conversationId, String key, Message message) {
        return toConversation(handle, orgId, platform, conversationId, key, message, null);
    }

    /**
     * Queues a post to a conversation, with the platform's reply URL to fall back on when the bot can't post
     * there by itself (a Slack private channel or DM it is not part of); false when this key was queued before.
     */
    public static boolean toConversation(
            Handle handle,
            long orgId,
            Platform platform,
            String conversationId,
            String key,
            Message message,
            String replyUrl) {
        return handle.attach(OutboxQueueDao.class)
                .enqueue(
                        orgId,
                        key,
                        platform,
                        TargetKind.CONVERSATION,
                        conversationId,
                        MessageJson.write(message),
                        replyUrl);
    }
}
