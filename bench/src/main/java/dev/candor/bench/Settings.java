package dev.candor.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a run does. Every value comes from {@code -Dbench.NAME=VALUE} or a {@code NAME=VALUE} argument (arguments win);
 * the defaults make a full run take about three minutes on two cores, most of it Candor's warm-up.
 */
record Settings(
        int users,
        int rate,
        int senders,
        int concurrency,
        int rounds,
        Duration warmup,
        Duration fixed,
        Duration max,
        Duration drain,
        int poolSize,
        boolean durable,
        String logFile) {

    static final String USAGE =
            """
            Usage: java -Dfile.encoding=UTF-8 -jar bench/target/candor-bench.jar [NAME=VALUE ...]
              (or -Dbench.NAME=VALUE; durations in seconds)
              users=5000        distinct Slack users giving and receiving kudos
              rate=500          requests/s of the fixed-rate (open loop) runs
              senders=64        sender threads of the fixed-rate runs (enough to keep the schedule)
              concurrency=32    requests in flight in the max-rate (closed loop) runs
              rounds=2          runs of each kind per system, alternating which system goes first
              warmup=10         seconds of warm-up per system (Candor: at least one kudos per user)
              fixed=10          seconds per fixed-rate run
              max=10            seconds per max-rate run
              drain=5           seconds to wait at the end for queued DMs to reach the fake Slack
              pool=20           database connection pool size (Candor's default)
              durable=false     fsync and synchronous commit as Candor runs them (true), or off as in earlier
                                runs of this benchmark (false; the report says which)
              log=candor-bench.log  where Candor's log goes (warnings are also printed)""";

    static Settings from(String[] args) {
        Map<String, String> values = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench."))
                .forEach(name -> values.put(name.substring("bench.".length()), System.getProperty(name)));
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected NAME=VALUE, got '" + arg + "'");
            }
            values.put(pair[0], pair[1]);
        }
        Reader reader = new Reader(values);
        Settings settings = new Settings(
                reader.number("users", 5000),
                reader.number("rate", 500),
                reader.number("senders", 64),
                reader.number("concurrency", 32),
                reader.number("rounds", 2),
                reader.seconds("warmup", 10),
                reader.seconds("fixed", 10),
                reader.seconds("max", 10),
                reader.seconds("drain", 5),
                reader.number("pool", 20),
                Boolean.parseBoolean(values.getOrDefault("durable", "false")),
                values.getOrDefault("log", "candor-bench.log"));
        values.keySet().removeAll(Reader.KNOWN);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + values.keySet());
        }
        if (settings.users < 2) {
            throw new IllegalArgumentException("users must be at least 2: nobody gives kudos to themselves");
        }
        return settings;
    }

    private record Reader(Map<String, String> values) {
        static final Set<String> KNOWN = Set.of(
                "users",
                "rate",
                "senders",
                "concurrency",
                "rounds",
                "warmup",
                "fixed",
                "max",
                "drain",
                "pool",
                "durable",
                "log");

        int number(String name, int fallback) {
            String text = values.get(name);
            try {
                int value = text == null ? fallback : Integer.parseInt(text.trim());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a positive whole number (got '" + text + "')");
        }

        Duration seconds(String name, int fallback) {
            return Duration.ofSeconds(number(name, fallback));
        }
    }
}
