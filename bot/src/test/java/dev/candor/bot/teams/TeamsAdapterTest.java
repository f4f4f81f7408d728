package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import dev.candor.bot.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Candor changes in the SDK's adapter: single-tenant credentials, and no skill callers. */
class TeamsAdapterTest {
    private static final String APP_ID = TeamsServer.APP_ID;
    private static final String TENANT = "4b8e1d5c-1111-2222-3333-444444444444";
    private static final String LOGIN = "https://login.microsoftonline.us";
    private static final String SCOPE = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE;

    private static TeamsAdapter adapter(Config.Teams config, AppCredentials override) {
        return new TeamsAdapter(config, new TeamsCredentials(config, override), new TeamsConnectors());
    }

    @Test
    void getsSingleTenantTokensFromTheAppsOwnTenant() {
        Config.Teams config = new Config.Teams(APP_ID, "secret", TENANT, "SingleTenant", null, LOGIN, false);

        AppCredentials credentials =
                adapter(config, null).buildAppCredentials(APP_ID, SCOPE).join();

        assertThat(credentials).isInstanceOf(TeamsLoginCredentials.class);
        assertThat(credentials.getAppId()).isEqualTo(APP_ID);
        assertThat(credentials.oAuthEndpoint()).isEqualTo(LOGIN + "/" + TENANT);
        assertThat(credentials.oAuthScope()).isEqualTo(SCOPE);
    }

    @Test
    void getsMultiTenantTokensFromTheBotFrameworkTenant() {
        Config.Teams config = new Config.Teams(APP_ID, "secret", TENANT, "MultiTenant", null, LOGIN, false);

        AppCredentials credentials =
                adapter(config, null).buildAppCredentials(APP_ID, SCOPE).join();

        assertThat(credentials.oAuthEndpoint()).isEqualTo(LOGIN + "/botframework.com");
    }

    @Test
    void usesInjectedCredentialsWhenGiven() {
        Config.Teams config = new Config.Teams(APP_ID, "secret", null, "MultiTenant", null, LOGIN, false);
        AppCredentials fixed = new FixedTokenCredentials(APP_ID, "t");

        assertThat(adapter(config, fixed).buildAppCredentials(APP_ID, SCOPE).join())
                .isSameAs(fixed);
    }

    @Test
    void refusesSkillAndBotToBotCallers() {
        TeamsAdapter.ChannelsOnly validator = new TeamsAdapter.ChannelsOnly();
        Map<String, String> skill = Map.of("ver", "1.0", "aud", APP_ID, "appid", "some-other-app");
        Map<String, String> channel = Map.of("aud", APP_ID, "iss", "https://api.botframework.com");

        assertThatThrownBy(() -> validator.validateClaims(skill)).isInstanceOf(AuthenticationException.class);
        assertThat(validator.validateClaims(channel)).isCompleted();
    }
}
