package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.help.HelpHandler;
import dev.candor.bot.kudos.KudosForms;
import dev.candor.bot.kudos.KudosHandler;
import dev.candor.bot.kudos.KudosService;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.people.Role;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Messages as Adaptive Cards, compared with golden files ({@link Goldens}). */
class TeamsRendererTest {
    private static final ConversationRef CHANNEL =
            new ConversationRef(Platform.TEAMS, "19:general@thread.tacv2", ConversationKind.CHANNEL, null);

    private static Database database;
    private static Actor gil;
    private static KudosHandler kudos;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        PeopleDirectory directory = new PeopleDirectory(database.jdbi(), Map.of(), Runnable::run);
        gil = directory.actorFor(new PlatformUser(
                Platform.TEAMS, TestActivity.TENANT, "29:gil", "Gil Giver", "aad-gil", "Europe/Berlin", "en-US", null));
        KudosService service = new KudosService(database.jdbi(), directory, java.time.Clock.systemUTC());
        kudos = new KudosHandler(service, new KudosForms(database.jdbi(), directory, service));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void rendersTheKudosAnnouncementWithRealMentions() throws IOException {
        Reply reply = kudos.handle(kudosCommand("@Ana Lopez @Li thanks for the *smooth* demo_day #ownership", "k1"));
        String payload = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT payload::text FROM outbox WHERE idempotency_key LIKE 'kudos:%:post' ORDER BY id DESC LIMIT 1")
                .mapTo(String.class)
                .one());

        assertThat(reply).isInstanceOf(Reply.Private.class);
        assertMatchesGolden("kudos-announcement.json", MessageJson.read(payload));
    }

    @Test
    void rendersTheKudosDirectMessageFromTheOutbox() throws IOException {
        kudos.handle(kudosCommand("@Ana Lopez @Li thanks for the demo #ownership", "k2"));
        String payload = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT payload::text FROM outbox WHERE target = '29:ana' ORDER BY id DESC LIMIT 1")
                .mapTo(String.class)
                .one());

        assertMatchesGolden("kudos-received.json", MessageJson.read(payload));
    }

    @Test
    void rendersTheKudosUsage() throws IOException {
        Reply reply = kudos.handle(command("kudos", "thanks everyone", List.of()));

        assertMatchesGolden("kudos-usage.json", ((Reply.Private) reply).message());
    }

    @Test
    void rendersTheHelpAndTheWelcome() throws IOException {
        Message help = ((Reply.Private) new HelpHandler().handle(command("candor", "help", List.of()))).message();

        assertMatchesGolden("help.json", help);
        assertMatchesGolden("welcome.json", TeamsReplies.welcome(help));
    }

    @Test
    void rendersEveryBlockAndEscapesWhatPeopleTyped() throws IOException {
        Message message = new Message(
                "Q3 goals",
                List.of(
                        new Block.Header("Q3 goals for *Team* _Rocket_"),
                        new Block.Section(Text.builder()
                                .strong("Ana")
                                .plain(" wrote: ")
                                .emphasis("see")
                                .plain(" ")
                                .link("https://example.com/goals?q=1", "the [plan]")
                                .lineBreak()
                                .plain("- not a list, 1. not numbered, **not bold**")
                                .build()),
                        new Block.Divider(),
                        new Block.Quote(Text.of("# not a heading\n> not a quote `code` ~strike~ \\back")),
                        new Block.Fields(List.of(
                                new Block.Field(
                                        "Owner",
                                        Text.builder()
                                                .person("29:ana", "Ana Lopez")
                                                .build()),
                                new Block.Field("Due", Text.of("30 Sep")))),
                        new Block.Progress("Key results", 3, 5),
                        new Block.Image(
                                "https://candor.example.com/charts/3f9a.png", "Key results over the quarter: 1, 2, 3"),
                        new Block.Divider(),
                        new Block.Buttons(List.of(
                                new Block.Button("goal.update", "Update", "goal-7", Block.ButtonStyle.PRIMARY),
                                new Block.Button("goal.close", "Close", "goal-7", Block.ButtonStyle.DANGER),
                                new Block.Button("goal.snooze", "Later", "goal-7", Block.ButtonStyle.DEFAULT))),
                        new Block.Context(Text.of("Updated by you"))));

        assertMatchesGolden("all-blocks.json", message);
    }

    /** A kudos from Gil, a person provisioned in the test database, to Ana and Li. */
    private static Command kudosCommand(String text, String source) {
        List<Mention> recipients = List.of(new Mention("29:ana", "Ana Lopez"), new Mention("29:li", "Li"));
        return new Command(gil, CHANNEL, "kudos", text, recipients, "test:" + source);
    }

    /** A command that never reaches the database: the handlers answer it before they look anyone up. */
    private static Command command(String name, String text, List<Mention> mentions) {
        Actor nobody = new Actor(
                0,
                TestActivity.TENANT,
                0,
                Platform.TEAMS,
                "29:gil",
                "Gil Giver",
                Role.EMPLOYEE,
                ZoneId.of("UTC"),
                Locale.ENGLISH);
        return new Command(nobody, CHANNEL, name, text, mentions, null);
    }

    private static void assertMatchesGolden(String name, Message message) throws IOException {
        Goldens.assertMatches(name, TeamsRenderer.card(message));
    }
}
