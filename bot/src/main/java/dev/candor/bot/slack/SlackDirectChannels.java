package dev.candor.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import dev.candor.bot.logging.LogIds;
import dev.candor.scheduler.outbox.DeliveryResult;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ReachDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonLookupDao;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DM channel ({@code D…}) of a Slack user: the one kept from an earlier {@code conversations.open}, else opened now
 * (scope {@code im:write}) and kept in {@code conversation_refs}, so that every later send, edit and history lookup
 * goes to the channel itself. A user Slack won't open a DM with is recorded for {@code Reachability}.
 */
final class SlackDirectChannels {
    private static final Logger log = LoggerFactory.getLogger(SlackDirectChannels.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code conversations.open} errors that are about the user, not about Candor's app or token. */
    static final Set<String> USER_REFUSED =
            Set.of("user_not_found", "user_disabled", "user_not_visible", "cannot_dm_bot", "invalid_user_combination");

    private final Jdbi jdbi;
    private final MethodsClient client;
    private final String botToken;

    SlackDirectChannels(Jdbi jdbi, MethodsClient client, String botToken) {
        this.jdbi = jdbi;
        this.client = client;
        this.botToken = botToken;
    }

    /** The DM channel, or why there is none: nothing was sent either way. */
    record Opened(String channel, DeliveryResult failure) {
        static Opened failed(DeliveryResult failure) {
            return new Opened(null, failure);
        }
    }

    Opened open(long orgId, String userId) {
        Optional<String> kept = kept(orgId, userId);
        if (kept.isPresent()) {
            return new Opened(kept.get(), null);
        }
        Opened opened = call(userId);
        if (opened.channel() != null) {
            keep(orgId, userId, opened.channel());
        } else if (opened.failure() instanceof DeliveryResult.Permanent refused
                && USER_REFUSED.contains(refused.reason())) {
            refused(orgId, userId, refused.reason());
        }
        return opened;
    }

    private Opened call(String userId) {
        FormBody.Builder form = new FormBody.Builder().add("users", userId);
        try (Response response = client.runPostFormWithToken(form, Methods.CONVERSATIONS_OPEN, botToken)) {
            ResponseBody body = response.body();
            return classify(response.code(), response.header("Retry-After"), body == null ? "" : body.string());
        } catch (IOException e) {
            // Opening a DM posts nothing: whatever happened, no message is in doubt.
            return Opened.failed(DeliveryResult.Transient.notSent("conversations_open_io_error"));
        }
    }

    /** What an answer of {@code conversations.open} means: the channel, or why the message can't go out now. */
    static Opened classify(int status, String retryAfter, String body) {
        if (status == 429) {
            return Opened.failed(new DeliveryResult.RateLimited(seconds(retryAfter)));
        }
        JsonNode answer = parse(body);
        if (answer == null) {
            return Opened.failed(DeliveryResult.Transient.notSent("conversations_open_http_" + status));
        }
        String channel = answer.path("channel").path("id").asText("");
        if (answer.path("ok").asBoolean(false) && !channel.isEmpty()) {
            return new Opened(channel, null);
        }
        DeliveryResult failure = SlackGateway.classify(answer.path("error").asText(null));
        return Opened.failed(
                failure instanceof DeliveryResult.Transient error
                        ? DeliveryResult.Transient.notSent(error.reason())
                        : failure);
    }

    /** A failed lookup is only a lost shortcut: Slack opens the same DM again. */
    private Optional<String> kept(long orgId, String userId) {
        try {
            return jdbi.withExtension(
                    ConversationDao.class, conversations -> conversations.findDmByUser(orgId, Platform.SLACK, userId));
        } catch (RuntimeException e) {
            log.warn("DM of {} not read: {}", LogIds.of(userId), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void keep(long orgId, String userId, String channel) {
        try {
            jdbi.useTransaction(handle -> {
                Long personId = handle.attach(PersonLookupDao.class)
                        .findByPlatformUser(orgId, Platform.SLACK, userId)
                        .map(Person::id)
                        .orElse(null);
                handle.attach(ConversationDao.class).upsertDm(orgId, Platform.SLACK, channel, personId, userId);
                handle.attach(ReachDao.class).clearFailure(orgId, Platform.SLACK, userId);
            });
        } catch (RuntimeException e) {
            log.warn("DM of {} not kept: {}", LogIds.of(userId), e.getClass().getSimpleName());
        }
    }

    private void refused(long orgId, String userId, String reason) {
        try {
            jdbi.useExtension(ReachDao.class, reach -> reach.recordFailure(orgId, Platform.SLACK, userId, reason));
        } catch (RuntimeException e) {
            log.warn(
                    "refused DM of {} not recorded: {}",
                    LogIds.of(userId),
                    e.getClass().getSimpleName());
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            return answer != null && answer.isObject() ? answer : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }
}
