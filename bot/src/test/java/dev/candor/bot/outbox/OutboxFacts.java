package dev.candor.bot.outbox;

import dev.candor.storage.Platform;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What the outbox table says about a crash test's messages. */
final class OutboxFacts {
    private final Jdbi jdbi;

    OutboxFacts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Messages still claimed by the node of that process id. */
    long heldBy(long pid) {
        return jdbi.withHandle(handle -> handle.select(
                        "SELECT count(*) FROM outbox WHERE status = 'sending' AND claimed_by LIKE '%-' || ? || '-%'",
                        pid)
                .mapTo(Long.class)
                .one());
    }

    /** Resends per Teams message, by the summary its text becomes. */
    Map<String, Integer> teamsResendsPerSummary() {
        return jdbi.withHandle(handle -> handle.select(
                        """
                        SELECT 'crash message teams ' || split_part(idempotency_key, ':', 3) AS summary, resends
                        FROM outbox WHERE platform = 'teams' AND resends > 0
                        """)
                .reduceRows(new HashMap<String, Integer>(), (map, row) -> {
                    map.put(row.getColumn("summary", String.class), row.getColumn("resends", Integer.class));
                    return map;
                }));
    }

    int resendsOn(Platform platform) {
        return jdbi.withHandle(handle -> handle.select(
                        "SELECT COALESCE(sum(resends), 0) FROM outbox WHERE platform = ?", platform.dbValue())
                .mapTo(Integer.class)
                .one());
    }

    /** Messages that were in doubt at some point, on one platform or (null) on both. */
    int inDoubt(Platform platform) {
        return jdbi.withHandle(handle -> handle.select(
                        """
                        SELECT count(*) FROM outbox
                        WHERE in_doubt_since IS NOT NULL AND (CAST(? AS text) IS NULL OR platform = ?)
                        """,
                        platform == null ? null : platform.dbValue(),
                        platform == null ? null : platform.dbValue())
                .mapTo(Integer.class)
                .one());
    }
}
