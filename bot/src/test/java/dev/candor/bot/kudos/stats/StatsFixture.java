package dev.candor.bot.kudos.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.kudos.KudosForms;
import dev.candor.bot.kudos.KudosHandler;
import dev.candor.bot.kudos.KudosService;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.kudos.KudosTallyDao;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Slack workspace on a test database, with the real kudos handlers: people are provisioned the way requests
 * provision them, kudos are given through {@code /kudos}, or stored at a chosen moment and counted the way the
 * service counts them.
 */
final class StatsFixture {
    static final ConversationRef GENERAL =
            new ConversationRef(Platform.SLACK, "C0GENERAL", ConversationKind.CHANNEL, null);
    private static final AtomicInteger sources = new AtomicInteger();

    final Database database;
    final String workspace;
    final PeopleDirectory directory;
    final KudosService service;
    final KudosHandler kudos;

    StatsFixture(Database database, String workspace, Clock clock) {
        this.database = database;
        this.workspace = workspace;
        this.directory = new PeopleDirectory(database.jdbi(), Map.of(), Runnable::run);
        this.service = new KudosService(database.jdbi(), directory, clock);
        KudosStatsHandler stats = handler(clock);
        this.kudos = new KudosHandler(service, new KudosForms(database.jdbi(), directory, service), stats);
    }

    KudosStatsHandler handler(Clock clock) {
        return new KudosStatsHandler(
                database.jdbi(),
                new Leaderboards(database.jdbi(), clock),
                new PersonalStats(database.jdbi(), service, clock));
    }

    Actor person(String userId, String name) {
        return person(userId, name, "UTC");
    }

    Actor person(String userId, String name, String timezone) {
        return directory.actorFor(
                new PlatformUser(Platform.SLACK, workspace, userId, name, null, timezone, "en", null));
    }

    long orgId() {
        return directory.orgId(PlatformUser.slack(workspace, "U0ANYONE", null));
    }

    void orgTimezone(String timezone) {
        database.jdbi()
                .useHandle(handle ->
                        handle.execute("UPDATE organisations SET timezone = ? WHERE id = ?", timezone, orgId()));
    }

    /** Enough allowance for a test that gives a lot, per day. */
    void generousAllowance() {
        KudosSettingsDao settings = database.jdbi().onDemand(KudosSettingsDao.class);
        KudosSettings current = settings.get(orgId());
        settings.save(current.withAllowance(1000, AllowancePeriod.DAY));
    }

    void values(String... tags) {
        for (String tag : tags) {
            database.jdbi()
                    .useHandle(handle -> handle.execute(
                            "INSERT INTO company_values (org_id, tag, name) VALUES (?, ?, ?)", orgId(), tag, tag));
        }
    }

    /** {@code /kudos @…  text} from the giver; fails the test unless the kudos was given. */
    Reply give(Actor giver, String text, Actor... recipients) {
        List<Mention> mentions = Arrays.stream(recipients)
                .map(actor -> new Mention(actor.platformUserId(), actor.name()))
                .toList();
        String names = String.join(
                " ", mentions.stream().map(m -> "@" + m.displayName()).toList());
        Reply reply = kudos.handle(new Command(
                giver, GENERAL, "kudos", names + " " + text, mentions, "test:" + sources.incrementAndGet()));
        assertThat(text(reply)).as("kudos given").contains("Kudos to");
        return reply;
    }

    /** {@code /kudos <text>} as a command from someone, for the lookups. */
    Reply command(Actor actor, String text) {
        return kudos.handle(new Command(actor, GENERAL, "kudos", text, List.of(), "test:" + sources.incrementAndGet()));
    }

    /** A kudos stored as if given at {@code at}, counted in the tallies exactly as the service counts one. */
    long kudosAt(Instant at, Actor giver, List<String> tags, Actor... recipients) {
        return database.jdbi().inTransaction(handle -> {
            long id = handle.createQuery(
                            """
                            INSERT INTO kudos (org_id, giver_id, message, platform, created_at)
                            VALUES (?, ?, 'thanks for all the help this week', 'slack', ?) RETURNING id""")
                    .bind(0, giver.orgId())
                    .bind(1, giver.personId())
                    .bind(2, at)
                    .mapTo(Long.class)
                    .one();
            for (Actor recipient : recipients) {
                handle.execute(
                        "INSERT INTO kudos_recipients (kudos_id, org_id, person_id) VALUES (?, ?, ?)",
                        id,
                        giver.orgId(),
                        recipient.personId());
            }
            for (String tag : tags) {
                handle.execute(
                        "INSERT INTO kudos_values (kudos_id, org_id, tag) VALUES (?, ?, ?)", id, giver.orgId(), tag);
            }
            handle.attach(KudosTallyDao.class).count(giver.orgId(), id);
            return id;
        });
    }

    void deactivate(Actor person) {
        database.jdbi()
                .useHandle(
                        handle -> handle.execute("UPDATE people SET active = false WHERE id = ?", person.personId()));
    }

    void makeBot(Actor person) {
        database.jdbi()
                .useHandle(handle -> handle.execute("UPDATE people SET is_bot = true WHERE id = ?", person.personId()));
    }

    static Message message(Reply reply) {
        if (reply instanceof Reply.Private priv) {
            return priv.message();
        }
        if (reply instanceof Reply.Home home) {
            return home.message();
        }
        throw new AssertionError("expected a private reply or a home view, got " + reply);
    }

    /** Every word of a reply's blocks, one block per line. */
    static String text(Reply reply) {
        return StatsText.of(message(reply));
    }
}
