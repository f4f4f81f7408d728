package dev.candor.bot.outbox;

import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.outbox.NewOutboxMessage;
import dev.candor.storage.outbox.OutboxOperation;
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

    /**
     * Queues a DM that leaves no row behind once delivered (or given up on): for a message whose recipient must not
     * be readable from the database afterwards, such as the author of an anonymous message. False when this key was
     * queued before.
     */
    public static boolean toUserForgottenWhenDelivered(
            Handle handle, long orgId, Platform platform, String platformUserId, String key, Message message) {
        boolean queued = toUser(handle, orgId, platform, platformUserId, key, message);
        if (queued) {
            handle.attach(OutboxQueueDao.class).forgetWhenDelivered(orgId, key);
        }
        return queued;
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
     * for a conversation, the platform's reply URL to fall back on (or null) and the thread it goes into (or null).
     */
    public record Queued(
            long orgId,
            Platform platform,
            TargetKind kind,
            String target,
            String key,
            Message message,
            String replyUrl,
            String threadId) {

        public static Queued toUser(long orgId, Platform platform, String platformUserId, String key, Message message) {
            return new Queued(orgId, platform, TargetKind.USER, platformUserId, key, message, null, null);
        }

        public static Queued toConversation(
                long orgId, Platform platform, String conversationId, String key, Message message, String replyUrl) {
            return new Queued(orgId, platform, TargetKind.CONVERSATION, conversationId, key, message, replyUrl, null);
        }

        /** In a thread of a conversation: see {@link Outbox#toThread}. */
        public static Queued inThread(
                long orgId, Platform platform, String conversationId, String threadId, String key, Message message) {
            return new Queued(orgId, platform, TargetKind.CONVERSATION, conversationId, key, message, null, threadId);
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
                        queued.replyUrl(),
                        queued.threadId()))
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

    /**
     * Queues a post into a thread: in Slack the thread of the message whose {@code ts} is {@code threadId}; in Teams a
     * reply to the activity {@code threadId} (in a channel, inside that post's thread; chats have no threads, so it
     * shows as a reply below). False when this key was queued before. To answer in the thread of a message Candor
     * sent itself, whose id isn't known until it is sent, use {@link #replyTo}.
     */
    public static boolean toThread(
            Handle handle,
            long orgId,
            Platform platform,
            String conversationId,
            String threadId,
            String key,
            Message message) {
        return handle.attach(OutboxQueueDao.class)
                .enqueue(
                        orgId,
                        key,
                        platform,
                        TargetKind.CONVERSATION,
                        conversationId,
                        threadId,
                        MessageJson.write(message),
                        null);
    }

    /**
     * Queues a reply in the thread of the message that {@code earlierKey} sent (a DM, a channel post; a reply to a
     * reply joins its thread), in the same conversation. It is sent once the earlier message is: it waits for it, and
     * fails if that one failed. False when {@code key} was queued before or nothing was ever queued under
     * {@code earlierKey} (or it was deleted after the outbox retention period).
     */
    public static boolean replyTo(Handle handle, long orgId, String key, String earlierKey, Message message) {
        return handle.attach(OutboxQueueDao.class)
                .enqueueAfter(orgId, key, earlierKey, OutboxOperation.REPLY, MessageJson.write(message));
    }

    /**
     * Queues replacing each of several messages Candor sent with the same {@code message}, in one statement: the key
     * of each update is its earlier message's key with {@code keySuffix} appended. Returns how many were queued (see
     * {@link #update} for the keys that are not).
     */
    public static int updateEach(
            Handle handle, long orgId, List<String> earlierKeys, String keySuffix, Message message) {
        return handle.attach(OutboxQueueDao.class)
                .enqueueAfterEach(
                        orgId,
                        earlierKeys.stream().map(key -> key + keySuffix).toArray(String[]::new),
                        earlierKeys.toArray(String[]::new),
                        OutboxOperation.UPDATE,
                        MessageJson.write(message));
    }

    /**
     * Queues replacing the message that {@code earlierKey} sent with {@code message}, wherever it was shown (Slack
     * {@code chat.update}, Teams {@code updateActivity}): e.g. an ask turning into "answered ✓". It is made once the
     * earlier message is sent (it waits for it, and fails if that one failed), and updates of the same message are
     * made in the order they were queued. False when {@code key} was queued before or nothing was ever queued under
     * {@code earlierKey} (or it was deleted after the outbox retention period).
     */
    public static boolean update(Handle handle, long orgId, String key, String earlierKey, Message message) {
        return handle.attach(OutboxQueueDao.class)
                .enqueueAfter(orgId, key, earlierKey, OutboxOperation.UPDATE, MessageJson.write(message));
    }
}
