package dev.candor.bench;

import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.storage.Database;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Candor's Slack performance target (ARCHITECTURE.md §7), measured in one run: {@code /kudos} through the full
 * stack — signature, Bolt, handler, PostgreSQL, ack — next to a bare Bolt app with a no-op handler, at a fixed
 * 500 requests/s and at the most each manages. See bench/README.md.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("help") || List.of(args).contains("--help")) {
            System.out.println(Settings.USAGE);
            return;
        }
        Settings settings;
        try {
            settings = Settings.from(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + Settings.USAGE);
            System.exit(2);
            return;
        }
        // Before the first logger exists: Candor's log goes to a file so that the report stays readable.
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        System.setProperty("bench.logFile", settings.logFile());
        String loadBefore = Machine.loadAverage();
        Path dataDir = Files.createTempDirectory("candor-bench-");
        try {
            Report report = run(settings, dataDir, loadBefore);
            report.print(System.out);
        } finally {
            deleteRecursively(dataDir);
        }
        System.exit(0); // Jetty, OkHttp and HttpClient threads would otherwise keep the JVM up for a while
    }

    /**
     * Each giver sends dozens of kudos in a run; with the default allowance (5 a day) most would be refused, and a
     * refusal is cheaper than a kudos. The bench measures giving, so its workspace allows plenty.
     */
    private static void allowEnoughKudos(Database database) {
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlashCommands.TEAM_ID, "Bench")
                .id();
        KudosSettings defaults = KudosSettings.defaults(orgId);
        database.jdbi()
                .onDemand(KudosSettingsDao.class)
                .save(defaults.withAllowance(1000, defaults.allowancePeriod())
                        .withDigest(false, defaults.digestDay(), defaults.digestTime()));
    }

    private static Report run(Settings settings, Path dataDir, String loadBefore) throws Exception {
        progress("embedded PostgreSQL in " + dataDir + ", Candor, bare Bolt and a fake Slack: starting");
        try (FakeSlackServer slack = new FakeSlackServer();
                Database database = Database.embedded(
                        dataDir.resolve("pg"),
                        settings.poolSize(),
                        settings.durable()
                                ? Database.Embedded.durable()
                                : Database.Embedded.durable().withoutDurability())) {
            database.migrate();
            allowEnoughKudos(database);
            Config config = config(dataDir, slack.apiUrl());
            try (Candor candor = Candor.start(config, database, Candor.Options.defaults());
                    BareBolt bolt =
                            new BareBolt(SlashCommands.SIGNING_SECRET, SlashCommands.BOT_TOKEN, slack.apiUrl())) {
                Target candorTarget = Target.candor(candor.port());
                Target boltTarget = Target.bareBolt(bolt.port());
                LoadGenerator load = new LoadGenerator(
                        new SlashCommands(settings.users()), Machine.postgresServing(dataDir.resolve("pg")));
                Measurements measurements = new Measurements(settings, load, candorTarget, boltTarget);
                measurements.runAll();
                Report.Outbox outbox = drainOutbox(database, slack, settings.drain());
                return new Report(
                        settings,
                        measurements,
                        outbox,
                        slack,
                        describe(database, settings.poolSize()),
                        loadBefore,
                        Machine.loadAverage());
            }
        }
    }

    private static Config config(Path dataDir, String slackApiUrl) {
        return new Config(
                "127.0.0.1",
                0,
                Optional.empty(),
                dataDir.resolve("pg"),
                new Config.Slack(SlashCommands.SIGNING_SECRET, SlashCommands.BOT_TOKEN, slackApiUrl),
                Config.Teams.off(),
                Optional.empty());
    }

    /** Gives background delivery up to {@code wait} to catch up, then counts what was queued and delivered. */
    private static Report.Outbox drainOutbox(Database database, FakeSlackServer slack, Duration wait)
            throws InterruptedException {
        OutboxDao outbox = database.jdbi().onDemand(OutboxDao.class);
        long deadline = System.nanoTime() + wait.toNanos();
        progress("waiting up to " + wait.toSeconds() + " s for queued DMs to be delivered");
        while (System.nanoTime() < deadline && outbox.countPending() > 0) {
            Thread.sleep(250);
        }
        Map<OutboxStatus, Long> byStatus = outbox.countByStatus();
        long kudos = database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM kudos")
                .mapTo(Long.class)
                .one());
        return new Report.Outbox(byStatus, slack.postedMessages(), kudos);
    }

    /**
     * The server's version and commit durability: Candor runs its embedded PostgreSQL with fsync and synchronous
     * commit on; the benchmark turns them off unless durable=true, and says so here.
     */
    private static String describe(Database database, int poolSize) {
        return database.jdbi()
                .withHandle(handle -> "PostgreSQL %s (embedded), fsync=%s, synchronous_commit=%s%s, pool of %d"
                        .formatted(
                                handle.select("SHOW server_version")
                                        .mapTo(String.class)
                                        .one(),
                                handle.select("SHOW fsync").mapTo(String.class).one(),
                                handle.select("SHOW synchronous_commit")
                                        .mapTo(String.class)
                                        .one(),
                                handle.select("SHOW synchronous_commit")
                                                .mapTo(String.class)
                                                .one()
                                                .equals("off")
                                        ? " (durability OFF for this benchmark; Candor itself runs with it on)"
                                        : "",
                                poolSize));
    }

    static void progress(String what) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), what);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
