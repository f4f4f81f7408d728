package dev.candor.bot.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Reaction;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.Kudos;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.outbox.OutboxDao;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reaction kudos and +1s, through the neutral reaction handler on a real database. */
class KudosReactionsTest {
    private static final AtomicInteger events = new AtomicInteger();
    private static final ConversationRef GENERAL =
            new ConversationRef(Platform.SLACK, "C0GENERAL", ConversationKind.CHANNEL, null);

    private Database database;
    private PeopleDirectory directory;
    private KudosService service;
    private KudosReactions reactions;
    private Actor gil;
    private Actor bo;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        directory = new PeopleDirectory(database.jdbi(), Map.of(), Runnable::run);
        service = new KudosService(database.jdbi(), directory, Clock.systemUTC());
        reactions = new KudosReactions(database.jdbi(), service);
        gil = directory.actorFor(PlatformUser.slack("T0ACME", "U0GIL", "Gil"));
        bo = directory.actorFor(PlatformUser.slack("T0ACME", "U0BO", "Bo"));
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void clappingOnSomeonesMessageGivesItsAuthorOneKudos() {
        reactions.handle(reaction(gil, "1700000000.000100", "clap", true, "U0ANA"));
        reactions.handle(reaction(gil, "1700000000.000100", "clap::skin-tone-3", true, "U0ANA"));

        List<Kudos> all = database.jdbi().onDemand(KudosDao.class).listByOrg(gil.orgId());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).via().dbValue()).isEqualTo("reaction");
        assertThat(all.get(0).sourceUrl()).isEqualTo("https://acme.slack.com/archives/C0GENERAL/p1700000000000100");
        assertThat(count("SELECT count(*) FROM outbox WHERE target = 'U0ANA'")).isEqualTo(1);
    }

    @Test
    void ignoresOtherEmojiAndOwnMessages() {
        reactions.handle(reaction(gil, "1700000000.000200", "thumbsup", true, "U0ANA"));
        reactions.handle(reaction(gil, "1700000000.000300", "clap", true, "U0GIL"));

        assertThat(count("SELECT count(*) FROM kudos")).isZero();
    }

    @Test
    void removingTheReactionSoonTakesTheKudosBack() {
        reactions.handle(reaction(gil, "1700000000.000400", "clap", true, "U0ANA"));
        reactions.handle(reaction(gil, "1700000000.000400", "clap", false, "U0ANA"));

        assertThat(count("SELECT count(*) FROM kudos")).isZero();
        assertThat(count("SELECT count(*) FROM outbox")).isZero();
    }

    @Test
    void reactingToARecognitionPostJoinsItsKudos() {
        GiveOutcome.Given given = (GiveOutcome.Given) service.give(GiveRequest.command(
                gil,
                GENERAL,
                List.of(new Mention("U0ANA", "Ana"), new Mention("U0LI", "Li")),
                "thanks for the smooth release",
                "post-test",
                null));
        var outbox = database.jdbi().onDemand(OutboxDao.class);
        outbox.claimDue("test", 100, Duration.ofMinutes(1)).stream()
                .filter(message -> message.idempotencyKey().endsWith(":post"))
                .forEach(post -> outbox.markSent(post.id(), "test", "1700000000.000900", false));

        reactions.handle(reaction(bo, "1700000000.000900", "clap", true, "UCANDOR"));

        Kudos plusOne =
                database.jdbi().onDemand(KudosDao.class).listByOrg(gil.orgId()).get(1);
        assertThat(plusOne.parentKudosId()).isEqualTo(given.kudos().id());
        assertThat(plusOne.giverId()).isEqualTo(bo.personId());
        assertThat(plusOne.message()).isEqualTo("thanks for the smooth release");
        assertThat(database.jdbi().onDemand(KudosDao.class).listRecipientIds(gil.orgId(), plusOne.id()))
                .hasSize(2);
    }

    @Test
    void tellsTheReactorWhenTheirAllowanceIsSpent() {
        for (int i = 0; i < 5; i++) {
            reactions.handle(reaction(gil, "1700000001.00000" + i, "clap", true, "U0ANA"));
        }

        Reply sixth = reactions.handle(reaction(gil, "1700000001.000009", "clap", true, "U0ANA"));

        assertThat(sixth).isInstanceOf(Reply.Private.class);
        assertThat(((Reply.Private) sixth).message().fallbackText()).contains("all 5 of your kudos today");
    }

    private static Reaction reaction(Actor actor, String ts, String emoji, boolean added, String author) {
        String url = "https://acme.slack.com/archives/C0GENERAL/p" + ts.replace(".", "");
        return new Reaction(actor, GENERAL, ts, emoji, added, author, url, "event-" + events.incrementAndGet());
    }

    private long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }
}
