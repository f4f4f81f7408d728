package dev.candor.bot;

import com.microsoft.bot.connector.authentication.AppCredentials;
import dev.candor.bot.admin.AdminHandler;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.checkin.CheckinAdmin;
import dev.candor.bot.checkin.CheckinChannels;
import dev.candor.bot.checkin.CheckinHandler;
import dev.candor.bot.checkin.Checkins;
import dev.candor.bot.feedback.FeedbackAdmin;
import dev.candor.bot.feedback.FeedbackHandler;
import dev.candor.bot.feedback.FeedbackRequestFeature;
import dev.candor.bot.goal.GoalAdmin;
import dev.candor.bot.goal.GoalReminderQueue;
import dev.candor.bot.goal.GoalsHandler;
import dev.candor.bot.help.CandorHandler;
import dev.candor.bot.help.HelpHandler;
import dev.candor.bot.kudos.KudosForms;
import dev.candor.bot.kudos.KudosHandler;
import dev.candor.bot.kudos.KudosReactions;
import dev.candor.bot.kudos.KudosService;
import dev.candor.bot.kudos.digest.DigestOutbox;
import dev.candor.bot.kudos.stats.KudosStatsHandler;
import dev.candor.bot.kudos.stats.Leaderboards;
import dev.candor.bot.kudos.stats.PersonalStats;
import dev.candor.bot.oneonone.OneOnOneCommands;
import dev.candor.bot.oneonone.OneOnOneFeature;
import dev.candor.bot.oneonone.OneOnOneForms;
import dev.candor.bot.outbox.PlatformGateways;
import dev.candor.bot.people.ChannelRoster;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.bot.people.away.AwayHandler;
import dev.candor.bot.plan.PlanHandler;
import dev.candor.bot.plan.PlanNudges;
import dev.candor.bot.pulse.PulseFeature;
import dev.candor.bot.pulse.PulseHandler;
import dev.candor.bot.pulse.Pulses;
import dev.candor.bot.pulse.results.PulseResultsCommands;
import dev.candor.bot.review.ReviewFeature;
import dev.candor.bot.review.ReviewHandler;
import dev.candor.bot.review.ReviewNudges;
import dev.candor.bot.review.ReviewSummaries;
import dev.candor.bot.server.FileEndpoint;
import dev.candor.bot.server.FileLinks;
import dev.candor.bot.server.Routes;
import dev.candor.bot.server.WebServer;
import dev.candor.bot.slack.SlackModule;
import dev.candor.bot.teams.TeamsChannelMembers;
import dev.candor.bot.teams.TeamsModule;
import dev.candor.scheduler.CandorScheduler;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.checkin.ChannelMembers;
import dev.candor.scheduler.checkin.CheckinRounds;
import dev.candor.scheduler.checkin.CheckinSeries;
import dev.candor.scheduler.events.PruneProcessedEventsJob;
import dev.candor.scheduler.files.PruneFileLinksJob;
import dev.candor.scheduler.goal.GoalReminderJob;
import dev.candor.scheduler.oneonone.CheckinAnswers;
import dev.candor.scheduler.outbox.ChatGateway;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.outbox.DeliveryWorker;
import dev.candor.scheduler.outbox.PruneOutboxJob;
import dev.candor.scheduler.plan.PlanReminderJob;
import dev.candor.scheduler.pulse.PulseRounds;
import dev.candor.scheduler.pulse.PulseSeries;
import dev.candor.scheduler.recognition.RecognitionGapJob;
import dev.candor.scheduler.recognition.WeeklyDigestJob;
import dev.candor.scheduler.review.ReviewOverdueJob;
import dev.candor.scheduler.review.ReviewRounds;
import dev.candor.scheduler.review.ReviewSummaryJob;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part once, in dependency order, and stops them in reverse. No DI container;
 * only this class and the platform adapters know Slack's and Microsoft's SDKs.
 */
public final class Candor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Candor.class);

    private final Database database;
    private final boolean ownsDatabase;
    private final ExecutorService background;
    private final DeliveryWorker delivery;
    private final CandorScheduler scheduler;
    private final WebServer server;
    private final Asking asking;

    private Candor(
            Database database,
            boolean ownsDatabase,
            ExecutorService background,
            DeliveryWorker delivery,
            CandorScheduler scheduler,
            WebServer server,
            Asking asking) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.background = background;
        this.delivery = delivery;
        this.scheduler = scheduler;
        this.server = server;
        this.asking = asking;
    }

    /** Starts Candor on the configured database (embedded when DATABASE_URL is unset). */
    public static Candor start(Config config) {
        return start(config, Database.Embedded.durable());
    }

    /**
     * Starts Candor on the configured database; an embedded one runs with {@code embedded} (e.g. what to do when it
     * died and could not be restarted).
     */
    public static Candor start(Config config, Database.Embedded embedded) {
        Database database = config.databaseUrl()
                .map(url -> Database.connect(url, 20))
                .orElseGet(() -> Database.embedded(config.dataDir(), 20, embedded));
        try {
            database.migrate();
            Config withKey =
                    config.encryptionKey().isPresent() || config.databaseUrl().isPresent()
                            ? config
                            : config.withEncryptionKey(EncryptionKeyFile.in(config.dataDir()));
            return start(withKey, database, true, Options.defaults());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts Candor on a database the caller owns and keeps open (tests, benchmark). */
    public static Candor start(Config config, Database database, Options options) {
        return start(config, database, false, options);
    }

    private static Candor start(Config config, Database database, boolean ownsDatabase, Options options) {
        checkTeamsEmulator(config);
        PrometheusMeterRegistry metrics = metrics();
        ExecutorService background = new ThreadPoolExecutor(
                2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), new ThreadPoolExecutor.AbortPolicy());
        Map<Platform, ProfileSource> profiles = new EnumMap<>(Platform.class);
        Map<Platform, ChatGateway> gateways = new EnumMap<>(Platform.class);
        SlackModule slack = config.slack().enabled()
                ? new SlackModule(
                        config.slack().signingSecret(),
                        config.slack().botToken(),
                        config.slack().apiUrl())
                : null;
        if (slack != null) {
            profiles.put(Platform.SLACK, slack.profiles());
            gateways.put(Platform.SLACK, slack.gateway(database.jdbi()));
        }
        TeamsModule teams =
                config.teams().enabled() ? new TeamsModule(config.teams(), options.teamsCredentials()) : null;
        if (teams != null) {
            gateways.put(Platform.TEAMS, teams.gateway(database.jdbi()));
        }
        PeopleDirectory directory = new PeopleDirectory(database.jdbi(), profiles, background);
        Asking asking = new Asking(
                database.jdbi(),
                options.clock(),
                new WorkingTimeLoader(database.jdbi(), options.clock()),
                config.encryptionKey());
        Map<Platform, ChannelRoster> rosters = new EnumMap<>(Platform.class);
        if (slack != null) {
            rosters.put(Platform.SLACK, slack.channels());
        }
        rosters.put(Platform.TEAMS, new TeamsChannelMembers(database.jdbi()));
        CheckinChannels channels = new CheckinChannels(database.jdbi(), directory, rosters);
        FileLinks files = new FileLinks(database.jdbi(), config.publicUrl(), options.clock());
        ConversationRouter router = router(database, directory, options.clock(), asking, channels, files);
        Handler slackEvents = slack != null
                ? slack.endpoint(database.jdbi(), directory, router, options.clock())
                : Routes.notConfigured("Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN");
        Handler teamsMessages = teams != null
                ? teams.endpoint(database.jdbi(), directory, router)
                : Routes.refuseAll("Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD");
        DeliveryWorker delivery =
                new DeliveryWorker(database, new PlatformGateways(gateways), options.delivery(), metrics);
        delivery.start();
        CandorScheduler scheduler = new CandorScheduler(database);
        scheduler.register(PruneProcessedEventsJob.hourly(database.jdbi()));
        scheduler.register(PruneOutboxJob.hourly(database.jdbi(), config.outboxRetention()));
        scheduler.register(PruneFileLinksJob.hourly(database.jdbi(), options.clock()));
        scheduler.register(WeeklyDigestJob.everyFiveMinutes(database.jdbi(), options.clock(), new DigestOutbox()));
        scheduler.register(RecognitionGapJob.everyFiveMinutes(database.jdbi(), options.clock(), new DigestOutbox()));
        scheduler.register(asking.sweepJob());
        scheduler.register(GoalReminderJob.everyFiveMinutes(
                database.jdbi(),
                options.clock(),
                new WorkingTimeLoader(database.jdbi(), options.clock()),
                new GoalReminderQueue()));
        scheduler.register(ReviewSummaryJob.everyFiveMinutes(
                database.jdbi(),
                options.clock(),
                new WorkingTimeLoader(database.jdbi(), options.clock()),
                new ReviewSummaries()));
        scheduler.register(ReviewOverdueJob.everyFiveMinutes(
                database.jdbi(),
                options.clock(),
                new WorkingTimeLoader(database.jdbi(), options.clock()),
                asking.rounds(),
                new ReviewNudges()));
        scheduler.register(PlanReminderJob.everyFiveMinutes(database.jdbi(), options.clock(), new PlanNudges()));
        // The check-ins' own job before the engine opened every feature's series; a stored one would still fire.
        scheduler.retire("checkin-rounds");
        scheduler.register(RoundSeriesJob.everyFiveMinutes(
                database.jdbi(),
                options.clock(),
                List.of(
                        new CheckinSeries(new CheckinRounds(asking.rounds(), channels)),
                        new PulseSeries(new PulseRounds(asking.rounds(), channels)),
                        new ReviewRounds(asking.rounds()))));
        scheduler.start();
        // The first request must find a connection ready: see Database.awaitConnections.
        database.awaitConnections(Duration.ofSeconds(10));
        WebServer server = new WebServer(
                        new Routes(slackEvents, teamsMessages, new FileEndpoint(files)), database, metrics)
                .start(config.host(), config.port());
        log.info(
                "Candor ready on http://{}:{} (Slack {}, Teams {}) with {}",
                config.host(),
                server.port(),
                slack != null ? "on" : "off",
                teams == null ? "off" : config.teams().emulator() ? "on without authentication" : "on",
                database.description());
        return new Candor(database, ownsDatabase, background, delivery, scheduler, server, asking);
    }

    /**
     * Config only allows Teams without authentication (the emulator mode) on a loopback address; checked again here,
     * before anything starts, because a Config may also be built in code.
     */
    private static void checkTeamsEmulator(Config config) {
        if (!config.teams().emulator()) {
            return;
        }
        if (!Config.isLoopback(config.host())) {
            throw new IllegalStateException(
                    "Teams authentication can only be off on a loopback address, not on " + config.host());
        }
        log.warn("Teams authentication is OFF (CANDOR_TEAMS_EMULATOR=true): for the Bot Framework Emulator on this"
                + " machine only");
    }

    /** Every feature behind one router; public so that feature tests route through the production wiring. */
    public static ConversationRouter router(Database database, PeopleDirectory directory, Clock clock) {
        return router(
                database,
                directory,
                clock,
                new Asking(database.jdbi(), clock, new WorkingTimeLoader(database.jdbi(), clock), Optional.empty()));
    }

    /** The same with the asking engine that the sweep also uses; features that ask register with it here. */
    public static ConversationRouter router(Database database, PeopleDirectory directory, Clock clock, Asking asking) {
        return router(
                database,
                directory,
                clock,
                asking,
                new CheckinChannels(
                        database.jdbi(), directory, Map.of(Platform.TEAMS, new TeamsChannelMembers(database.jdbi()))));
    }

    /** The same, with how check-ins list a channel's members on each platform. */
    public static ConversationRouter router(
            Database database, PeopleDirectory directory, Clock clock, Asking asking, ChannelMembers channels) {
        return router(
                database, directory, clock, asking, channels, new FileLinks(database.jdbi(), Optional.empty(), clock));
    }

    /** The same, with the expiring links that serve chart pictures and exports under PUBLIC_URL. */
    public static ConversationRouter router(
            Database database,
            PeopleDirectory directory,
            Clock clock,
            Asking asking,
            ChannelMembers channels,
            FileLinks files) {
        KudosService kudos = new KudosService(database.jdbi(), directory, clock);
        KudosForms kudosForms = new KudosForms(database.jdbi(), directory, kudos);
        KudosStatsHandler kudosStats = new KudosStatsHandler(
                database.jdbi(),
                new Leaderboards(database.jdbi(), clock),
                new PersonalStats(database.jdbi(), kudos, clock));
        HelpHandler help = new HelpHandler();
        CheckinHandler checkins = Checkins.handler(
                database.jdbi(),
                directory,
                asking,
                new CheckinRounds(asking.rounds(), channels),
                (roundId, now) -> asking.rounds().openNow(roundId),
                clock);
        asking.features().register(Checkins.feature(database.jdbi()));
        asking.features().register(new PulseFeature());
        AdminHandler admin = new AdminHandler(
                database.jdbi(),
                Map.of(
                        "checkins",
                        new CheckinAdmin(database.jdbi()),
                        "feedback",
                        new FeedbackAdmin(database.jdbi(), directory),
                        "goals",
                        new GoalAdmin(database.jdbi(), clock)));
        OneOnOneFeature oneOnOneRounds = new OneOnOneFeature(database.jdbi(), clock, asking, new CheckinAnswers());
        asking.features().register(oneOnOneRounds);
        PulseHandler pulses =
                Pulses.handler(database.jdbi(), directory, asking, new PulseRounds(asking.rounds(), channels), clock);
        OneOnOneCommands oneOnOnes = new OneOnOneCommands(database.jdbi(), directory, clock, oneOnOneRounds);
        OneOnOneForms oneOnOneForms = new OneOnOneForms(database.jdbi(), clock);
        asking.features().register(new FeedbackRequestFeature());
        asking.features().register(new ReviewFeature(directory, new ReviewRounds(asking.rounds()), clock));
        ReviewHandler reviews =
                new ReviewHandler(database.jdbi(), directory, asking, new ReviewRounds(asking.rounds()), clock, files);
        FeedbackHandler feedback =
                new FeedbackHandler(database.jdbi(), directory, clock, asking.rounds(), asking.keyedHash());
        GoalsHandler goals = new GoalsHandler(database.jdbi(), directory, clock, files);
        PlanHandler plans = new PlanHandler(database.jdbi(), directory, clock);
        asking.features().goalQuestions(goals.checkinQuestions());
        PulseResultsCommands pulseResults =
                new PulseResultsCommands(database.jdbi(), files, asking.threads()::threadFor);
        return ConversationRouter.builder(help)
                .command(
                        "candor",
                        new CandorHandler(
                                help,
                                Map.of(
                                        "admin",
                                        admin,
                                        "away",
                                        new AwayHandler(database.jdbi(), clock),
                                        "review",
                                        reviews,
                                        "plan",
                                        plans)))
                .forms("review", reviews)
                .actions("plan", plans.buttons())
                .forms("plan", plans.buttons())
                // 1:1 words (1on1, agenda) to the 1:1s, the rest of /checkin to check-ins
                .command("checkin", oneOnOnes.checkin(checkins))
                .actions("checkin", checkins)
                .forms("checkin", checkins)
                .command("pulse", pulseResults.before(pulses))
                .actions("pulse", pulses)
                .forms("pulse", pulses)
                .command("kudos", new KudosHandler(kudos, kudosForms, kudosStats))
                .command("feedback", feedback)
                .command("goals", goals)
                .actions("goal", goals)
                .forms("goal", goals)
                .actions("feedback", feedback)
                .forms("feedback", feedback)
                .homeSection(kudosStats)
                .homeSection(feedback.home())
                .homeSection(goals.home())
                .actions("oneonone", oneOnOneForms)
                .forms("oneonone", oneOnOneForms)
                .forms("kudos", kudosForms)
                .actions("ask", asking.handler())
                .forms("ask", asking.handler())
                .actions("thread", asking.threads())
                .forms("thread", asking.threads())
                .shortcuts("kudos", kudosForms)
                .actions(PulseResultsCommands.FEATURE, pulseResults)
                .reactions(new KudosReactions(database.jdbi(), kudos))
                .build();
    }

    private static PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /** The asking engine, for features and tests to register with and open rounds through. */
    public Asking asking() {
        return asking;
    }

    public int port() {
        return server.port();
    }

    public Database database() {
        return database;
    }

    /** Stops in reverse order: no new requests, in-flight ones finish, then background work, then the database. */
    @Override
    public void close() {
        server.close();
        scheduler.close();
        delivery.close();
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsDatabase) {
            database.close();
        }
        log.info("Candor stopped");
    }

    /**
     * What tests and the benchmark may replace.
     *
     * @param teamsCredentials fixed Bot Connector credentials (tests: Microsoft's login server is out of reach), or
     *     null for the app's own credentials from MICROSOFT_APP_ID/PASSWORD
     */
    public record Options(Clock clock, DeliveryConfig delivery, AppCredentials teamsCredentials) {
        public static Options defaults() {
            return new Options(Clock.systemUTC(), DeliveryConfig.defaults(), null);
        }

        public Options withDelivery(DeliveryConfig newDelivery) {
            return new Options(clock, newDelivery, teamsCredentials);
        }

        public Options withTeamsCredentials(AppCredentials credentials) {
            return new Options(clock, delivery, credentials);
        }
    }
}
