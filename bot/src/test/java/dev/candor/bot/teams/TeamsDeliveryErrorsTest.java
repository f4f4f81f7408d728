package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.outbox.DeliveryResult;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TeamsDeliveryErrorsTest {

    @Test
    void classifiesTheBotConnectorsStatusCodes() {
        assertThat(TeamsDeliveryErrors.classify(403, null)).isEqualTo(new DeliveryResult.Permanent("bot_removed"));
        assertThat(TeamsDeliveryErrors.classify(404, null))
                .isEqualTo(new DeliveryResult.Permanent("conversation_not_found"));
        assertThat(TeamsDeliveryErrors.classify(400, null)).isEqualTo(new DeliveryResult.Permanent("bad_request"));
        assertThat(TeamsDeliveryErrors.classify(412, null)).isEqualTo(new DeliveryResult.Transient("http_412"));
        assertThat(TeamsDeliveryErrors.classify(502, null)).isEqualTo(new DeliveryResult.Transient("http_502"));
        assertThat(TeamsDeliveryErrors.classify(504, null)).isEqualTo(new DeliveryResult.Transient("http_504"));
        assertThat(TeamsDeliveryErrors.classify(429, "3"))
                .isEqualTo(new DeliveryResult.RateLimited(Duration.ofSeconds(3)));
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        Instant now = Instant.parse("2025-01-06T10:00:00Z");

        assertThat(TeamsDeliveryErrors.retryAfter("120", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(TeamsDeliveryErrors.retryAfter("Mon, 06 Jan 2025 10:00:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(TeamsDeliveryErrors.retryAfter("soon", now)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TeamsDeliveryErrors.retryAfter(null, now)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retriesNetworkFailuresLater() {
        assertThat(TeamsDeliveryErrors.classify(new CompletionException(new SocketTimeoutException("read"))))
                .isEqualTo(new DeliveryResult.Transient("timeout"));
        assertThat(TeamsDeliveryErrors.classify(new IOException("refused")))
                .isEqualTo(new DeliveryResult.Transient("io_error"));
    }
}
