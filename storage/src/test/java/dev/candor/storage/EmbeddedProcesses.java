package dev.candor.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The processes of an embedded PostgreSQL, for tests that crash it or check that only one runs. */
public final class EmbeddedProcesses {
    private EmbeddedProcesses() {}

    /** The pid in the data directory's {@code postmaster.pid}, if any. */
    public static Optional<Long> postmasterPid(Path dataDir) {
        return Postmasters.pid(dataDir);
    }

    /** The live server process of a data directory, if one runs. */
    public static Optional<ProcessHandle> running(Path dataDir) {
        return Postmasters.running(dataDir);
    }

    /**
     * kill -9 of the server and every process it started, the way a crash or the OOM killer would; the processes are
     * looked up now, so that running the result kills at once.
     */
    public static Runnable killer(Path dataDir) {
        ProcessHandle postmaster = Postmasters.running(dataDir).orElseThrow();
        List<ProcessHandle> all = postmaster.descendants().toList();
        return () -> {
            postmaster.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
            assertThat(Postmasters.exited(postmaster, Duration.ofSeconds(10))).isTrue();
        };
    }
}
