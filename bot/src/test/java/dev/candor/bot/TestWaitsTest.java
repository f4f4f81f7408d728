package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How tests wait, as a plain scan over every module's test sources: with Awaitility, for an event. A fixed sleep
 * either proves a negative by hoping the system was quick enough, or is a hand-written polling loop; both flake on a
 * slow machine. A sleep that really only lets time pass goes on the allow-list with the reason.
 */
class TestWaitsTest {
    /** Surefire runs in the module directory (bot/); the modules are its siblings. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /** Test sources (relative to the repository) allowed to sleep, and why the sleep does not prove a negative. */
    private static final Map<String, String> ALLOWED = Map.of();

    /** {@code Thread.sleep(…)}, {@code TimeUnit.SECONDS.sleep(…)} and parking the thread by hand. */
    private static final Pattern SLEEP = Pattern.compile("\\.\\s*sleep\\s*\\(|\\bLockSupport\\s*\\.\\s*park");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void noTestSleepsOutsideTheAllowList() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : testSources()) {
            String relative = relative(file);
            if (ALLOWED.containsKey(relative)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (sleeps(lines.get(i))) {
                    violations.add(relative + ":" + (i + 1) + " " + lines.get(i).strip());
                }
            }
        }
        assertThat(violations)
                .as("wait with Awaitility for an event instead (or allow-list a sleep that only lets time pass)")
                .isEmpty();
    }

    @Test
    void everyAllowListedFileStillSleeps() throws IOException {
        for (String allowed : ALLOWED.keySet()) {
            Path file = REPOSITORY.resolve(allowed);
            assertThat(file).as(allowed).exists();
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                    .as("%s no longer sleeps: take it off the allow-list", allowed)
                    .anyMatch(TestWaitsTest::sleeps);
        }
    }

    @Test
    void findsSleepsInCodeButNotInCommentsOrStrings() {
        assertThat(sleeps("        Thread.sleep(600);")).isTrue();
        assertThat(sleeps("        TimeUnit.MILLISECONDS.sleep(50);")).isTrue();
        assertThat(sleeps("        LockSupport.parkNanos(1_000_000);")).isTrue();
        assertThat(sleeps("        // a Thread.sleep(600) here would prove nothing"))
                .isFalse();
        assertThat(sleeps("     * Never Thread.sleep(…) to wait for the worker."))
                .isFalse();
        assertThat(sleeps("        String advice = \"no Thread.sleep(…) please\";"))
                .isFalse();
    }

    /** Whether a line of code (not a comment or a string) sleeps. */
    private static boolean sleeps(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("*") || stripped.startsWith("/*")) {
            return false;
        }
        String code = STRING_LITERAL.matcher(line).replaceAll("\"\"");
        int comment = code.indexOf("//");
        if (comment >= 0) {
            code = code.substring(0, comment);
        }
        return SLEEP.matcher(code).find();
    }

    private static List<Path> testSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path tests : modules.map(module -> module.resolve("src/test/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(tests)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        // A scan that finds nothing proves nothing: make sure it looked at every module's tests.
        assertThat(sources)
                .as("test sources under " + REPOSITORY)
                .anySatisfy(file -> assertThat(relative(file)).startsWith("storage/src/test/java/"))
                .anySatisfy(file -> assertThat(relative(file)).startsWith("scheduler/src/test/java/"))
                .anySatisfy(file ->
                        assertThat(relative(file)).isEqualTo("bot/src/test/java/dev/candor/bot/TestWaitsTest.java"));
        return sources;
    }

    private static String relative(Path file) {
        return REPOSITORY.relativize(file).toString().replace('\\', '/');
    }
}
