package dev.candor.storage;

import java.nio.file.Path;

/** Another running Candor owns the embedded database's data directory: a second one must not start on it. */
public final class DataDirectoryInUse extends RuntimeException {

    DataDirectoryInUse(Path dataDir) {
        super(
                "Another Candor is running on CANDOR_DATA_DIR=" + dataDir.toAbsolutePath()
                        + " (its embedded PostgreSQL is in use). Stop that Candor first, or give this one its own"
                        + " CANDOR_DATA_DIR.",
                null,
                false,
                false);
    }
}
