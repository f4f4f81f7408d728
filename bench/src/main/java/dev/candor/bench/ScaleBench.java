package dev.candor.bench;

import dev.candor.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * What the benchmarks of reads at scale share ({@link StatsBench}, {@link FeedbackBench}): their {@code NAME=VALUE}
 * settings, an embedded PostgreSQL in a fresh temporary directory (deleted at the end) without durability, since
 * loading a million rows with every commit flushed would measure the disk, not the reads; the line that says what
 * machine and database the figures come from; and progress lines on stderr.
 */
final class ScaleBench implements AutoCloseable {
    private final String name;
    private final Map<String, String> settings;
    private final Path dataDir;
    private final Database database;

    private ScaleBench(String name, Map<String, String> settings, Path dataDir, Database database) {
        this.name = name;
        this.settings = settings;
        this.dataDir = dataDir;
        this.database = database;
    }

    /**
     * Reads the settings (every one of {@code known}, plus {@code log} and {@code hold}), sends Candor's log to a file
     * and starts the database, migrated.
     */
    static ScaleBench start(String name, String[] args, Set<String> known) throws IOException {
        Map<String, String> settings = settings(args, known);
        System.setProperty("logback.configurationFile", "logback-bench.xml");
        System.setProperty("bench.logFile", settings.getOrDefault("log", "candor-" + name + ".log"));
        Path dataDir = Files.createTempDirectory("candor-" + name + "-");
        Database database = Database.embedded(
                dataDir.resolve("pg"), 8, Database.Embedded.durable().withoutDurability());
        database.migrate();
        return new ScaleBench(name, settings, dataDir, database);
    }

    Database database() {
        return database;
    }

    Path dataDir() {
        return dataDir;
    }

    int setting(String key, int fallback) {
        return settings.containsKey(key) ? Integer.parseInt(settings.get(key)) : fallback;
    }

    boolean setting(String key, boolean fallback) {
        return settings.containsKey(key) ? Boolean.parseBoolean(settings.get(key)) : fallback;
    }

    void progress(String what) {
        System.err.printf("[%s %tT] %s%n", name, System.currentTimeMillis(), what);
    }

    /** The machine, its load average now and the server's durability settings, which decide what a commit costs. */
    String describe() {
        return database.jdbi().withHandle(handle -> {
            String template = "%d cores, load %s; PostgreSQL %s (embedded), fsync=%s, synchronous_commit=%s, Java %s";
            return template.formatted(
                    Runtime.getRuntime().availableProcessors(),
                    Machine.loadAverage(),
                    show(handle, "server_version"),
                    show(handle, "fsync"),
                    show(handle, "synchronous_commit"),
                    Runtime.version());
        });
    }

    /** Keeps the database up after the run for a look with psql (setting hold=SECONDS). */
    void hold() throws InterruptedException {
        int seconds = setting("hold", 0);
        if (seconds > 0) {
            progress("holding the database for " + seconds + " s: " + database.description());
            Thread.sleep(seconds * 1000L);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String show(Handle handle, String setting) {
        return handle.select("SHOW " + setting).mapTo(String.class).one();
    }

    private static Map<String, String> settings(String[] args, Set<String> known) {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.split("=", 2);
            if (parts.length != 2
                    || !(known.contains(parts[0]) || Set.of("log", "hold").contains(parts[0]))) {
                throw new IllegalArgumentException(
                        "settings are NAME=VALUE, NAME one of " + known + ", log, hold; got " + arg);
            }
            settings.put(parts[0], parts[1]);
        }
        return settings;
    }

    @Override
    public void close() throws IOException {
        try {
            database.close();
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
