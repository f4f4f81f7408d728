package dev.candor.bot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.util.concurrent.CompletableFuture;

/** Outbound credentials with a fixed token: Microsoft's login server is out of reach in tests. */
public final class FixedTokenCredentials extends AppCredentials {
    private final String token;

    public FixedTokenCredentials(String appId, String token) {
        super(null);
        setAppId(appId);
        this.token = token;
    }

    @Override
    public CompletableFuture<String> getToken() {
        return CompletableFuture.completedFuture(token);
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new UnsupportedOperationException("fixed token");
    }
}
