package dev.candor.scheduler.outbox;

import dev.candor.storage.Platform;
import dev.candor.storage.outbox.OutboxMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The minimum spacing between sends, per platform and scope. Every send must get a slot on its organisation's key
 * ({@code slack:{org}}, {@code teams:{org}}) and then on its target's key ({@link OutboxMessage#paceKey()}); always
 * in that order, so two workers never lock the same two keys the other way round.
 *
 * @param slackPerTarget Slack's {@code chat.postMessage}: about one message per second per channel or DM
 * @param slackPerWorkspace Slack publishes no fixed workspace number ("several hundred per minute"), so the default
 *     is zero: the workspace key then only carries the holds that 429 answers put on the whole workspace
 * @param teamsPerConversation Teams: 7 sends per second per conversation
 * @param teamsPerTenant Teams: about 30 requests per second per app and tenant
 */
public record PacingPolicy(
        Duration slackPerTarget, Duration slackPerWorkspace, Duration teamsPerConversation, Duration teamsPerTenant) {

    public PacingPolicy {
        Objects.requireNonNull(slackPerTarget, "slackPerTarget");
        Objects.requireNonNull(slackPerWorkspace, "slackPerWorkspace");
        Objects.requireNonNull(teamsPerConversation, "teamsPerConversation");
        Objects.requireNonNull(teamsPerTenant, "teamsPerTenant");
    }

    /** The documented platform limits, rounded so Candor never goes faster than them. */
    public static PacingPolicy platformLimits() {
        return new PacingPolicy(Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(143), Duration.ofMillis(34));
    }

    /** The same interval for every target and no organisation-wide limit; for tests. */
    public static PacingPolicy perTarget(Duration interval) {
        return new PacingPolicy(interval, Duration.ZERO, interval, Duration.ZERO);
    }

    /** The keys a message needs a slot on, organisation first. */
    public List<PaceLimit> limitsFor(OutboxMessage message) {
        String orgKey = organisationKey(message);
        if (message.platform() == Platform.SLACK) {
            return List.of(new PaceLimit(orgKey, slackPerWorkspace), new PaceLimit(message.paceKey(), slackPerTarget));
        }
        return List.of(new PaceLimit(orgKey, teamsPerTenant), new PaceLimit(message.paceKey(), teamsPerConversation));
    }

    /**
     * The key a 429 holds. Slack counts its limits per method and workspace, so one 429 pauses the whole workspace;
     * Teams throttles per conversation.
     */
    public String rateLimitKey(OutboxMessage message) {
        return message.platform() == Platform.SLACK ? organisationKey(message) : message.paceKey();
    }

    private static String organisationKey(OutboxMessage message) {
        return message.platform().dbValue() + ":" + message.orgId();
    }
}
