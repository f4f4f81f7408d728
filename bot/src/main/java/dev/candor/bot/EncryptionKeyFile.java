package dev.candor.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CANDOR_ENCRYPTION_KEY for the embedded default when none is set: 32 random bytes generated once into
 * {@code encryption.key} in the data directory (readable by its owner only) and read from there on every start. With
 * it, a person can change an anonymous answer until the deadline (the answer is found again by a keyed hash of person
 * and round), while the database alone still can't be joined to anyone. With an external database the operator sets
 * the key; Candor never writes one next to a database it does not own.
 */
final class EncryptionKeyFile {
    static final String NAME = "encryption.key";
    private static final Logger log = LoggerFactory.getLogger(EncryptionKeyFile.class);

    private EncryptionKeyFile() {}

    /** The key in {@code dataDir}, generated first if there is none; refuses a file that does not hold one. */
    static byte[] in(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                generate(file);
            }
            byte[] key = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length != 32) {
                throw new IllegalStateException(file + " must hold 32 random bytes in base64");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " must hold 32 random bytes in base64", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another start made it first: read theirs
        }
        Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        log.info("generated CANDOR_ENCRYPTION_KEY into {}: keep it with the data directory's backups", file);
    }
}
