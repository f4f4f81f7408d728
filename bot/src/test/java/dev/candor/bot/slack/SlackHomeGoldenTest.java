package dev.candor.bot.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.HomeSamples;
import dev.candor.storage.Platform;
import org.junit.jupiter.api.Test;

/** The App Home of several features' sections, as {@code views.publish} takes it; {@code -Dgolden.update=true}. */
class SlackHomeGoldenTest {
    private static final Gson gson = GsonFactory.createSnakeCase();

    @Test
    void rendersTheSectionsOfTheHomeInOrderAsTheGoldenFile() throws Exception {
        Golden.assertMatches(
                "home-sections", Golden.parse(gson.toJson(SlackViews.home(HomeSamples.home(Platform.SLACK)))));
    }
}
