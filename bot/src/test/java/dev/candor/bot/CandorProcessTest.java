package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.EmbeddedProcesses;
import dev.candor.storage.JavaProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Candor as an operator runs it, in a JVM of its own: killed with kill -9, started again, started twice. */
class CandorProcessTest {
    private static final Duration START = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsAgainOnItsDataAfterKillMinus9AndRefusesASecondCandorMeanwhile(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        int port = freePort();
        try (JavaProcess first = serve(dir.resolve("first.log"), dataDir, port)) {
            first.awaitOutput("Candor ready on", START);

            try (JavaProcess second = serve(dir.resolve("second.log"), dataDir, freePort())) {
                assertThat(second.awaitExit(START)).isEqualTo(1);
                assertThat(second.output())
                        .contains("Another Candor is running on CANDOR_DATA_DIR=" + dataDir)
                        .doesNotContain("Exception");
            }
            assertThat(status(port, "/readyz")).isEqualTo(200);
            Path keyFile = dataDir.resolve(EncryptionKeyFile.NAME);
            String key = Files.readString(keyFile);
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .as("the generated encryption key is its owner's only")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            long orphan = EmbeddedProcesses.postmasterPid(dataDir).orElseThrow();

            first.kill();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                    .as("kill -9 of Candor leaves its PostgreSQL running")
                    .isPresent();

            try (JavaProcess again = serve(dir.resolve("again.log"), dataDir, port)) {
                again.awaitOutput("Candor ready on", START);
                assertThat(again.output())
                        .contains("left running by a Candor that stopped without shutting it down")
                        .contains("(0 migration(s) applied now)");
                assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                        .isEmpty();
                assertThat(EmbeddedProcesses.postmasterPid(dataDir)).get().isNotEqualTo(orphan);
                assertThat(status(port, "/healthz")).isEqualTo(200);
                assertThat(status(port, "/readyz")).isEqualTo(200);
                assertThat(Files.readString(keyFile))
                        .as("the same key after a restart: anonymous answers can still be changed")
                        .isEqualTo(key);

                assertThat(again.terminate(Duration.ofSeconds(90))).isIn(0, 143);
                assertThat(again.output()).contains("Candor stopped");
                assertThat(EmbeddedProcesses.running(dataDir))
                        .as("its PostgreSQL stopped with it")
                        .isEmpty();
            }
        }
    }

    private static JavaProcess serve(Path log, Path dataDir, int port) {
        return JavaProcess.start(
                log,
                Map.of("CANDOR_DATA_DIR", dataDir.toString(), "PORT", String.valueOf(port), "HOST", "127.0.0.1"),
                Main.class.getName(),
                "serve");
    }

    private int status(int port, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
