package dev.candor.scheduler.outbox;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxStatus;
import dev.candor.storage.outbox.TargetKind;
import java.time.Duration;

/** One Slack workspace in a fresh database, and shortcuts to queue and inspect its messages. */
final class OutboxFixture {
    final Database database;
    final OutboxDao outbox;
    final long orgId;

    OutboxFixture(Database database) {
        this.database = database;
        this.outbox = database.jdbi().onDemand(OutboxDao.class);
        this.orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T1", "Acme")
                .id();
    }

    /** Settings that keep tests quick: short polls and backoff, no pacing unless a test sets it. */
    static DeliveryConfig quickConfig() {
        return new DeliveryConfig(
                4,
                32,
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(50)),
                PacingPolicy.perTarget(Duration.ZERO));
    }

    void enqueue(String key, String target) {
        outbox.enqueue(orgId, key, Platform.SLACK, TargetKind.CONVERSATION, target, "{\"text\":\"private words\"}");
    }

    OutboxMessage find(String key) {
        return outbox.findByKey(orgId, key).orElseThrow();
    }

    boolean hasStatus(String key, OutboxStatus status) {
        return find(key).status() == status;
    }
}
