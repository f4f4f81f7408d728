package dev.candor.scheduler.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.events.ProcessedEventDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PruneProcessedEventsJobTest {

    @Test
    void forgetsEventsOlderThanTheRetentionAndKeepsRecentOnes() {
        try (Database database = TestDatabase.fresh()) {
            Instant now = Instant.parse("2025-03-10T12:00:00Z");
            insertEvent(database, "Ev-old", now.minus(Duration.ofDays(4)));
            insertEvent(database, "Ev-edge", now.minus(Duration.ofDays(3)).plusSeconds(60));
            insertEvent(database, "Ev-recent", now.minus(Duration.ofHours(1)));
            var job = new PruneProcessedEventsJob(
                    database.jdbi(), Clock.fixed(now, ZoneOffset.UTC), PruneProcessedEventsJob.DEFAULT_RETENTION);

            assertThat(job.prune()).isEqualTo(1);

            ProcessedEventDao events = database.jdbi().onDemand(ProcessedEventDao.class);
            assertThat(events.markFirstSeen(Platform.SLACK, "Ev-old")).isTrue();
            assertThat(events.markFirstSeen(Platform.SLACK, "Ev-edge")).isFalse();
            assertThat(events.markFirstSeen(Platform.SLACK, "Ev-recent")).isFalse();
        }
    }

    private static void insertEvent(Database database, String eventId, Instant receivedAt) {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO processed_events (platform, event_id, received_at) VALUES ('slack', :id, :at)")
                .bind("id", eventId)
                .bind("at", receivedAt)
                .execute());
    }
}
