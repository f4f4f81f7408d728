package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.OutboxMessage;

/**
 * The outbound port to one chat platform: renders an outbox message's neutral payload and sends it.
 *
 * <p>Implementations classify every platform answer as a {@link DeliveryResult} instead of throwing: the worker
 * decides from it whether to retry, wait or give up. An exception that escapes anyway is treated as
 * {@link DeliveryResult.Transient}. Implementations are called from several threads at once and must not retry or
 * pace on their own; the worker does both across all nodes.
 */
public interface ChatGateway {

    DeliveryResult deliver(OutboxMessage message);
}
