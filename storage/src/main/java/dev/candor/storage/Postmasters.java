package dev.candor.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process that runs on a data directory, as {@code postmaster.pid} names it. A Candor killed
 * with {@code kill -9} leaves its embedded server running: the next Candor on that directory finds it here and stops
 * it before starting its own, since two servers on one directory must never run.
 */
final class Postmasters {
    private static final Logger log = LoggerFactory.getLogger(Postmasters.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

    private Postmasters() {}

    /** The live server process of {@code dataDir}, if its pid file names one that is still running. */
    static Optional<ProcessHandle> running(Path dataDir) {
        return pid(dataDir)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> serves(process, dataDir));
    }

    /** The pid on the first line of {@code postmaster.pid}, if the file is there and readable. */
    static Optional<Long> pid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops a server the way {@code pg_ctl stop -m fast} would (SIGINT: roll back open transactions, checkpoint,
     * exit), then harder if it won't: SIGQUIT (immediate; crash recovery on the next start), then SIGKILL.
     */
    static void stop(ProcessHandle postmaster) {
        if (signal(postmaster, "INT") && exited(postmaster, FAST_SHUTDOWN)) {
            return;
        }
        log.warn(
                "PostgreSQL (pid {}) did not stop within {} s; stopping it immediately",
                postmaster.pid(),
                FAST_SHUTDOWN.toSeconds());
        if (signal(postmaster, "QUIT") && exited(postmaster, IMMEDIATE_SHUTDOWN)) {
            return;
        }
        postmaster.destroyForcibly();
        if (!exited(postmaster, IMMEDIATE_SHUTDOWN)) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") can't be stopped");
        }
    }

    /** Waits for a process to end; false when it is still running after {@code timeout}. */
    static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean serves(ProcessHandle process, Path dataDir) {
        String commandLine = commandLine(process);
        if (commandLine.isEmpty()) {
            // Unreadable: trust the pid file, which PostgreSQL removes when it stops cleanly.
            return true;
        }
        return commandLine.contains("postgres")
                && commandLine.contains(dataDir.toAbsolutePath().normalize().toString());
    }

    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | SecurityException e) {
            return process.info().commandLine().orElse("");
        }
    }

    private static boolean signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
