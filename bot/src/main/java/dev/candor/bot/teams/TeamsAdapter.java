package dev.candor.bot.teams;

import com.microsoft.bot.builder.BotCallbackHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsValidator;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.GovernmentAuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.connector.authentication.SkillValidation;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.schema.Activity;
import dev.candor.bot.Config;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's HTTP adapter with Candor's credentials and connector clients. With an app id every inbound activity
 * must carry a valid Bot Framework token; without one authentication is off (the emulator mode, which Config allows
 * only with CANDOR_TEAMS_EMULATOR=true on a loopback address). In the US government cloud the SDK is told the channel
 * service (government token scope for replies), and tokens are checked by {@link GovernmentTokens}.
 */
final class TeamsAdapter extends BotFrameworkHttpAdapter {
    private final TeamsCredentials credentials;
    private final TeamsConnectors connectors;
    private final boolean government;
    private final CredentialProvider appIds;
    private final AuthenticationConfiguration authentication;

    TeamsAdapter(Config.Teams config, TeamsCredentials credentials, TeamsConnectors connectors) {
        this(config, credentials, connectors, authentication());
    }

    private TeamsAdapter(
            Config.Teams config,
            TeamsCredentials credentials,
            TeamsConnectors connectors,
            AuthenticationConfiguration authentication) {
        super(settings(config), authentication);
        this.credentials = credentials;
        this.connectors = connectors;
        this.government = config.government() && config.authenticated();
        this.appIds = new SimpleCredentialProvider(config.appId(), config.appPassword());
        this.authentication = authentication;
    }

    /** The SDK's own check for government tokens refuses them all ({@link GovernmentTokens}). */
    @Override
    public CompletableFuture<InvokeResponse> processActivity(
            String authHeader, Activity activity, BotCallbackHandler callback) {
        if (!government || activity == null) {
            return super.processActivity(authHeader, activity, callback);
        }
        return GovernmentTokens.authenticate(authHeader, activity, appIds, authentication)
                .thenCompose(identity -> processActivity(identity, activity, callback));
    }

    /** Honours MICROSOFT_APP_TENANT_ID for single-tenant bots, and lets tests use fixed credentials. */
    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.completedFuture(credentials.forScope(scope));
    }

    /**
     * The SDK makes every activity's locale the JVM's default ({@code Locale.setDefault}) and fails on a malformed
     * one. The locale is hidden from it and handed back to Candor's turn, so one Teams user's language never changes
     * how the whole server formats or lower-cases text.
     */
    @Override
    protected CompletableFuture<Void> runPipeline(TurnContext context, BotCallbackHandler callback) {
        Activity activity = context == null ? null : context.getActivity();
        String locale = activity == null ? null : activity.getLocale();
        if (locale == null || callback == null) {
            return super.runPipeline(context, callback);
        }
        activity.setLocale(null);
        return super.runPipeline(context, turn -> {
            activity.setLocale(locale);
            return callback.invoke(turn);
        });
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(
            String serviceUrl, AppCredentials usingCredentials) {
        try {
            AppCredentials identity = usingCredentials != null ? usingCredentials : MicrosoftAppCredentials.empty();
            return CompletableFuture.completedFuture(connectors.client(serviceUrl, identity));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Configuration settings(Config.Teams config) {
        Properties properties = new Properties();
        if (config.appId() != null) {
            properties.setProperty(MicrosoftAppCredentials.MICROSOFTAPPID, config.appId());
        }
        if (config.appPassword() != null) {
            properties.setProperty(MicrosoftAppCredentials.MICROSOFTAPPPASSWORD, config.appPassword());
        }
        if (config.government()) {
            // Read by the SDK's ConfigurationChannelProvider.
            properties.setProperty("ChannelService", GovernmentAuthenticationConstants.CHANNELSERVICE);
        }
        return new Configuration() {
            @Override
            public String getProperty(String key) {
                return properties.getProperty(key);
            }

            @Override
            public Properties getProperties() {
                return properties;
            }

            @Override
            public String[] getProperties(String key) {
                String value = properties.getProperty(key);
                return value == null ? null : value.split(",");
            }
        };
    }

    private static AuthenticationConfiguration authentication() {
        AuthenticationConfiguration authentication = new AuthenticationConfiguration();
        authentication.setClaimsValidator(new ChannelsOnly());
        return authentication;
    }

    /**
     * Candor is not a skill host. Without a validator the SDK accepts a skill token (any Azure AD app can get one
     * for Candor's app id) because it drops the failed future of its own check; this one throws instead, which
     * the SDK does not ignore.
     */
    static final class ChannelsOnly extends ClaimsValidator {
        @Override
        public CompletableFuture<Void> validateClaims(Map<String, String> claims) {
            if (SkillValidation.isSkillClaim(claims)) {
                throw new AuthenticationException("skill and bot-to-bot calls are not accepted");
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
