package dev.candor.bot.server;

import dev.candor.storage.pulse.results.ChartLinkDao;
import dev.candor.storage.pulse.results.ServedFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Files Candor serves itself at {@code PUBLIC_URL/files/<token>/<name>}: chart pictures that Slack's and Microsoft's
 * servers fetch, and exports. The token is 32 random bytes, so the address can't be guessed; it stops working after
 * {@link #LIFETIME}. Stored in PostgreSQL, so any node serves any link.
 */
public final class FileLinks implements PublicFiles {
    public static final Duration LIFETIME = Duration.ofDays(30);
    public static final String PATH = "/files/";
    private static final SecureRandom random = new SecureRandom();

    private final Jdbi jdbi;
    private final Optional<URI> publicUrl;
    private final Clock clock;

    /** @param publicUrl where Candor is reachable from outside; without it no link can be made */
    public FileLinks(Jdbi jdbi, Optional<URI> publicUrl, Clock clock) {
        this.jdbi = jdbi;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return publicUrl.isPresent();
    }

    /** Stores the file and returns its public address; empty when PUBLIC_URL is unset (nothing is stored). */
    @Override
    public Optional<String> publish(long orgId, String contentType, String fileName, byte[] body) {
        if (publicUrl.isEmpty()) {
            return Optional.empty();
        }
        byte[] token = new byte[32];
        random.nextBytes(token);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Instant now = clock.instant();
        jdbi.useExtension(
                ChartLinkDao.class,
                dao -> dao.insert(hash(text), orgId, contentType, fileName, body, now, now.plus(LIFETIME)));
        String base = publicUrl.get().toString();
        return Optional.of(
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PATH + text + "/" + fileName);
    }

    /** The file behind a token while its link lives. */
    Optional<ServedFile> find(String token) {
        Instant now = clock.instant();
        return jdbi.withExtension(ChartLinkDao.class, dao -> dao.findLive(hash(token), now));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
