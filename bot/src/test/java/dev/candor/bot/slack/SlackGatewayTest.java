package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.scheduler.outbox.DeliveryResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How answers of {@code chat.postMessage} are read; the delivery tests send through the same code to a fake Slack. */
class SlackGatewayTest {

    @Test
    void readsTheTimestampAndChannelOfAPostedMessage() {
        assertThat(SlackGateway.classify(200, null, "{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000000.000100\"}"))
                .isEqualTo(DeliveryResult.Sent.in("D1", "1700000000.000100"));
    }

    @Test
    void parksErrorsThatWillNotGoAwayAndRetriesTheOthers() {
        assertThat(SlackGateway.classify(200, null, "{\"ok\":false,\"error\":\"user_not_found\"}"))
                .isEqualTo(new DeliveryResult.Permanent("user_not_found"));
        assertThat(SlackGateway.classify(200, null, "{\"ok\":false,\"error\":\"internal_error\"}"))
                .isEqualTo(new DeliveryResult.Transient("internal_error"));
        assertThat(SlackGateway.classify(400, null, "{\"ok\":false,\"error\":\"invalid_blocks\"}"))
                .isEqualTo(new DeliveryResult.Permanent("invalid_blocks"));
        assertThat(SlackGateway.classify(200, null, "{\"ok\":false}"))
                .isEqualTo(new DeliveryResult.Transient("unknown_error"));
    }

    @Test
    void honoursRetryAfterOnA429() {
        assertThat(SlackGateway.classify(429, "7", ""))
                .isEqualTo(new DeliveryResult.RateLimited(Duration.ofSeconds(7)));
        assertThat(SlackGateway.classify(429, null, ""))
                .isEqualTo(new DeliveryResult.RateLimited(Duration.ofSeconds(1)));
        assertThat(SlackGateway.classify(200, null, "{\"ok\":false,\"error\":\"ratelimited\"}"))
                .isEqualTo(new DeliveryResult.RateLimited(Duration.ofSeconds(1)));
    }

    @Test
    void tellsServerTroubleFromARequestSlackWillNeverTake() {
        assertThat(SlackGateway.classify(503, null, "<html>unavailable</html>"))
                .isEqualTo(new DeliveryResult.Transient("http_503"));
        assertThat(SlackGateway.classify(404, null, "not found")).isEqualTo(new DeliveryResult.Permanent("http_404"));
        assertThat(SlackGateway.classify(200, null, "<html>proxy</html>"))
                .isEqualTo(new DeliveryResult.Transient("invalid_response"));
    }
}
