package dev.candor.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM. Each {@link #fresh()} database is a copy of a template that was
 * migrated once, so a test class starts on an empty, fully migrated schema in milliseconds.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "candor_template";
    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    /** A new, empty, migrated database; close it when done. */
    public static synchronized Database fresh() {
        EmbeddedPostgres server = server();
        String name = "candor_test_" + counter.incrementAndGet();
        execute(server, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return Database.connect(url(server, name), 24);
    }

    /** The JDBC URL of a database on the shared server, e.g. to hand to a server under test. */
    public static DatabaseUrl url(String databaseName) {
        return url(server(), databaseName);
    }

    private static DatabaseUrl url(EmbeddedPostgres server, String name) {
        return new DatabaseUrl(server.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            execute(postgres, "CREATE DATABASE " + TEMPLATE);
            try (Database template = Database.connect(url(postgres, TEMPLATE), 2)) {
                template.migrate();
            }
        }
        return postgres;
    }

    private static void execute(EmbeddedPostgres server, String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
