package dev.candor.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's PostgreSQL: an external server from {@code DATABASE_URL}, or an embedded PostgreSQL 17 whose data
 * lives in a directory and survives restarts and crashes. One HikariCP pool is shared by JDBI, Quartz and the outbox
 * worker; {@link DatabaseHealth} knows at every moment whether the server answers.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /**
     * Driver settings for every connection: server error details (which quote row contents and bound values) stay
     * out of exception messages, and nothing waits long for a server that doesn't answer. A {@code DATABASE_URL}'s
     * own parameters take precedence.
     */
    static final Map<String, String> DRIVER_SETTINGS = Map.of(
            "logServerErrorDetail", "false",
            "connectTimeout", "2",
            "loginTimeout", "3",
            "socketTimeout", "300",
            "tcpKeepAlive", "true",
            "ApplicationName", "candor");

    private final HikariDataSource pool;
    private final DataSource guarded;
    private final DatabaseHealth health;
    private final EmbeddedServer embedded;
    private final DatabaseHealth.Connector connector;
    private final Jdbi jdbi;
    private final String description;
    private volatile boolean migrated;

    private Database(
            HikariConfig config, EmbeddedServer embedded, DatabaseHealth.Connector connector, String description) {
        this.embedded = embedded;
        this.connector = connector;
        this.description = description;
        this.pool = new HikariDataSource(config);
        this.health = new DatabaseHealth(connector, this::evictPooledConnections);
        this.guarded = new GuardedDataSource(pool, health);
        this.jdbi = Jdbi.create(guarded).installPlugin(new SqlObjectPlugin());
        // Exception messages name the statement but never quote bound arguments: they are people's words.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
        DbEnums.register(jdbi);
        jdbi.registerArgument(new StorableStrings());
        health.start();
    }

    /** Closes every pooled connection as it is next idle, so that none opened before an outage is handed out. */
    private void evictPooledConnections() {
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** Connects to an external PostgreSQL server. */
    public static Database connect(DatabaseUrl url, int poolSize) {
        HikariConfig config = poolConfig(poolSize);
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        DRIVER_SETTINGS.forEach(config::addDataSourceProperty);
        DatabaseHealth.Connector connector = () -> {
            Properties properties = new Properties();
            properties.putAll(DRIVER_SETTINGS);
            if (url.user() != null) {
                properties.setProperty("user", url.user());
            }
            if (url.password() != null) {
                properties.setProperty("password", url.password());
            }
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        };
        return new Database(config, null, connector, url.describe());
    }

    /** Starts (or reopens) a durable embedded PostgreSQL whose data is kept in {@code dataDir}. */
    public static Database embedded(Path dataDir, int poolSize) {
        return embedded(dataDir, poolSize, Embedded.durable());
    }

    /**
     * Starts (or reopens) an embedded PostgreSQL in {@code dataDir}, first stopping one that a killed Candor left
     * running there. When the server dies it is restarted; when that fails, {@code options.onLost()} runs.
     *
     * @throws DataDirectoryInUse when another running Candor uses {@code dataDir}
     */
    public static Database embedded(Path dataDir, int poolSize, Embedded options) {
        Map<String, String> settings = new HashMap<>(EmbeddedServer.DURABLE);
        settings.putAll(options.serverSettings());
        HealthRelay relay = new HealthRelay(options.onLost());
        EmbeddedServer server = EmbeddedServer.start(dataDir, settings, relay);
        try {
            DataSource source = server.dataSource(DRIVER_SETTINGS);
            HikariConfig config = poolConfig(poolSize);
            config.setDataSource(source);
            String description =
                    "embedded PostgreSQL in " + dataDir.toAbsolutePath().normalize() + " on port " + server.port();
            Database database = new Database(config, server, source::getConnection, description);
            relay.health = database.health;
            return database;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * How the embedded server runs: its settings on top of the durable defaults (the benchmark may relax them), and
     * what to do when it died and could not be restarted (the product exits so that a supervisor starts it anew).
     */
    public record Embedded(Map<String, String> serverSettings, Runnable onLost) {
        public static Embedded durable() {
            return new Embedded(Map.of(), () -> log.error("embedded PostgreSQL is gone; Candor can't save anything"));
        }

        public Embedded onLost(Runnable action) {
            return new Embedded(serverSettings, action);
        }

        /** Durability off: a crash loses the last acknowledged commits. For benchmarks only. */
        public Embedded withoutDurability() {
            return new Embedded(Map.of("fsync", "off", "synchronous_commit", "off"), onLost);
        }
    }

    /** Tells the health of the embedded server's death at once, before the probe would notice. */
    private static final class HealthRelay implements EmbeddedServer.Listener {
        private final Runnable onLost;
        private volatile DatabaseHealth health;

        HealthRelay(Runnable onLost) {
            this.onLost = onLost;
        }

        @Override
        public void down() {
            if (health != null) {
                health.markDown("embedded server stopped");
            }
        }

        @Override
        public void restarted() {
            // The probe marks it up once it answers.
        }

        @Override
        public void lost() {
            onLost.run();
        }
    }

    /** What went wrong and the start of the statement (Candor's own SQL), never the values bound to it. */
    static String withoutArguments(StatementException error) {
        StatementContext context = error.getStatementContext();
        String sql = context == null ? null : context.getRenderedSql();
        if (sql == null) {
            return error.getShortMessage();
        }
        String start = sql.strip().replaceAll("\\s+", " ");
        return error.getShortMessage() + " [statement: "
                + (start.length() > 120 ? start.substring(0, 120) + "…" : start) + "]";
    }

    private static HikariConfig poolConfig(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("candor");
        config.setMaximumPoolSize(poolSize);
        // A request waits at most this long for a connection: within Slack's 3 s, there is time left to say so.
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(500);
        // Startup must not hang on an unreachable server: fail fast with a clear message instead.
        config.setInitializationFailTimeout(15_000);
        return config;
    }

    /**
     * Waits, at most {@code timeout}, until the pool has opened its minimum of connections; false when it hasn't by
     * then (e.g. a server that allows fewer). The pool opens them in the background, one at a time: on a loaded
     * machine a request served before that waits for one and can run out of the 1 s connection timeout that keeps
     * Slack's 3 s acknowledgement, so Candor waits here before serving rather than raising that timeout.
     */
    public boolean awaitConnections(Duration timeout) {
        HikariPoolMXBean stats = pool.getHikariPoolMXBean();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stats.getTotalConnections() < pool.getMinimumIdle()) {
            if (System.nanoTime() - deadline > 0) {
                log.warn(
                        "the database pool has {} of its {} connections after {}; serving anyway",
                        stats.getTotalConnections(),
                        pool.getMinimumIdle(),
                        timeout);
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Applies pending Flyway migrations. */
    public void migrate() {
        Flyway flyway = flyway();
        var result = flyway.migrate();
        migrated = true;
        log.info(
                "database schema at version {} ({} migration(s) applied now) on {}",
                flyway.info().current().getVersion(),
                result.migrationsExecuted,
                description);
    }

    /**
     * True when the database answers and every migration on the classpath has been applied; answers at once from
     * what the health probe last saw (migrations are looked up once, the first time the database answers).
     */
    public boolean isReady() {
        if (!health.isUp() || !serverRunning()) {
            return false;
        }
        if (!migrated) {
            try {
                migrated = flyway().info().pending().length == 0;
            } catch (RuntimeException e) {
                log.warn("readiness check failed: {}", e.getClass().getSimpleName());
                return false;
            }
        }
        return migrated;
    }

    /**
     * False while Candor's own embedded server is down (being restarted, or lost); always true on an external
     * database, which is not Candor's to restart (its reachability is {@link #isReady()}'s business).
     */
    public boolean serverRunning() {
        return embedded == null || embedded.isRunning();
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(guarded)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return guarded;
    }

    /**
     * A connection of its own, outside the pool, e.g. for LISTEN; the caller closes it. Not from the pool because
     * such a connection is held for hours, and because the pool cannot tell that it broke when the failure surfaces
     * through an unwrapped driver call (PGConnection#getNotifications): it would hand the dead connection out again.
     */
    public Connection openConnection() throws SQLException {
        return connector.open();
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        health.close();
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
