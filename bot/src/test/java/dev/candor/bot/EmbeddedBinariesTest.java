package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.JavaProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL unpacks its binaries with bot's dependencies, which are the packaged jar's: on a fresh
 * machine {@code java -jar candor.jar} is the first to unpack them. Bot Framework's connector once pulled commons-io
 * 2.8.0 in, and zonky's unpacking needs 2.12 or later: every other test found the binaries unpacked by storage's
 * tests, while the README's run command failed on a new machine. The unpacking runs in a JVM of its own (zonky keeps
 * what it unpacked for the life of a JVM) into an empty directory.
 */
class EmbeddedBinariesTest {
    @Test
    void unpacksAndStartsPostgresInAFreshDirectoryWithTheJarsDependencies(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("work");
        try (JavaProcess unpack =
                JavaProcess.start(dir.resolve("unpack.log"), Map.of(), Unpack.class.getName(), work.toString())) {
            assertThat(unpack.awaitExit(Duration.ofSeconds(120)))
                    .as("exit status; output: %s", unpack.output())
                    .isZero();
            assertThat(unpack.output()).contains("SELECT 41 + 1 = 42");
        }
        try (var unpacked = Files.list(work)) {
            assertThat(unpacked)
                    .as("the binaries were unpacked here, not found elsewhere")
                    .isNotEmpty();
        }
    }

    /** Unpacks the binaries into the directory given and asks the server one question. */
    public static final class Unpack {
        public static void main(String[] args) throws Exception {
            Path work = Path.of(args[0]);
            System.setProperty("ot.epg.working-dir", work.toString());
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                            .setDataDirectory(work.resolve("data"))
                            .start();
                    Connection connection = postgres.getPostgresDatabase().getConnection();
                    ResultSet result = connection.createStatement().executeQuery("SELECT 41 + 1")) {
                result.next();
                System.out.println("SELECT 41 + 1 = " + result.getInt(1));
            }
        }
    }
}
