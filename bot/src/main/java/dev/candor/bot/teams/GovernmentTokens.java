package dev.candor.bot.teams;

import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.GovernmentAuthenticationConstants;
import com.microsoft.bot.connector.authentication.GovernmentChannelValidation;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.TokenValidationParameters;
import com.microsoft.bot.schema.Activity;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Checks the token of an activity from the US government cloud's Bot Framework: signed by a key its OpenID metadata
 * publishes and endorses for the channel, issued by {@code https://api.botframework.us}, for Candor's app id, and for
 * the activity's service URL. The SDK has the same check ({@code GovernmentChannelValidation}), but in 4.14.3 its list
 * of valid issuers is empty, so it refuses every token; this fills in the one issuer and reuses the rest.
 */
final class GovernmentTokens {
    private GovernmentTokens() {}

    static CompletableFuture<ClaimsIdentity> authenticate(
            String authHeader,
            Activity activity,
            CredentialProvider credentials,
            AuthenticationConfiguration configuration) {
        if (authHeader == null || authHeader.isBlank()) {
            return CompletableFuture.failedFuture(new AuthenticationException("No Auth Header. Auth is required."));
        }
        TokenValidationParameters parameters = GovernmentChannelValidation.getTokenValidationParameters();
        parameters.validIssuers = List.of(GovernmentAuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER);
        JwtTokenExtractor extractor = new JwtTokenExtractor(
                parameters,
                GovernmentChannelValidation.getOpenIdMetaDataUrl(),
                AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
        return extractor
                .getIdentity(authHeader, activity.getChannelId(), configuration.requiredEndorsements())
                .thenCompose(identity ->
                        GovernmentChannelValidation.validateIdentity(identity, credentials, activity.getServiceUrl()))
                .thenCompose(identity -> configuration
                        .getClaimsValidator()
                        .validateClaims(identity.claims())
                        .thenApply(valid -> identity));
    }
}
