package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Platform;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import dev.candor.storage.outbox.TargetKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacingPolicyTest {
    private final PacingPolicy policy = PacingPolicy.platformLimits();

    @Test
    void pacesSlackPerWorkspaceThenPerChannel() {
        OutboxMessage message = message(Platform.SLACK, "C42");

        assertThat(policy.limitsFor(message))
                .containsExactly(
                        new PaceLimit("slack:7", Duration.ZERO), new PaceLimit("slack:7:C42", Duration.ofSeconds(1)));
        assertThat(policy.rateLimitKey(message)).isEqualTo("slack:7");
    }

    @Test
    void pacesTeamsPerTenantThenPerConversationNeverFasterThanTheLimits() {
        OutboxMessage message = message(Platform.TEAMS, "a:1xyz");

        assertThat(policy.limitsFor(message))
                .satisfiesExactly(
                        tenant -> {
                            assertThat(tenant.key()).isEqualTo("teams:7");
                            assertThat(1000.0 / tenant.interval().toMillis()).isLessThanOrEqualTo(30);
                        },
                        conversation -> {
                            assertThat(conversation.key()).isEqualTo("teams:7:a:1xyz");
                            assertThat(1000.0 / conversation.interval().toMillis())
                                    .isLessThanOrEqualTo(7);
                        });
        assertThat(policy.rateLimitKey(message)).isEqualTo("teams:7:a:1xyz");
    }

    private static OutboxMessage message(Platform platform, String target) {
        return new OutboxMessage(
                1,
                7,
                "k",
                platform,
                TargetKind.CONVERSATION,
                target,
                "{}",
                OutboxStatus.SENDING,
                1,
                Instant.now(),
                null,
                null,
                Instant.now(),
                null,
                null,
                null);
    }
}
