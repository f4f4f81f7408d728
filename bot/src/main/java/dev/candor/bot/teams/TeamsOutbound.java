package dev.candor.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts an activity to a conversation Candor has a reference for, outside of any turn in it: a new message, a reply in
 * a thread, or a replacement of a message Candor sent before.
 */
final class TeamsOutbound {
    private static final long SEND_TIMEOUT_SECONDS = 2 * TeamsConnectors.READ_TIMEOUT_SECONDS;
    private static final String CHANNEL = "channel";

    private final TeamsConnectors connectors;
    private final TeamsCredentials credentials;

    TeamsOutbound(TeamsConnectors connectors, TeamsCredentials credentials) {
        this.connectors = connectors;
        this.credentials = credentials;
    }

    /** @return the id Teams gave the new message, or null when it gave none */
    String send(ConversationReference reference, Activity activity)
            throws ExecutionException, TimeoutException, InterruptedException {
        activity.applyConversationReference(reference);
        ResourceResponse sent = connectors
                .client(reference.getServiceUrl(), credentials.channel())
                .getConversations()
                .sendToConversation(reference.getConversation().getId(), activity)
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return sent == null ? null : sent.getId();
    }

    /**
     * Posts a reply to the activity {@code threadId}. In a channel it goes into that post's thread: Teams threads a
     * proactive message by the conversation id {@code <channel>;messageid=<root>} (replyToId alone starts a new post).
     * Chats have no threads; there it is a reply to the activity, shown below it.
     *
     * @return the id Teams gave the reply, or null when it gave none
     */
    String reply(ConversationReference reference, String conversationId, String threadId, Activity activity)
            throws ExecutionException, TimeoutException, InterruptedException {
        activity.applyConversationReference(reference);
        activity.setReplyToId(threadId);
        var conversations = connectors
                .client(reference.getServiceUrl(), credentials.channel())
                .getConversations();
        ResourceResponse sent;
        if (CHANNEL.equals(reference.getConversation().getConversationType())) {
            String thread = conversationId + ";messageid=" + threadId;
            activity.setConversation(in(reference, thread));
            sent = conversations.sendToConversation(thread, activity).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } else {
            activity.setConversation(in(reference, conversationId));
            sent = conversations
                    .replyToActivity(conversationId, threadId, activity)
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return sent == null ? null : sent.getId();
    }

    /** Replaces the message {@code activityId} in {@code conversationId} with {@code activity}. */
    void update(ConversationReference reference, String conversationId, String activityId, Activity activity)
            throws ExecutionException, TimeoutException, InterruptedException {
        activity.applyConversationReference(reference);
        activity.setConversation(in(reference, conversationId));
        activity.setId(activityId);
        activity.setReplyToId(null);
        connectors
                .client(reference.getServiceUrl(), credentials.channel())
                .getConversations()
                .updateActivity(conversationId, activityId, activity)
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The reference's conversation under another id; a copy, as the activity shares the reference's object. */
    private static ConversationAccount in(ConversationReference reference, String conversationId) {
        ConversationAccount conversation = ConversationAccount.clone(reference.getConversation());
        conversation.setId(conversationId);
        return conversation;
    }
}
