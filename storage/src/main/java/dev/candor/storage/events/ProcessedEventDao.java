package dev.candor.storage.events;

import dev.candor.storage.Platform;
import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Remembers inbound event ids so a platform's retries are handled once. */
public interface ProcessedEventDao {

    /** True the first time an event id is seen, false for every retry of it. */
    @SqlUpdate(
            """
            INSERT INTO processed_events (platform, event_id) VALUES (:platform, :eventId)
            ON CONFLICT DO NOTHING
            """)
    boolean markFirstSeen(@Bind("platform") Platform platform, @Bind("eventId") String eventId);

    /** Drops the record of an event whose handling failed, so the platform's retry is handled. */
    @SqlUpdate("DELETE FROM processed_events WHERE platform = :platform AND event_id = :eventId")
    void forget(@Bind("platform") Platform platform, @Bind("eventId") String eventId);

    @SqlUpdate("DELETE FROM processed_events WHERE received_at < :before")
    int pruneOlderThan(@Bind("before") Instant before);
}
