package dev.candor.bot.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.HomeSamples;
import dev.candor.bot.feedback.FeedbackSamples;
import dev.candor.bot.goal.GoalSamples;
import dev.candor.storage.Platform;
import org.junit.jupiter.api.Test;

/**
 * The App Home of several features' sections, and feedback's section alone, as {@code views.publish} takes them;
 * {@code -Dgolden.update=true} rewrites the golden files.
 */
class SlackHomeGoldenTest {
    private static final Gson gson = GsonFactory.createSnakeCase();

    @Test
    void rendersTheSectionsOfTheHomeInOrderAsTheGoldenFile() throws Exception {
        Golden.assertMatches(
                "home-sections", Golden.parse(gson.toJson(SlackViews.home(HomeSamples.home(Platform.SLACK)))));
    }

    @Test
    void rendersGoalsSectionWithGoalsAndWithoutAsTheGoldenFiles() throws Exception {
        Golden.assertMatches("goal-home", Golden.parse(gson.toJson(SlackViews.home(GoalSamples.home(Platform.SLACK)))));
        Golden.assertMatches(
                "goal-home-empty", Golden.parse(gson.toJson(SlackViews.home(GoalSamples.emptyHome(Platform.SLACK)))));
    }

    @Test
    void rendersFeedbacksSectionForAManagerAndForANewcomerAsTheGoldenFiles() throws Exception {
        Golden.assertMatches(
                "feedback-home", Golden.parse(gson.toJson(SlackViews.home(FeedbackSamples.home(Platform.SLACK)))));
        Golden.assertMatches(
                "feedback-home-new",
                Golden.parse(gson.toJson(SlackViews.home(FeedbackSamples.newcomerHome(Platform.SLACK)))));
    }
}
