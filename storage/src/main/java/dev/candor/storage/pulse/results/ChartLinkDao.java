package dev.candor.storage.pulse.results;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Files served at unguessable, expiring addresses; rows are found by the SHA-256 of the address's token only. */
@RegisterConstructorMapper(ServedFile.class)
public interface ChartLinkDao {

    @SqlUpdate(
            """
            INSERT INTO chart_links (token_hash, org_id, content_type, file_name, body, created_at, expires_at)
            VALUES (:tokenHash, :orgId, :contentType, :fileName, :body, :now, :expiresAt)
            """)
    void insert(
            @Bind("tokenHash") byte[] tokenHash,
            @Bind("orgId") long orgId,
            @Bind("contentType") String contentType,
            @Bind("fileName") String fileName,
            @Bind("body") byte[] body,
            @Bind("now") Instant now,
            @Bind("expiresAt") Instant expiresAt);

    /** The file while its link lives; empty for an unknown or expired one. */
    @SqlQuery(
            """
            SELECT content_type, file_name, body, expires_at FROM chart_links
            WHERE token_hash = :tokenHash AND expires_at > :now
            """)
    Optional<ServedFile> findLive(@Bind("tokenHash") byte[] tokenHash, @Bind("now") Instant now);

    /** Deletes files whose links have expired; returns how many. */
    @SqlUpdate("DELETE FROM chart_links WHERE expires_at <= :now")
    int deleteExpired(@Bind("now") Instant now);
}
