package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.EarlierMessage;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxSendingDao;
import dev.candor.storage.outbox.OutboxStatus;
import java.util.Optional;

/**
 * Where a reply or an update goes: where the message its earlier key sent went. Until that message is sent the reply
 * or update waits, checked again soon after the earlier one is next due; its payload is not merged into the earlier
 * one's, so each key is sent once, in order, and a message being sent right now is never changed under its sender.
 * Replies and updates of one message also wait for those queued before them, so they reach the platform in order.
 * When the earlier message failed, has no platform id (sent through a reply URL) or is gone (retention), neither can
 * the reply or update be made.
 */
final class EarlierMessages {
    /** After the earlier message is due, how long before looking again: time for it to be sent. */
    static final long SETTLE_MILLIS = 1_000;

    private final OutboxSendingDao outbox;

    EarlierMessages(OutboxSendingDao outbox) {
        this.outbox = outbox;
    }

    sealed interface Addressing {
        /** Addressed; send it. */
        record Ready(OutboxMessage message) implements Addressing {}

        /** The earlier message isn't sent yet: look again in this many milliseconds. */
        record Wait(long millis) implements Addressing {}

        /** It never will be: fail with this reason. */
        record Impossible(String reason) implements Addressing {}
    }

    Addressing address(OutboxMessage message) {
        if (message.earlierKey() == null) {
            return new Addressing.Ready(message);
        }
        Optional<EarlierMessage> found = outbox.findEarlier(message.orgId(), message.earlierKey(), message.id());
        if (found.isEmpty()) {
            return new Addressing.Impossible("earlier_not_found");
        }
        EarlierMessage earlier = found.get();
        if (earlier.status() == OutboxStatus.FAILED) {
            return new Addressing.Impossible("earlier_failed");
        }
        if (earlier.status() != OutboxStatus.SENT) {
            long due = earlier.status() == OutboxStatus.PENDING ? earlier.millisUntilDue() : 0;
            return new Addressing.Wait(due + SETTLE_MILLIS);
        }
        if (earlier.platformMessageId() == null) {
            return new Addressing.Impossible("earlier_has_no_id");
        }
        if (earlier.olderUnsent()) {
            // Two updates sent at once could land in either order, leaving the older text in place.
            return new Addressing.Wait(SETTLE_MILLIS);
        }
        return new Addressing.Ready(message.addressedAfter(earlier));
    }
}
