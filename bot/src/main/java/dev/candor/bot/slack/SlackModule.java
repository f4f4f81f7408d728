package dev.candor.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.methods.MethodsClient;
import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.TextCommand;
import dev.candor.bot.people.ChannelRoster;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.scheduler.outbox.ChatGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything Slack, built once by the composition root: the Web API client (pointed at {@code SLACK_API_URL}),
 * the Bolt app with Candor's listeners, the endpoint, the outbox gateway and the profile source.
 */
public final class SlackModule {
    private final Slack slack;
    private final MethodsClient client;
    private final String botToken;
    private final AppConfig appConfig;

    public SlackModule(String signingSecret, String botToken, String apiUrl) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        slackConfig.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(slackConfig);
        this.client = slack.methods(botToken);
        this.botToken = botToken;
        this.appConfig = AppConfig.builder()
                .slack(slack)
                .signingSecret(signingSecret)
                .singleTeamBotToken(botToken)
                .build();
    }

    public ProfileSource profiles() {
        return new SlackProfiles(client);
    }

    /** Channel members for check-ins that ask a channel ({@code conversations.members}). */
    public ChannelRoster channels() {
        return new SlackChannelMembers(client);
    }

    public ChatGateway gateway(Jdbi jdbi) {
        return new SlackGateway(slack, client, botToken, new SlackDirectChannels(jdbi, client, botToken));
    }

    /** The Bolt app behind {@code POST /slack/events}, with every Slack command and event Candor handles. */
    public SlackEndpoint endpoint(Jdbi jdbi, PeopleDirectory directory, ConversationRouter router, Clock clock) {
        App app = new App(appConfig, slack, middleware(jdbi));
        SlackApi api = new SlackApi(slack, client);
        SlackDispatch dispatch = new SlackDispatch(router);
        SlackConversations conversations = new SlackConversations(jdbi, api);
        SlackGroups groups = new SlackGroups(api, directory);
        SlackMapper mapper = new SlackMapper(directory, groups, conversations);
        SlackCommands commands = new SlackCommands(mapper, dispatch, api);
        for (String word : TextCommand.WORDS) {
            app.command("/" + word, commands::handle);
        }
        new SlackInteractions(new SlackPayloads(mapper), dispatch, api).register(app);
        SlackReactions reactions = new SlackReactions(jdbi, mapper, conversations, dispatch, api);
        new SlackEvents(jdbi, mapper, groups, dispatch, reactions, api).register(app);
        return new SlackEndpoint(
                app, new SlackSignature(appConfig.getSigningSecret(), clock), new SlackOutage(api, outageReplies()));
    }

    /** A thread or two to tell people after the acknowledgement; when they can't keep up, the oldest waits. */
    private static ExecutorService outageReplies() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                2,
                2,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(200),
                runnable -> {
                    Thread thread = new Thread(runnable, "slack-outage-reply-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Bolt's default chain, minus two things: the signature is checked before Bolt by {@link SlackSignature}
     * (stricter), and {@code auth.test} runs on the first request instead of at construction, so that a
     * Slack outage never keeps Candor from starting.
     */
    private List<Middleware> middleware(Jdbi jdbi) {
        List<Middleware> chain = new ArrayList<>();
        chain.add(new SSLCheck(null));
        chain.add(new SingleTeamAuthorization(appConfig, null, null));
        chain.add(new IgnoringSelfEvents(slack.getConfig()));
        chain.add(new SlackEventDedupe(jdbi));
        return chain;
    }
}
