package dev.candor.storage.outbox;

/**
 * What a reply or an update needs to know about the message it refers to ({@link OutboxSendingDao#findEarlier}).
 *
 * @param platformMessageId the Slack ts or Teams activity id it was sent as; null until sent (or when sent through a
 *     reply URL, which tells no id)
 * @param platformChannel where it went (Slack channel, Teams conversation id); null until sent
 * @param threadId the thread it is in, or null
 * @param millisUntilDue for a pending message, how long until it is next tried (0 when due now)
 * @param olderUnsent replies or updates of it queued before the one asking are still to be sent
 */
public record EarlierMessage(
        OutboxStatus status,
        String platformMessageId,
        String platformChannel,
        String threadId,
        long millisUntilDue,
        boolean olderUnsent) {}
