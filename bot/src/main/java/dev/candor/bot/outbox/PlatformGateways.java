package dev.candor.bot.outbox;

import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.Platform;
import dev.candor.storage.outbox.OutboxMessage;
import java.util.EnumMap;
import java.util.Map;

/** Hands each outbox message to the gateway of its platform. */
public final class PlatformGateways implements ChatGateway {
    private final Map<Platform, ChatGateway> gateways;

    public PlatformGateways(Map<Platform, ChatGateway> gateways) {
        this.gateways = new EnumMap<>(gateways);
    }

    @Override
    public DeliveryResult deliver(OutboxMessage message) {
        ChatGateway gateway = gateways.get(message.platform());
        if (gateway == null) {
            // Kept as failed with the reason: configuring the platform later does not resurrect old messages.
            return new DeliveryResult.Permanent("platform_not_configured");
        }
        return gateway.deliver(message);
    }
}
