package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeyFileTest {
    @Test
    void generatesThirtyTwoRandomBytesOnceAndReadsThemAfterwards(@TempDir Path dir) {
        Path dataDir = dir.resolve("data");

        byte[] first = EncryptionKeyFile.in(dataDir);
        byte[] again = EncryptionKeyFile.in(dataDir);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(EncryptionKeyFile.in(dir.resolve("other")))
                .as("another data directory, another key")
                .isNotEqualTo(first);
    }

    @Test
    void refusesAFileThatHoldsNoKeyRatherThanReplaceIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(EncryptionKeyFile.NAME), "not a key\n");

        assertThatThrownBy(() -> EncryptionKeyFile.in(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 random bytes in base64");
        assertThat(Files.readString(dir.resolve(EncryptionKeyFile.NAME))).isEqualTo("not a key\n");
    }
}
