package dev.candor.bot.teams;

import com.microsoft.bot.schema.ConversationReference;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.TargetKind;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox messages to Teams through the Bot Connector: to a stored conversation, or to a person's 1:1 chat,
 * which is created when Candor has none yet. Answers are classified for the delivery worker, which owns retries.
 */
final class TeamsGateway implements ChatGateway {
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
        try {
            Optional<ConversationReference> reference = outbound.targetKind() == TargetKind.USER
                    ? directChats.find(outbound.orgId(), outbound.target())
                    : references.conversation(outbound.orgId(), outbound.target());
            if (reference.isEmpty()) {
                return new DeliveryResult.Permanent("no_conversation_reference");
            }
            return send(reference.get(), message);
        } catch (ExecutionException e) {
            return TeamsDeliveryErrors.classify(e.getCause());
        } catch (TimeoutException e) {
            return new DeliveryResult.Transient("timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("interrupted");
        } catch (RuntimeException e) {
            DeliveryResult result = TeamsDeliveryErrors.classify(e);
            if (result instanceof DeliveryResult.Transient unexpected
                    && unexpected.reason().equals("unexpected_error")) {
                log.warn("outbox {} to Teams failed: {}", outbound.id(), ErrorSummary.of(e));
            }
            return result;
        }
    }

    private DeliveryResult send(ConversationReference reference, Message message)
            throws ExecutionException, TimeoutException, InterruptedException {
        return new DeliveryResult.Sent(sender.send(reference, TeamsReplies.activity(message)));
    }
}
