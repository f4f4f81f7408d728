package dev.candor.bot.outbox;

import dev.candor.bot.Candor;
import dev.candor.bot.Config;
import dev.candor.bot.teams.FixedTokenCredentials;
import dev.candor.storage.Database;

/**
 * A Candor node for crash tests, run in a JVM of its own from the test classpath: Candor as {@code serve} starts it,
 * on {@code DATABASE_URL}, with the default delivery settings, but with a fixed Bot Framework token, since
 * Microsoft's login server is out of reach. Prints its outbox worker id, then runs until it is killed.
 */
public final class DeliveryNode {
    static final String READY = "delivery node ready on port ";

    private DeliveryNode() {}

    public static void main(String[] args) {
        Config config = Config.fromEnvironment();
        Database database = Database.connect(config.databaseUrl().orElseThrow(), 20);
        Candor candor = Candor.start(
                config,
                database,
                Candor.Options.defaults()
                        .withTeamsCredentials(
                                new FixedTokenCredentials(config.teams().appId(), "crash-test-token")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            candor.close();
            database.close();
        }));
        System.out.println(READY + candor.port());
    }
}
