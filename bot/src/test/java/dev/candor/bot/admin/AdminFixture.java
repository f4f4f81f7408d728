package dev.candor.bot.admin;

import dev.candor.bot.Candor;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.people.Role;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * Candor's production router on a fresh database, with people in Slack and Teams organisations whose roles the
 * test decides. Commands go through the router exactly as the platform adapters send them.
 */
public final class AdminFixture implements AutoCloseable {
    public static final String SLACK_TEAM = "T0ADMIN";
    public static final String TEAMS_TENANT = "tenant-admin";
    public static final ConversationRef SLACK_GENERAL =
            new ConversationRef(Platform.SLACK, "C0GENERAL", ConversationKind.CHANNEL, null);
    public static final ConversationRef TEAMS_THREAD = new ConversationRef(
            Platform.TEAMS,
            "19:general@thread.tacv2;messageid=1700000000001",
            ConversationKind.CHANNEL,
            "1700000000001");

    private static final AtomicInteger sources = new AtomicInteger();
    private static final AtomicInteger organisations = new AtomicInteger();

    private final Database database = TestDatabase.fresh();
    private final PeopleDirectory directory = new PeopleDirectory(database.jdbi(), Map.of(), Runnable::run);
    private final ConversationRouter router;

    private String suffix = "-" + organisations.incrementAndGet();

    public AdminFixture() {
        this(Clock.systemUTC());
    }

    /** With the time the router's handlers see fixed, e.g. for golden files that show dates. */
    public AdminFixture(Clock clock) {
        router = Candor.router(database, directory, clock);
    }

    /**
     * People created from now on belong to a new Slack workspace and Teams tenant: tests of one class share a
     * database, and each starts in organisations nobody else touched.
     */
    public void nextOrganisations() {
        suffix = "-" + organisations.incrementAndGet();
    }

    public ConversationRouter router() {
        return router;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** A person of the Slack test workspace (or Teams tenant) with a role, as the next request will see them. */
    public Actor person(Platform platform, String userId, String name, String zone, Role role) {
        PlatformUser user = new PlatformUser(
                platform,
                (platform == Platform.SLACK ? SLACK_TEAM : TEAMS_TENANT) + suffix,
                userId,
                name,
                null,
                zone,
                "en-US",
                platform == Platform.TEAMS ? "https://smba.example.test/" : null);
        Actor actor = directory.actorFor(user);
        database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE people SET role = :role WHERE id = :id")
                .bind("role", role.dbValue())
                .bind("id", actor.personId())
                .execute());
        return directory.actorFor(user);
    }

    public Reply route(Actor actor, ConversationRef where, String word, String text, List<Mention> mentions) {
        return route(actor, where, word, text, mentions, List.of());
    }

    public Reply route(
            Actor actor,
            ConversationRef where,
            String word,
            String text,
            List<Mention> mentions,
            List<String> channels) {
        String source = "test:" + sources.incrementAndGet();
        return router.route(new Command(actor, where, word, text, mentions, source, null, channels));
    }

    /** {@code /candor <text>} in the general channel; the private answer. */
    public Message candor(Actor actor, String text) {
        ConversationRef where = actor.platform() == Platform.SLACK ? SLACK_GENERAL : TEAMS_THREAD;
        return privately(route(actor, where, "candor", text, List.of()));
    }

    /** {@code /kudos <text>} naming one person; the private answer to the giver. */
    public Message kudos(Actor giver, Mention recipient, String text) {
        ConversationRef where = giver.platform() == Platform.SLACK ? SLACK_GENERAL : TEAMS_THREAD;
        return privately(route(giver, where, "kudos", "@" + recipient.displayName() + " " + text, List.of(recipient)));
    }

    public KudosSettings settings(long orgId) {
        return database.jdbi().onDemand(KudosSettingsDao.class).get(orgId);
    }

    public static Message privately(Reply reply) {
        if (reply instanceof Reply.Private answer) {
            return answer.message();
        }
        throw new AssertionError("expected a private answer, got " + reply);
    }

    @Override
    public void close() {
        database.close();
    }
}
