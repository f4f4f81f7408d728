package dev.candor.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /kudos} slash commands as Slack sends them: form-encoded, signed with the signing secret, from many
 * distinct people. Givers take turns (every user gives once per {@code users} requests), recipients are random but
 * never the giver, and every request has its own {@code trigger_id}, so Candor stores each one.
 */
final class SlashCommands {
    static final String TEAM_ID = "T0BENCH";
    static final String SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
    static final String BOT_TOKEN = "xoxb-bench-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final int users;
    private final AtomicLong sequence = new AtomicLong();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(SlashCommands::newMac);

    SlashCommands(int users) {
        this.users = users;
    }

    static String userId(int index) {
        return "U%08d".formatted(index);
    }

    /** The next signed {@code /kudos} to {@code endpoint}. */
    HttpRequest next(URI endpoint) {
        long number = sequence.getAndIncrement();
        int giver = (int) (number % users);
        int recipient = (giver + 1 + ThreadLocalRandom.current().nextInt(users - 1)) % users;
        String body = form(number, userId(giver), userId(recipient));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private String form(long number, String giver, String recipient) {
        return "token=bench-verification-token"
                + "&team_id=" + TEAM_ID
                + "&team_domain=bench"
                // Each giver in their own channel: Slack takes about one post per second per channel, so 500
                // kudos a second into one channel would only measure how the outbox queues them.
                + "&channel_id=C" + giver.substring(1)
                + "&channel_name=team-" + giver.toLowerCase()
                + "&user_id=" + giver
                + "&user_name=" + giver.toLowerCase()
                + "&command=" + encode("/kudos")
                + "&text=" + encode("<@" + recipient + "> thanks for the release notes and the demo #ownership")
                + "&api_app_id=A0BENCH"
                + "&response_url=" + encode("https://hooks.slack.com/commands/" + TEAM_ID + "/" + number + "/bench")
                + "&trigger_id=" + number + "." + runId + ".bench";
    }

    /** {@code v0=} + hex HMAC-SHA256 of {@code v0:timestamp:body}, as Slack signs (Candor's SlackSignature). */
    String sign(String timestamp, String body) {
        Mac mac = macs.get();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
