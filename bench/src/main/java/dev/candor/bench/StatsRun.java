package dev.candor.bench;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.kudos.KudosForms;
import dev.candor.bot.kudos.KudosHandler;
import dev.candor.bot.kudos.KudosService;
import dev.candor.bot.kudos.stats.KudosStatsHandler;
import dev.candor.bot.kudos.stats.Leaderboards;
import dev.candor.bot.kudos.stats.PersonalStats;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.KudosTallyDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Requests through Candor's real kudos handlers, one after the other, against the generated data: the leaderboard
 * for every period with and without a value, {@code /kudos me} for random people and for the most recognised, and
 * {@code /kudos} gives with the cost of their tally statement.
 */
final class StatsRun {
    private static final ConversationRef CHANNEL =
            new ConversationRef(Platform.SLACK, "C0GENERAL", ConversationKind.CHANNEL, null);
    private static final String[] PERIODS = {"week", "month", "quarter", "year", "all"};

    private final Jdbi jdbi;
    private final StatsData.Loaded data;
    private final PeopleDirectory directory;
    private final KudosHandler kudos;
    private final Random random = new Random(7);
    private final AtomicLong sources = new AtomicLong();

    StatsRun(Database database, StatsData.Loaded data) {
        this.jdbi = database.jdbi();
        this.data = data;
        this.directory = new PeopleDirectory(jdbi, Map.of(), Runnable::run);
        Clock clock = Clock.systemUTC();
        KudosService service = new KudosService(jdbi, directory, clock);
        KudosStatsHandler stats =
                new KudosStatsHandler(jdbi, new Leaderboards(jdbi, clock), new PersonalStats(jdbi, service, clock));
        this.kudos = new KudosHandler(service, new KudosForms(jdbi, directory, service), stats);
    }

    /** Runs every lookup {@code rounds} times per kind, after a warm-up of the same mix. */
    List<StatsLatency> lookups(int rounds) {
        List<Actor> viewers = actors(200);
        List<Actor> recognised = mostRecognised(10);
        run(viewers, recognised, 30, null);
        List<StatsLatency> results = new ArrayList<>();
        run(viewers, recognised, rounds, results);
        return results;
    }

    private void run(List<Actor> viewers, List<Actor> recognised, int rounds, List<StatsLatency> results) {
        List<StatsLatency> round = new ArrayList<>();
        for (String period : PERIODS) {
            round.add(new StatsLatency("/kudos leaderboard " + period));
            round.add(new StatsLatency("/kudos leaderboard " + period + " #craft"));
        }
        round.add(new StatsLatency("/kudos me (random people)"));
        round.add(new StatsLatency("/kudos me (the 10 most recognised)"));
        // Interleaved, so every kind sees the same cache and machine conditions.
        for (int i = 0; i < rounds; i++) {
            for (int p = 0; p < PERIODS.length; p++) {
                lookup(round.get(2 * p), pick(viewers), "leaderboard " + PERIODS[p]);
                lookup(round.get(2 * p + 1), pick(viewers), "leaderboard " + PERIODS[p] + " #craft");
            }
            lookup(round.get(round.size() - 2), pick(viewers), "me");
            lookup(round.get(round.size() - 1), pick(recognised), "me");
        }
        if (results != null) {
            results.addAll(round);
        }
    }

    private void lookup(StatsLatency latency, Actor viewer, String text) {
        Command command = new Command(viewer, CHANNEL, "kudos", text, List.of(), null);
        latency.time(() -> expectPrivate(kudos.handle(command), text));
    }

    /**
     * Gives {@code count} kudos through {@code /kudos}, then times the tally statement of each again in a
     * transaction that is rolled back: the same rows, locks and index updates the give paid for.
     */
    StatsLatency[] gives(int count) {
        List<Actor> people = actors(500);
        StatsLatency gives = new StatsLatency("/kudos @someone … (give, full handler)");
        StatsLatency tallies = new StatsLatency("  of which: tally statement");
        for (int i = 0; i < count + 30; i++) {
            Actor giver = pick(people);
            Actor recipient = pick(people);
            while (recipient.personId() == giver.personId()) {
                recipient = pick(people);
            }
            Command give = giveCommand(giver, recipient, i);
            StatsLatency into = i < 30 ? new StatsLatency("warm-up") : gives;
            into.time(() -> expectGiven(kudos.handle(give)));
        }
        for (long kudosId : latestKudos(count)) {
            jdbi.useHandle(handle -> timeTally(handle, kudosId, tallies));
        }
        return new StatsLatency[] {gives, tallies};
    }

    private Command giveCommand(Actor giver, Actor recipient, int i) {
        Mention mention = new Mention(recipient.platformUserId(), recipient.name());
        String text = "@" + recipient.name() + " thanks for the careful review of the release notes"
                + (i % 2 == 0 ? " #craft" : "");
        return new Command(giver, CHANNEL, "kudos", text, List.of(mention), "bench:" + sources.incrementAndGet());
    }

    private void timeTally(Handle handle, long kudosId, StatsLatency tallies) {
        handle.begin();
        try {
            KudosTallyDao dao = handle.attach(KudosTallyDao.class);
            long start = System.nanoTime();
            dao.count(data.orgId(), kudosId);
            tallies.record(System.nanoTime() - start);
        } finally {
            handle.rollback();
        }
    }

    private List<Long> latestKudos(int count) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT id FROM kudos WHERE org_id = ? ORDER BY id DESC LIMIT ?")
                        .bind(0, data.orgId())
                        .bind(1, count)
                        .mapTo(Long.class)
                        .list());
    }

    /** Active people, as their requests would arrive (resolved once, as the platform adapter does per request). */
    private List<Actor> actors(int count) {
        int humans = data.people() - StatsData.BOTS;
        List<Actor> actors = new ArrayList<>();
        while (actors.size() < count) {
            int n = 1 + random.nextInt(humans);
            if (n % 50 != 0) {
                actors.add(actor(n));
            }
        }
        return actors;
    }

    private List<Actor> mostRecognised(int count) {
        List<Long> ids = jdbi.withHandle(handle -> handle.createQuery(
                        """
                        SELECT t.person_id FROM kudos_tallies t JOIN people p ON p.id = t.person_id
                        WHERE t.org_id = ? AND t.period_kind = 'all' AND t.tag = '' AND p.active
                        ORDER BY t.received DESC LIMIT ?""")
                .bind(0, data.orgId())
                .bind(1, count)
                .mapTo(Long.class)
                .list());
        return ids.stream()
                .map(id -> actor((int) (id - data.firstPersonId() + 1)))
                .toList();
    }

    private Actor actor(int n) {
        return directory.actorFor(PlatformUser.slack(StatsData.TEAM_ID, userId(n), null));
    }

    static String userId(int n) {
        return "U%08d".formatted(n);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static void expectGiven(Reply reply) {
        expectPrivate(reply, "give");
        String answer = ((Reply.Private) reply).message().fallbackText();
        if (!answer.contains("Kudos to")) {
            throw new IllegalStateException("a give was refused: " + answer);
        }
    }

    private static void expectPrivate(Reply reply, String what) {
        if (!(reply instanceof Reply.Private)) {
            throw new IllegalStateException(what + " answered " + reply);
        }
    }
}
