package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AskDelivery;
import java.time.ZoneId;

/**
 * An ask or reminder to send now, with the person's zone (its message gives the deadline in their own time).
 *
 * @param key the outbox idempotency key: {@code ask:{askId}:open} or {@code ask:{askId}:remind:{n}}
 */
public record DueAsk(AskDelivery delivery, ZoneId zone) {

    public String key() {
        return delivery.reminder() == 0
                ? openKey(delivery.askId())
                : "ask:" + delivery.askId() + ":remind:" + delivery.reminder();
    }

    /** The key of an ask's first DM, which later updates of that DM (answered ✓) refer to. */
    public static String openKey(long askId) {
        return "ask:" + askId + ":open";
    }
}
