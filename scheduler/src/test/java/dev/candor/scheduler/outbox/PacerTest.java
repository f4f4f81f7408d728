package dev.candor.scheduler.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final PaceLimit TENANT = new PaceLimit("teams:1", Duration.ofMinutes(1));
    private static final PaceLimit CONVERSATION = new PaceLimit("teams:1:a:1", Duration.ofMinutes(1));

    @Test
    void aTakenTargetLeavesTheOrganisationSlotForOtherMessages() {
        try (Database database = TestDatabase.fresh()) {
            Pacer pacer = new Pacer(database.jdbi());
            assertThat(pacer.tryAcquire(List.of(CONVERSATION))).isEmpty();

            var denial = pacer.tryAcquire(List.of(TENANT, CONVERSATION));

            assertThat(denial).get().satisfies(denied -> {
                assertThat(denied.limit()).isEqualTo(CONVERSATION);
                assertThat(denied.nextSlot()).isAfter(Instant.now().plusSeconds(50));
            });
            assertThat(pacer.tryAcquire(List.of(TENANT)))
                    .as("tenant slot still free")
                    .isEmpty();
        }
    }
}
