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

    /**
     * The machine's CPU counters (jiffies of /proc/stat): everything but idle; what processes ran (user, nice, system)
     * plus what the hypervisor gave other machines (steal), leaving out interrupt work, which is mostly this
     * benchmark's own loopback traffic; and the total.
     */
    record Ticks(long busy, long processes, long total) {
        static final Ticks NONE = new Ticks(0, 0, 0);

        Ticks plus(Ticks other) {
            return new Ticks(busy + other.busy, processes + other.processes, total + other.total);
        }

        Ticks minus(Ticks other) {
            return new Ticks(busy - other.busy, processes - other.processes, total - other.total);
        }
    }

    /** CPU counters at one moment: the machine's, this JVM's CPU time, the database server's CPU time. */
    record Sample(Ticks ticks, long jvmNanos, long databaseNanos) {}

    /**
     * CPU used over a run: by the whole machine, by this JVM (servers, load generator and fake Slack alike) and by the
     * embedded PostgreSQL (its server process and backends). What processes used beyond those two is other work, which
     * skews the numbers: the load average cannot tell, since this benchmark's own busy threads count in it.
     */
    record Usage(Ticks ticks, long jvmNanos, long databaseNanos) {
        static final Usage NONE = new Usage(Ticks.NONE, 0, 0);
        /** Linux counts /proc/stat in USER_HZ, 100 per second on every common architecture. */
        private static final double TICKS_PER_SECOND = 100;

        Usage plus(Usage other) {
            return new Usage(ticks.plus(other.ticks), jvmNanos + other.jvmNanos, databaseNanos + other.databaseNanos);
        }

        double busyPercent() {
            return ticks.total() == 0 ? Double.NaN : 100.0 * ticks.busy() / ticks.total();
        }

        /** Share of the machine's CPU that neither this JVM nor its PostgreSQL used. */
        double otherPercent() {
            if (ticks.total() == 0) {
                return Double.NaN;
            }
            double othersSeconds = ticks.processes() / TICKS_PER_SECOND - (jvmNanos + databaseNanos) / 1e9;
            return Math.max(0, 100.0 * othersSeconds / (ticks.total() / TICKS_PER_SECOND));
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
        Ticks ticks = ticks();
        long databaseNanos = database.stream()
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .mapToLong(process ->
                        process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        return new Sample(ticks, jvmCpuNanos(), databaseNanos);
    }

    /** Usage since {@code start}, an earlier {@link #sample}. */
    static Usage since(Sample start, Optional<ProcessHandle> database) {
        Sample end = sample(database);
        return new Usage(
                end.ticks.minus(start.ticks), end.jvmNanos - start.jvmNanos, end.databaseNanos - start.databaseNanos);
    }

    private static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** From the first line of /proc/stat: user nice system idle iowait irq softirq steal (guest is in user). */
    private static Ticks ticks() {
        List<String> lines = read("/proc/stat");
        if (lines.isEmpty()) {
            return Ticks.NONE;
        }
        long[] fields = Arrays.stream(lines.get(0).trim().split("\\s+"))
                .skip(1)
                .mapToLong(Long::parseLong)
                .toArray();
        if (fields.length < 8) {
            return Ticks.NONE;
        }
        long total = Arrays.stream(fields).limit(8).sum();
        long idle = fields[3] + fields[4];
        return new Ticks(total - idle, fields[0] + fields[1] + fields[2] + fields[7], total);
    }

    static String loadAverage() {
        List<String> lines = read("/proc/loadavg");
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] fields = lines.get(0).split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
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
