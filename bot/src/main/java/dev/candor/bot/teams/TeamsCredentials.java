package dev.candor.bot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.GovernmentAuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import dev.candor.bot.Config;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * How Candor proves itself to the Bot Connector. The SDK would always build multi-tenant credentials; new Azure bot
 * registrations are single-tenant and must get their tokens from their own tenant ({@code MICROSOFT_APP_TENANT_ID}),
 * and the login server must be configurable ({@code MICROSOFT_LOGIN_URL}). In the US government cloud
 * ({@code MICROSOFT_CHANNEL_SERVICE}) tokens are for the government Bot Connector's scope, and a multi-tenant bot gets
 * them from the government Bot Framework tenant. One instance per scope, so a token is shared by the adapter and the
 * outbox gateway.
 */
final class TeamsCredentials {
    /**
     * The tenant that issues a multi-tenant bot's tokens in the government cloud, as the SDK's government login URL
     * names it (the public cloud's is {@code botframework.com}).
     */
    static final String GOVERNMENT_BOT_TENANT =
            lastSegment(GovernmentAuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL);

    private final String appId;
    private final String password;
    private final String tenantId;
    private final String loginUrl;
    private final boolean government;
    private final AppCredentials override;
    private final OkHttpClient login = TeamsLoginCredentials.httpClient();
    private final Map<String, AppCredentials> byScope = new ConcurrentHashMap<>();

    /** @param override fixed credentials (tests: Microsoft's login server is not reachable), or null */
    TeamsCredentials(Config.Teams config, AppCredentials override) {
        this.appId = config.appId();
        this.password = config.appPassword();
        this.government = config.government();
        this.tenantId = config.singleTenant() ? config.tenantId() : government ? GOVERNMENT_BOT_TENANT : null;
        this.loginUrl = config.loginUrl();
        this.override = override;
    }

    /** For calls to the Bot Connector (replies and proactive messages). */
    AppCredentials channel() {
        return forScope(channelScope());
    }

    /** What a Bot Connector token is for: the public or the government Bot Framework. */
    String channelScope() {
        return government
                ? GovernmentAuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE
                : AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE;
    }

    AppCredentials forScope(String scope) {
        if (override != null) {
            return override;
        }
        if (appId == null) {
            // Emulator mode, authentication off: the SDK then sends no token.
            return MicrosoftAppCredentials.empty();
        }
        return byScope.computeIfAbsent(
                scope,
                key -> new TeamsLoginCredentials(loginUrl, appId, password, tenantId, key, login, Clock.systemUTC()));
    }

    /** The bot's own account id in Teams, or null without an app id. */
    String botId() {
        String id = override != null ? override.getAppId() : appId;
        return id == null ? null : "28:" + id;
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
