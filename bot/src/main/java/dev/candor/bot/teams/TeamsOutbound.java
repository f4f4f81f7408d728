package dev.candor.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Posts an activity to a conversation Candor has a reference for, outside of any turn in it. */
final class TeamsOutbound {
    private static final long SEND_TIMEOUT_SECONDS = 2 * TeamsConnectors.READ_TIMEOUT_SECONDS;

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
}
