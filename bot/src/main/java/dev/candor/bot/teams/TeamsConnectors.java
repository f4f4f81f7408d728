package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;

/**
 * Bot Connector clients, one per service URL and identity. Unlike the SDK's defaults (60 s connect, 120 s read,
 * three immediate retries of every 5xx) they give up quickly and never retry: a reply must fit in the time Teams
 * waits for the bot, and the outbox worker owns retries and pacing for proactive sends.
 */
final class TeamsConnectors {
    static final long CONNECT_TIMEOUT_SECONDS = 5;
    static final long READ_TIMEOUT_SECONDS = 10;

    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

    ConnectorClient client(String serviceUrl, AppCredentials credentials) {
        String key = serviceUrl + "|" + credentials.getAppId() + "|" + credentials.oAuthScope();
        return clients.computeIfAbsent(key, k -> build(serviceUrl, credentials));
    }

    private static ConnectorClient build(String serviceUrl, AppCredentials credentials) {
        String baseUrl = validated(serviceUrl);
        RestClient rest = new RestClient.Builder()
                .withBaseUrl(baseUrl)
                .withCredentials(credentials)
                .withSerializerAdapter(new PlainJson())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withRetryStrategy(new NoRetry())
                .withConnectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .withReadTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
        return new RestConnectorClient(rest);
    }

    private static String validated(String serviceUrl) {
        try {
            URI uri = URI.create(serviceUrl);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a Bot Connector service URL");
    }

    /**
     * The SDK's JSON without its "flattening": for every object it sends, the REST runtime reads a dot in a key as a
     * path ({@code "choices.data"} of the people picker would become {@code choices} → {@code data}) and fails on
     * it. Bot Framework types need no flattening; it is a leftover of Azure's generated clients.
     */
    private static final class PlainJson extends JacksonAdapter {
        @Override
        public ObjectMapper serializer() {
            return simpleMapper();
        }
    }

    private static final class NoRetry extends RetryStrategy {
        NoRetry() {
            super("candor-no-retry", false);
        }

        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    }
}
