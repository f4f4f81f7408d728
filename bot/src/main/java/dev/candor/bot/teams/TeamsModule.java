package dev.candor.bot.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.GovernmentAuthenticationConstants;
import com.microsoft.bot.connector.authentication.GovernmentChannelValidation;
import dev.candor.bot.Config;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.scheduler.outbox.ChatGateway;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything Teams, built once by the composition root: the Bot Framework adapter (inbound token checks, outbound
 * credentials), the endpoint behind {@code POST /api/messages} and the outbox gateway.
 */
public final class TeamsModule {
    private static final int TURN_THREADS = 16;
    private static final int QUEUED_TURNS = 500;
    private static final int ROSTERS_QUEUED = 100;

    private final TeamsCredentials credentials;
    private final TeamsConnectors connectors = new TeamsConnectors();
    private final TeamsAdapter adapter;

    /** @param credentials fixed outbound credentials (tests), or null for the app's own from MICROSOFT_LOGIN_URL */
    public TeamsModule(Config.Teams config, AppCredentials credentials) {
        useOpenIdMetadata(config.openIdMetadataUrl());
        this.credentials = new TeamsCredentials(config, credentials);
        this.adapter = new TeamsAdapter(config, this.credentials, connectors);
    }

    /**
     * The SDK keeps the metadata URL (where the keys that sign channel tokens are published) in a static field:
     * set it either way, so this module never inherits another one's choice in the same JVM.
     */
    private static void useOpenIdMetadata(String url) {
        ChannelValidation.setOpenIdMetaDataUrl(
                url != null ? url : AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
        GovernmentChannelValidation.setOpenIdMetaDataUrl(
                url != null ? url : GovernmentAuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
    }

    public TeamsEndpoint endpoint(Jdbi jdbi, PeopleDirectory directory, ConversationRouter router) {
        TeamsReferences references = new TeamsReferences(jdbi);
        TeamsPeople people = new TeamsPeople(jdbi, directory);
        TeamsResponder responder = new TeamsResponder(
                new TeamsDirectChats(jdbi, references, connectors, credentials),
                new TeamsOutbound(connectors, credentials),
                people);
        TeamsBot bot = new TeamsBot(
                new TeamsMapper(directory),
                references,
                router,
                new TeamsCards(people),
                new TeamsDialogs(people),
                responder,
                new TeamsMembership(
                        new TeamsRosters(jdbi, new TeamsPagedMembers(connectors, credentials), rosterThread())),
                turnThreads());
        return new TeamsEndpoint(adapter, bot);
    }

    public ChatGateway gateway(Jdbi jdbi) {
        TeamsReferences references = new TeamsReferences(jdbi);
        TeamsDirectChats directChats = new TeamsDirectChats(jdbi, references, connectors, credentials);
        return new TeamsGateway(references, directChats, new TeamsOutbound(connectors, credentials));
    }

    /**
     * One daemon thread reads team rosters, one team after another: a large team is many pages, and the Bot Connector
     * limits a bot per tenant. A full queue refuses more; the team is read when it next speaks to Candor.
     */
    private static ExecutorService rosterThread() {
        ThreadPoolExecutor thread = new ThreadPoolExecutor(
                1,
                1,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(ROSTERS_QUEUED),
                runnable -> {
                    Thread reader = new Thread(runnable, "teams-roster");
                    reader.setDaemon(true);
                    return reader;
                },
                new ThreadPoolExecutor.AbortPolicy());
        thread.allowCoreThreadTimeOut(true);
        return thread;
    }

    /** Daemon threads that time out when idle: nothing to stop, and a full queue refuses work instead of piling up. */
    private static ExecutorService turnThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                TURN_THREADS,
                TURN_THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_TURNS),
                runnable -> {
                    Thread thread = new Thread(runnable, "teams-turn-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
