package dev.candor.storage;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own running a main class from the test classpath, as an operator would run Candor: so that tests can
 * {@code kill -9} it. Its output goes to a file, which tests read to know what it said.
 */
public final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final Path output;

    private JavaProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass} with {@code args}, the test's classpath and {@code env} added to this environment. */
    public static JavaProcess start(Path outputFile, Map<String, String> env, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dfile.encoding=UTF-8",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile());
        builder.environment().putAll(env);
        try {
            return new JavaProcess(builder.start(), outputFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until it printed {@code text}; fails with its output when it did not within {@code timeout}. */
    public void awaitOutput(String text, Duration timeout) {
        await("output containing '" + text + "'")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .failFast("process ended:\n" + tail(), () -> !process.isAlive() && !output().contains(text))
                .until(() -> output().contains(text));
    }

    /** Waits for it to end by itself; its exit status. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + timeout + ":\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is cleaned up. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM: the way an operator or a supervisor stops it. */
    public int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** The last lines it printed, for failure messages. */
    public String tail() {
        String all = output();
        return all.length() <= 4_000 ? all : all.substring(all.length() - 4_000);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
