package dev.candor.bot.slack;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.help.HelpHandler;
import dev.candor.bot.kudos.KudosMessages;
import dev.candor.storage.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Block Kit that Candor sends, compared with golden files as parsed trees. The golden files are also checked by
 * Slack's own types ({@code ../shared/tools/validate-chat-json}). Run with {@code -Dgolden.update=true} to
 * rewrite them after an intended change, then review the diff.
 */
class SlackGoldenTest {
    private static final Gson gson = GsonFactory.createSnakeCase();

    static Map<String, Message> messages() {
        Mention gil = new Mention("U0GIL", "Gil");
        List<Mention> recipients = List.of(new Mention("U0ANA", "Ana"), new Mention("U0LI", "Li"));
        Map<String, Message> messages = new LinkedHashMap<>();
        messages.put(
                "kudos-announcement",
                KudosMessages.announcement(
                        gil, recipients, "thanks for the demo <3 & docs #ownership", List.of("ownership")));
        messages.put("kudos-received-dm", KudosMessages.received(gil, "thanks for the demo", List.of()));
        messages.put("kudos-usage", KudosMessages.usage(Platform.SLACK));
        messages.put("help", HelpHandler.help(Platform.SLACK));
        messages.put(
                "every-block",
                new Message(
                        "All blocks",
                        List.of(
                                new Block.Header("A header"),
                                new Block.Section(Text.builder()
                                        .strong("bold")
                                        .plain(" and ")
                                        .emphasis("italic")
                                        .lineBreak()
                                        .link("https://example.com", "a link")
                                        .build()),
                                new Block.Divider(),
                                new Block.Progress("Answered", 3, 5),
                                new Block.Image(
                                        "https://candor.example.com/charts/3f9a.png",
                                        "Mood over eight weeks: from 3 up to 4"),
                                new Block.Buttons(List.of(
                                        new Block.Button("demo.approve", "Approve", "42", Block.ButtonStyle.PRIMARY),
                                        new Block.Button("demo.skip", "Skip", "42", Block.ButtonStyle.DEFAULT))))));
        return messages;
    }

    static List<String> names() {
        return List.copyOf(messages().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Message message = messages().get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackRenderer.fallback(message));
        body.put("blocks", SlackRenderer.blocks(message));

        Golden.assertMatches(name, Golden.parse(gson.toJson(body)));
    }

    /** A personal view like the one the stats feature shows, as the App Home tab. */
    @Test
    void rendersAHomeViewAsTheGoldenFile() throws Exception {
        Message home = new Message(
                "Your recognition",
                List.of(
                        new Block.Header("Your recognition this month"),
                        new Block.Fields(List.of(
                                new Block.Field("Received", Text.of("7")),
                                new Block.Field("Given", Text.of("4")),
                                new Block.Field("Left to give", Text.of("1 of 5 today")))),
                        new Block.Divider(),
                        new Block.Section(Text.builder()
                                .strong("Latest")
                                .lineBreak()
                                .person("U0ANA", "Ana")
                                .plain(": thanks for the <calm> review & notes")
                                .build()),
                        new Block.Progress("#ownership", 4, 7),
                        new Block.Context(Text.of("Updated when you open this tab."))));

        Golden.assertMatches("home-sample", Golden.parse(gson.toJson(SlackViews.home(home))));
    }
}
