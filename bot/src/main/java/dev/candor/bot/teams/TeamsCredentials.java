package dev.candor.bot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import dev.candor.bot.Config;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * How Candor proves itself to the Bot Connector. The SDK would always build multi-tenant credentials; new Azure bot
 * registrations are single-tenant and must get their tokens from their own tenant ({@code MICROSOFT_APP_TENANT_ID}),
 * and the login server must be configurable ({@code MICROSOFT_LOGIN_URL}). One instance per scope, so a token is
 * shared by the adapter and the outbox gateway.
 */
final class TeamsCredentials {
    private final String appId;
    private final String password;
    private final String tenantId;
    private final String loginUrl;
    private final AppCredentials override;
    private final OkHttpClient login = TeamsLoginCredentials.httpClient();
    private final Map<String, AppCredentials> byScope = new ConcurrentHashMap<>();

    /** @param override fixed credentials (tests: Microsoft's login server is not reachable), or null */
    TeamsCredentials(Config.Teams config, AppCredentials override) {
        this.appId = config.appId();
        this.password = config.appPassword();
        this.tenantId = config.singleTenant() ? config.tenantId() : null;
        this.loginUrl = config.loginUrl();
        this.override = override;
    }

    /** For calls to the Bot Connector (replies and proactive messages). */
    AppCredentials channel() {
        return forScope(AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE);
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
}
