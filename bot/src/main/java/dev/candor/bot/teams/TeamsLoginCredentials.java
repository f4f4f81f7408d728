package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own tokens for the Bot Connector, from an OAuth2 client-credentials request to
 * {@code {MICROSOFT_LOGIN_URL}/{tenant}/oauth2/v2.0/token}. The SDK's credentials go through MSAL, which only talks
 * to hosts it knows; this is the same request without that limit, so a sovereign cloud or a test's fake login server
 * can issue them. A token is kept until shortly before it expires, and never logged.
 */
final class TeamsLoginCredentials extends AppCredentials {
    private static final Logger log = LoggerFactory.getLogger(TeamsLoginCredentials.class);
    private static final ObjectMapper mapper = new ObjectMapper();
    /** Renewed this long before it expires (or at half its life, if shorter), so it never expires on its way. */
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final String loginUrl;
    private final String password;
    private final OkHttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    /**
     * @param tenant the app's tenant (single-tenant registrations), or null for {@code botframework.com}
     * @param scope what the token is for, e.g. {@code https://api.botframework.com/.default}
     */
    TeamsLoginCredentials(
            String loginUrl,
            String appId,
            String password,
            String tenant,
            String scope,
            OkHttpClient http,
            Clock clock) {
        super(tenant, scope);
        setAppId(appId);
        this.loginUrl = loginUrl;
        this.password = password;
        this.http = http;
        this.clock = clock;
    }

    /** An HTTP client for the login server: it answers in milliseconds or is down, and a send waits for it. */
    static OkHttpClient httpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .callTimeout(15, TimeUnit.SECONDS)
                .build();
    }

    @Override
    public String oAuthEndpoint() {
        return loginUrl + "/" + getChannelAuthTenant();
    }

    /** One request at a time: sends that need a token while it is being renewed wait for that one. */
    @Override
    public synchronized CompletableFuture<String> getToken() {
        try {
            if (token == null || !clock.instant().isBefore(renewAt)) {
                renew();
            }
            return CompletableFuture.completedFuture(token);
        } catch (IOException | AuthenticationException e) {
            return CompletableFuture.failedFuture(
                    e instanceof AuthenticationException ? e : new AuthenticationException(e));
        }
    }

    private void renew() throws IOException {
        Instant asked = clock.instant();
        try (Response response = http.newCall(tokenRequest()).execute()) {
            JsonNode answer = json(response.body());
            String issued = answer.path("access_token").asText("");
            if (!response.isSuccessful() || issued.isEmpty()) {
                String error = answer.path("error").asText("no error code");
                log.warn(
                        "{} refused a token for app {}: HTTP {} {}",
                        oAuthEndpoint(),
                        getAppId(),
                        response.code(),
                        error);
                throw new AuthenticationException(
                        "the login server refused a Bot Framework token: HTTP " + response.code() + " " + error);
            }
            Duration life =
                    Duration.ofSeconds(Math.max(0, answer.path("expires_in").asLong(0)));
            Duration margin = life.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? life.dividedBy(2) : RENEW_BEFORE;
            token = issued;
            renewAt = asked.plus(life).minus(margin);
            log.debug("got a Bot Framework token for app {} from {}, valid for {}", getAppId(), oAuthEndpoint(), life);
        }
    }

    private Request tokenRequest() {
        HttpUrl url = HttpUrl.get(loginUrl)
                .newBuilder()
                .addPathSegment(getChannelAuthTenant())
                .addPathSegments("oauth2/v2.0/token")
                .build();
        FormBody form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", getAppId())
                .add("client_secret", password)
                .add("scope", oAuthScope())
                .build();
        return new Request.Builder().url(url).post(form).build();
    }

    private static JsonNode json(ResponseBody body) {
        try {
            return body == null ? mapper.createObjectNode() : mapper.readTree(body.string());
        } catch (IOException e) {
            // Not JSON (a proxy's error page): the status says what happened.
            return mapper.createObjectNode();
        }
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new UnsupportedOperationException("tokens come from getToken()");
    }
}
