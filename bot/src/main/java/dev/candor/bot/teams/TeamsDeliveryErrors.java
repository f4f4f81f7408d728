package dev.candor.bot.teams;

import com.microsoft.bot.connector.rest.ErrorResponseException;
import dev.candor.scheduler.outbox.DeliveryResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a Bot Connector failure means for the outbox worker: wait, retry later, or give up. A retry is in doubt (the
 * message may be in the conversation already) unless the connection was never made.
 */
final class TeamsDeliveryErrors {
    private TeamsDeliveryErrors() {}

    static DeliveryResult classify(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ErrorResponseException error && error.response() != null) {
            return classify(error.response().code(), error.response().headers().get("Retry-After"));
        }
        if (cause instanceof ConnectException) {
            return DeliveryResult.Transient.notSent("connect_error");
        }
        if (cause instanceof InterruptedIOException) {
            return new DeliveryResult.Transient("timeout");
        }
        if (cause instanceof IOException) {
            // Connection failures, and token requests that failed (the SDK reports those as IOException too).
            return new DeliveryResult.Transient("io_error");
        }
        return new DeliveryResult.Transient("unexpected_error");
    }

    /**
     * Teams answers 403 when the bot is not in the conversation (removed, blocked, app uninstalled), 404 for an
     * unknown conversation, and 412/502/504 (plus 429) when it wants the bot to back off.
     */
    static DeliveryResult classify(int status, String retryAfter) {
        if (status == 429) {
            return new DeliveryResult.RateLimited(retryAfter(retryAfter, Instant.now()));
        }
        return switch (status) {
            case 400 -> new DeliveryResult.Permanent("bad_request");
            case 401 -> new DeliveryResult.Permanent("invalid_auth");
            case 403 -> new DeliveryResult.Permanent("bot_removed");
            case 404 -> new DeliveryResult.Permanent("conversation_not_found");
            case 413 -> new DeliveryResult.Permanent("msg_too_long");
            default ->
                status == 408 || status == 412 || status >= 500
                        ? new DeliveryResult.Transient("http_" + status)
                        : new DeliveryResult.Permanent("http_" + status);
        };
    }

    /** Retry-After in seconds or as an HTTP date; one second when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Duration.between(now, at);
            } catch (RuntimeException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
