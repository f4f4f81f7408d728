package dev.candor.bot.teams;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.HomeSamples;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.feedback.FeedbackSamples;
import dev.candor.bot.goal.GoalSamples;
import dev.candor.bot.help.HelpHandler;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.people.Role;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The welcome of a personal chat: Teams' stand-in for a home tab shows the home's sections between the greeting and
 * the help; and feedback's section as it shows there. {@code -Dgolden.update=true} rewrites the golden files.
 */
class TeamsHomeGoldenTest {

    @Test
    void rendersTheHomeSectionsInThePersonalWelcomeAsTheGoldenFile() throws Exception {
        Actor ana = new Actor(
                1,
                TestActivity.TENANT,
                1,
                Platform.TEAMS,
                "29:ana",
                "Ana",
                Role.EMPLOYEE,
                ZoneId.of("UTC"),
                Locale.ENGLISH);
        ConversationRef chat = new ConversationRef(Platform.TEAMS, "a:dm-ana", ConversationKind.DM, null);
        Reply help = new HelpHandler().handle(new Command(ana, chat, "candor", "help", List.of(), "welcome"));

        Message welcome = TeamsReplies.welcome(((Reply.Private) help).message(), HomeSamples.home(Platform.TEAMS));

        Goldens.assertMatches("welcome-personal.json", TeamsRenderer.card(welcome));
    }

    @Test
    void rendersGoalsSectionWithGoalsAndWithoutAsTheGoldenFiles() throws Exception {
        Goldens.assertMatches("goal-home.json", TeamsRenderer.card(GoalSamples.home(Platform.TEAMS)));
        Goldens.assertMatches("goal-home-empty.json", TeamsRenderer.card(GoalSamples.emptyHome(Platform.TEAMS)));
    }

    @Test
    void rendersFeedbacksSectionForAManagerAndForANewcomerAsTheGoldenFiles() throws Exception {
        Goldens.assertMatches("feedback-home.json", TeamsRenderer.card(FeedbackSamples.home(Platform.TEAMS)));
        Goldens.assertMatches(
                "feedback-home-new.json", TeamsRenderer.card(FeedbackSamples.newcomerHome(Platform.TEAMS)));
    }
}
