package dev.candor.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether PostgreSQL answers right now, known without waiting: a probe on a connection of its own (so a busy pool
 * never looks like an outage) asks every half second, and every few tenths of a second while the database is down.
 * Requests read the answer instantly: while it is down they fail at once instead of waiting for the pool's timeout,
 * and {@code /readyz} answers 503.
 */
public final class DatabaseHealth implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final Duration PROBE_WHEN_UP = Duration.ofMillis(500);
    private static final Duration PROBE_WHEN_DOWN = Duration.ofMillis(200);
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    private static final Executor DIRECT = Runnable::run;

    /** Opens a connection outside the pool, with short connect and login timeouts. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final Runnable onRecovery;
    private final Thread prober;
    private volatile boolean up = true;
    private volatile long downSinceNanos;
    private volatile boolean closed;
    private Connection probeConnection;

    DatabaseHealth(Connector connector) {
        this(connector, () -> {});
    }

    /**
     * With what to do when the database answers again, before requests may use it: the pool's connections from
     * before the outage may be dead even when the server restarted within the pool's validation window.
     */
    DatabaseHealth(Connector connector, Runnable onRecovery) {
        this.connector = connector;
        this.onRecovery = onRecovery;
        this.prober = new Thread(this::run, "candor-db-health");
        this.prober.setDaemon(true);
    }

    void start() {
        prober.start();
    }

    public boolean isUp() {
        return up;
    }

    /** Something else learnt that the database went away (the pool, the embedded server's watchdog). */
    void markDown(String why) {
        if (up) {
            up = false;
            downSinceNanos = System.nanoTime();
            log.error("database unreachable ({}): requests are answered at once that nothing can be saved", why);
        }
    }

    private void markUp() {
        if (!up) {
            onRecovery.run();
            up = true;
            long seconds = Duration.ofNanos(System.nanoTime() - downSinceNanos).toSeconds();
            log.info("database reachable again after {} s", seconds);
        }
    }

    private void run() {
        try {
            while (!closed) {
                probe();
                Thread.sleep((up ? PROBE_WHEN_UP : PROBE_WHEN_DOWN).toMillis());
            }
        } catch (InterruptedException e) {
            // closing
        } finally {
            closeProbeConnection();
        }
    }

    private void probe() {
        try {
            if (probeConnection == null) {
                probeConnection = connector.open();
                probeConnection.setNetworkTimeout(DIRECT, PROBE_TIMEOUT_MILLIS);
            }
            try (Statement statement = probeConnection.createStatement()) {
                statement.execute("SELECT 1");
            }
            markUp();
        } catch (SQLException | RuntimeException e) {
            closeProbeConnection();
            if (!closed) {
                markDown(
                        e instanceof SQLException sql && sql.getSQLState() != null
                                ? "SQLState " + sql.getSQLState()
                                : e.getClass().getSimpleName());
            }
        }
    }

    private void closeProbeConnection() {
        if (probeConnection != null) {
            try {
                probeConnection.close();
            } catch (SQLException e) {
                log.debug("closing the probe connection failed", e);
            }
            probeConnection = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        prober.interrupt();
        try {
            prober.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
