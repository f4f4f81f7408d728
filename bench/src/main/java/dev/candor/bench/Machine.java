package dev.candor.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine the numbers come from: cores, JVM, and how busy it is (Linux {@code /proc}; blank elsewhere). */
final class Machine {
    private Machine() {}

    /** CPU counters at one moment: the machine's jiffies, this JVM's CPU time, the database server's CPU time. */
    record Sample(long busyTicks, long totalTicks, long jvmNanos, long databaseNanos) {}

    /**
     * CPU used over a run: by the whole machine (every process, other people's work included), by this JVM (servers,
     * load generator and fake Slack alike) and by the embedded PostgreSQL (its server process and backends); and the
     * highest 1-minute load average seen at the end of a run.
     */
    record Usage(long busyTicks, long totalTicks, long jvmNanos, long databaseNanos, double maxLoad1m) {
        static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        Usage plus(Usage other) {
            return new Usage(
                    busyTicks + other.busyTicks,
                    totalTicks + other.totalTicks,
                    jvmNanos + other.jvmNanos,
                    databaseNanos + other.databaseNanos,
                    Math.max(maxLoad1m, other.maxLoad1m));
        }

        double busyPercent() {
            return totalTicks == 0 ? Double.NaN : 100.0 * busyTicks / totalTicks;
        }
    }

    /**
     * The PostgreSQL server process using {@code dataDir}. Not a child of this JVM: pg_ctl starts it and it is
     * handed to init, so it is found by its {@code -D} argument.
     */
    static Optional<ProcessHandle> postgresServing(Path dataDir) {
        String directory = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .commandLine()
                        .filter(line -> line.contains("postgres") && line.contains(directory))
                        .isPresent())
                .findFirst();
    }

    static Sample sample(Optional<ProcessHandle> database) {
        long[] ticks = ticks();
        long databaseNanos = database.stream()
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .mapToLong(process ->
                        process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        return new Sample(ticks[0], ticks[1], jvmCpuNanos(), databaseNanos);
    }

    /** Usage since {@code start}, an earlier {@link #sample}. */
    static Usage since(Sample start, Optional<ProcessHandle> database) {
        Sample end = sample(database);
        return new Usage(
                end.busyTicks - start.busyTicks,
                end.totalTicks - start.totalTicks,
                end.jvmNanos - start.jvmNanos,
                end.databaseNanos - start.databaseNanos,
                load1m());
    }

    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** {busy, total} jiffies from the first line of /proc/stat (busy = everything but idle and iowait). */
    private static long[] ticks() {
        List<String> lines = read("/proc/stat");
        if (lines.isEmpty()) {
            return new long[] {0, 0};
        }
        long[] fields = Arrays.stream(lines.get(0).trim().split("\\s+"))
                .skip(1)
                .mapToLong(Long::parseLong)
                .toArray();
        long total = Arrays.stream(fields).limit(8).sum();
        long idle = fields[3] + (fields.length > 4 ? fields[4] : 0);
        return new long[] {total - idle, total};
    }

    static String loadAverage() {
        List<String> lines = read("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    static double load1m() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String describe() {
        return "%d cores%s, %s %s, %s %s"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        cpuModel(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").stream()
                .filter(line -> line.startsWith("model name"))
                .findFirst()
                .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
                .orElse("");
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
