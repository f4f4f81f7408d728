package dev.candor.bot;

import dev.candor.storage.DataDirectoryInUse;
import dev.candor.storage.Database;
import java.io.PrintStream;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar candor.jar [serve|migrate|import-people FILE.csv|help]}. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    /** What {@code serve} returns: the server keeps the JVM running until it is stopped. */
    static final int RUNNING = -1;

    /** Exit status when the embedded database died and could not be restarted (EX_UNAVAILABLE). */
    static final int EXIT_DATABASE_LOST = 69;

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != RUNNING) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            return switch (command) {
                case "serve" -> serve();
                case "migrate" -> migrate(out);
                case "import-people" -> ImportPeopleCli.run(Config.fromEnvironment(), rest, out, err);
                case "help", "--help", "-h" -> help(out);
                default -> {
                    err.println("Unknown command '" + command + "'.");
                    help(err);
                    yield 2;
                }
            };
        } catch (Config.ConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (DataDirectoryInUse e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static int serve() {
        Config config = Config.fromEnvironment();
        // A supervisor (systemd, Kubernetes, Docker) restarts Candor, and with it a database that could not be
        // brought back; without one, the log says what happened.
        Candor candor = Candor.start(config, Database.Embedded.durable().onLost(() -> {
            log.error("embedded PostgreSQL could not be restarted: Candor exits so that it can be started anew");
            System.exit(EXIT_DATABASE_LOST);
        }));
        // SIGTERM and Ctrl-C: stop accepting, finish in-flight requests, stop the scheduler and the database.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("stopping: finishing in-flight requests");
                            candor.close();
                        },
                        "candor-shutdown"));
        return RUNNING;
    }

    private static int migrate(PrintStream out) {
        Config config = Config.fromEnvironment();
        try (Database database = config.databaseUrl()
                .map(url -> Database.connect(url, 2))
                .orElseGet(() -> Database.embedded(config.dataDir(), 2))) {
            database.migrate();
            out.println("Database schema is up to date (" + database.description() + ").");
        }
        return 0;
    }

    private static int help(PrintStream out) {
        out.println(
                """
                Candor — continuous performance feedback in Slack and Microsoft Teams

                Usage: java -jar candor.jar [command]

                  serve                 start the web server and the scheduler (the default)
                  migrate               apply database migrations and exit
                  import-people FILE    import or update people from a CSV file with the header
                                        email,name,manager_email,department,timezone,role,slack_user_id,teams_user_id
                                        and optionally location,start_date (2024-03-18), in any position
                                        options: --slack-team T0123  --teams-tenant TENANT-ID  --org ID
                  help                  show this text

                Configuration comes from environment variables; see README.md. Without DATABASE_URL, Candor
                keeps its data in an embedded PostgreSQL under CANDOR_DATA_DIR (default ./data).""");
        return 0;
    }
}
