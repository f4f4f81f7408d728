package dev.candor.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of a test's own, on a fixed port and data directory, that the test stops and starts again:
 * the database Candor is pointed at as an external one (DATABASE_URL), to see what an outage does.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    public StoppablePostgres(Path dataDir) {
        this.dataDir = dataDir;
        this.port = freePort();
        start();
    }

    public synchronized void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pg_ctl stop -m fast}: open transactions are rolled back, connections closed, new ones refused. */
    public synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /**
     * SIGSTOP to the server and all its processes: connections stay open but nothing answers, as when the network to
     * the database is cut. {@link #thaw()} lets it go on where it stopped.
     */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    private void signal(String signal) {
        ProcessHandle postmaster = Postmasters.running(dataDir).orElseThrow();
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(postmaster.pid())));
        postmaster.descendants().forEach(process -> command.add(String.valueOf(process.pid())));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public DatabaseUrl url() {
        return new DatabaseUrl("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
    }
}
