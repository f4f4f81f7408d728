package dev.candor.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's PostgreSQL: an external server from {@code DATABASE_URL}, or an embedded PostgreSQL 17 whose data
 * lives in a directory and survives restarts. One HikariCP pool is shared by JDBI, Quartz and the outbox worker.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final Jdbi jdbi;
    private final String description;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        DbEnums.register(jdbi);
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
        return new Database(new HikariDataSource(config), null, url.describe());
    }

    /** Starts (or reopens) an embedded PostgreSQL whose data is kept in {@code dataDir}. */
    public static Database embedded(Path dataDir, int poolSize) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toAbsolutePath())
                    .setCleanDataDirectory(false)
                    // Candor stops it itself, after in-flight requests and the scheduler: zonky's own hook would
                    // stop it at the same moment as they finish.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start embedded PostgreSQL in " + dataDir.toAbsolutePath()
                            + " (is another Candor using this CANDOR_DATA_DIR?)",
                    e);
        }
        HikariConfig config = poolConfig(poolSize);
        config.setDataSource(postgres.getPostgresDatabase());
        String description = "embedded PostgreSQL in " + dataDir.toAbsolutePath() + " on port " + postgres.getPort();
        return new Database(new HikariDataSource(config), postgres, description);
    }

    private static HikariConfig poolConfig(int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("candor");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(10_000);
        // Startup must not hang on an unreachable server: fail fast with a clear message instead.
        config.setInitializationFailTimeout(15_000);
        return config;
    }

    /** Applies pending Flyway migrations. */
    public void migrate() {
        Flyway flyway = flyway();
        var result = flyway.migrate();
        log.info(
                "database schema at version {} ({} migration(s) applied now) on {}",
                flyway.info().current().getVersion(),
                result.migrationsExecuted,
                description);
    }

    /** True when the database answers and every migration on the classpath has been applied. */
    public boolean isReady() {
        try {
            return flyway().info().pending().length == 0;
        } catch (RuntimeException e) {
            log.warn("readiness check failed: {}", e.getMessage());
            return false;
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .load();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A connection of its own, outside the pool, e.g. for LISTEN; the caller closes it. Not from the pool because
     * such a connection is held for hours, and because the pool cannot tell that it broke when the failure surfaces
     * through an unwrapped driver call (PGConnection#getNotifications): it would hand the dead connection out again.
     */
    public Connection openConnection() throws SQLException {
        DataSource embeddedServer = dataSource.getDataSource();
        if (embeddedServer != null) {
            return embeddedServer.getConnection();
        }
        return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
