package dev.candor.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxOperation;
import dev.candor.storage.outbox.TargetKind;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox messages to Teams through the Bot Connector: to a stored conversation, or to a person's 1:1 chat,
 * which is created when Candor has none yet. Answers are classified for the delivery worker, which owns retries.
 *
 * <p>A bot can't read a Teams conversation's history, so a message in doubt (its node died mid-send, or the send
 * timed out) can't be looked for: it is sent again, and reported as an unchecked resend that the worker counts.
 *
 * <p>Replies and updates, addressed by the worker, go to the conversation the earlier message went to: a reply to its
 * activity id ({@link TeamsOutbound#reply}), an update by {@code updateActivity} of it.
 */
final class TeamsGateway implements ChatGateway {
    static final String NO_HISTORY = "no_history";
    private static final Logger log = LoggerFactory.getLogger(TeamsGateway.class);

    private final TeamsReferences references;
    private final TeamsDirectChats directChats;
    private final TeamsOutbound sender;

    TeamsGateway(TeamsReferences references, TeamsDirectChats directChats, TeamsOutbound sender) {
        this.references = references;
        this.directChats = directChats;
        this.sender = sender;
    }

    @Override
    public DeliveryResult deliver(OutboxMessage outbound) {
        Message message = MessageJson.read(outbound.payload());
        Optional<ConversationReference> reference;
        try {
            reference = outbound.targetKind() == TargetKind.USER
                    ? directChats.find(outbound.orgId(), outbound.target())
                    : references.conversation(outbound.orgId(), outbound.target());
        } catch (TeamsDirectChats.ChatRefused refused) {
            return new DeliveryResult.Permanent(refused.reason());
        } catch (Exception e) {
            // Opening a 1:1 chat sends nothing to the person: whatever went wrong, the message is not in doubt.
            return notSent(failure(outbound, e));
        }
        if (reference.isEmpty()) {
            return new DeliveryResult.Permanent("no_conversation_reference");
        }
        DeliveryResult.Sent sent;
        try {
            sent = send(outbound, reference.get(), TeamsReplies.activity(message));
        } catch (Exception e) {
            return failure(outbound, e);
        }
        return outbound.inDoubt() && outbound.operation() != OutboxOperation.UPDATE ? sent.unchecked(NO_HISTORY) : sent;
    }

    private DeliveryResult.Sent send(OutboxMessage outbound, ConversationReference reference, Activity activity)
            throws ExecutionException, TimeoutException, InterruptedException {
        String conversationId = outbound.platformChannel() != null
                ? outbound.platformChannel()
                : reference.getConversation().getId();
        if (outbound.operation() == OutboxOperation.UPDATE) {
            sender.update(reference, conversationId, outbound.platformMessageId(), activity);
            return DeliveryResult.Sent.in(conversationId, outbound.platformMessageId());
        }
        String id = outbound.threadId() != null
                ? sender.reply(reference, conversationId, outbound.threadId(), activity)
                : sender.send(reference, activity);
        return DeliveryResult.Sent.in(conversationId, id);
    }

    private static DeliveryResult failure(OutboxMessage outbound, Exception e) {
        if (e instanceof ExecutionException) {
            return TeamsDeliveryErrors.classify(e.getCause());
        }
        if (e instanceof TimeoutException) {
            return new DeliveryResult.Transient("timeout");
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("interrupted");
        }
        DeliveryResult result = TeamsDeliveryErrors.classify(e);
        if (result instanceof DeliveryResult.Transient unexpected
                && unexpected.reason().equals("unexpected_error")) {
            log.warn("outbox {} to Teams failed: {}", outbound.id(), ErrorSummary.of(e));
        }
        return result;
    }

    private static DeliveryResult notSent(DeliveryResult result) {
        return result instanceof DeliveryResult.Transient failure
                ? DeliveryResult.Transient.notSent(failure.reason())
                : result;
    }
}
