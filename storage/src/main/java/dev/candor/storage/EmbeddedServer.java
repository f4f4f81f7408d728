package dev.candor.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 that keeps Candor's data when {@code DATABASE_URL} is unset: durable (fsync and
 * synchronous commit on, unlike zonky's test-friendly defaults), the only server on its data directory, and watched:
 * when it dies under a running Candor it is started again on the same port, so the pool reconnects by itself.
 */
final class EmbeddedServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    /** zonky's lock file: held, for as long as its server runs, by the Candor that started it. */
    private static final String LOCK_FILE = "epg-lock";

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(250);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final int RESTART_ATTEMPTS = 5;

    /** What the server is told on every start; the benchmark may relax durability (never the product). */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            // The server's own log lines must not carry row contents ("Failing row contains …") or statements.
            "log_error_verbosity", "terse",
            "log_min_error_statement", "panic");

    private final Path dataDir;
    private final Map<String, String> settings;
    private final Listener listener;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile boolean closed;
    private volatile List<ProcessHandle> backends = List.of();
    private Thread watchdog;

    /** Told when the server died, came back, or could not be brought back. */
    interface Listener {
        void down();

        void restarted();

        void lost();
    }

    private EmbeddedServer(Path dataDir, Map<String, String> settings, Listener listener) {
        this.dataDir = dataDir;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Starts the server on {@code dataDir}, first stopping one that a killed Candor left running there.
     *
     * @throws DataDirectoryInUse when a live Candor runs its server on this directory
     */
    static EmbeddedServer start(Path dataDir, Map<String, String> settings, Listener listener) {
        Path dir = dataDir.toAbsolutePath().normalize();
        EmbeddedServer server = new EmbeddedServer(dir, settings, listener);
        try {
            Files.createDirectories(dir);
            stopLeftover(dir);
            server.postgres = server.startPostgres(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
        } catch (IllegalStateException e) {
            // zonky's own lock check: another Candor won the race for this directory.
            throw new DataDirectoryInUse(dir);
        }
        server.postmaster = server.findPostmaster();
        server.watchdog = new Thread(server::watch, "candor-db-watchdog");
        server.watchdog.setDaemon(true);
        server.watchdog.start();
        return server;
    }

    /**
     * A server left running on the directory by a Candor that was killed: nobody holds the lock then (the kernel
     * drops a dead process's locks), so it is an orphan, and it is stopped before a new one starts.
     */
    private static void stopLeftover(Path dir) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileOutputStream stream = new FileOutputStream(lockFile.toFile(), true);
                FileLock lock = stream.getChannel().tryLock()) {
            if (lock == null) {
                throw new DataDirectoryInUse(dir);
            }
            var orphan = Postmasters.running(dir);
            if (orphan.isPresent()) {
                log.warn(
                        "embedded PostgreSQL (pid {}) left running by a Candor that stopped without shutting it down;"
                                + " stopping it",
                        orphan.get().pid());
                Postmasters.stop(orphan.get());
            }
        } catch (OverlappingFileLockException e) {
            throw new DataDirectoryInUse(dir);
        }
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Candor stops it itself, after in-flight requests and the scheduler.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT);
        if (port > 0) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        return builder.start();
    }

    private ProcessHandle findPostmaster() {
        return Postmasters.running(dataDir)
                .orElseThrow(() -> new IllegalStateException("embedded PostgreSQL started but its process is gone"));
    }

    int port() {
        return postgres.getPort();
    }

    /** Connections to the server's {@code postgres} database, on the same port across restarts. */
    DataSource dataSource(Map<String, String> properties) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {port()});
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        properties.forEach((name, value) -> {
            try {
                source.setProperty(name, value);
            } catch (java.sql.SQLException e) {
                throw new IllegalArgumentException(name, e);
            }
        });
        return source;
    }

    boolean isRunning() {
        ProcessHandle process = postmaster;
        return process != null && process.isAlive();
    }

    private void watch() {
        for (long round = 0; !closed; round++) {
            try {
                Thread.sleep(WATCH_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            if (!isRunning()) {
                recover();
            } else if (round % 8 == 0) {
                backends = postmaster.descendants().toList();
            }
        }
    }

    private void recover() {
        if (!restart() && !closed) {
            log.error("embedded PostgreSQL could not be restarted");
            // Outside the lock: the listener may exit the JVM, whose shutdown closes this server.
            listener.lost();
        }
    }

    private synchronized boolean restart() {
        if (closed) {
            return true;
        }
        log.error("embedded PostgreSQL (pid {}) stopped unexpectedly; restarting it", postmaster.pid());
        listener.down();
        int port = postgres.getPort();
        closeQuietly(postgres);
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS && !closed; attempt++) {
            try {
                waitForChildren();
                postgres = startPostgres(port);
                postmaster = findPostmaster();
                log.info(
                        "embedded PostgreSQL restarted on port {} (pid {}, attempt {})",
                        port,
                        postmaster.pid(),
                        attempt);
                listener.restarted();
                return true;
            } catch (IOException | RuntimeException e) {
                log.error(
                        "restarting embedded PostgreSQL failed (attempt {} of {}): {}",
                        attempt,
                        RESTART_ATTEMPTS,
                        e.getClass().getSimpleName());
                pause(Duration.ofSeconds(1L << (attempt - 1)));
            }
        }
        return closed;
    }

    /**
     * A dead postmaster's backends notice within moments and exit, but a new server refuses to start while one still
     * holds the old shared memory: wait for the ones seen last, and stop any server that appeared meanwhile.
     */
    private void waitForChildren() {
        for (ProcessHandle backend : backends) {
            if (!Postmasters.exited(backend, Duration.ofSeconds(10))) {
                backend.destroyForcibly();
            }
        }
        Postmasters.running(dataDir).ifPresent(Postmasters::stop);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing the dead embedded PostgreSQL", e);
        }
    }

    /** Stops the server cleanly (rolls back open transactions, checkpoints) and waits until its process is gone. */
    @Override
    public synchronized void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        ProcessHandle process = postmaster;
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn(
                    "embedded PostgreSQL did not stop cleanly: {}", e.getClass().getSimpleName());
        }
        if (process != null && process.isAlive() && !Postmasters.exited(process, Duration.ofSeconds(60))) {
            log.warn("embedded PostgreSQL (pid {}) still running after stop; stopping it", process.pid());
            Postmasters.stop(process);
        }
    }
}
