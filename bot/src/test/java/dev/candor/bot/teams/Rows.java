package dev.candor.bot.teams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Plain SQL reads for assertions: the tests check what is in the database, not what a DAO says. */
final class Rows {
    private Rows() {}

    static Map<String, Object> one(Jdbi jdbi, String sql, Object... arguments) {
        return jdbi.withHandle(
                handle -> handle.select(sql, arguments).mapToMap().one());
    }

    static List<String> strings(Jdbi jdbi, String sql, Object... arguments) {
        return jdbi.withHandle(
                handle -> handle.select(sql, arguments).mapTo(String.class).list());
    }

    static long count(Jdbi jdbi, String sql, Object... arguments) {
        return jdbi.withHandle(
                handle -> handle.select(sql, arguments).mapTo(Long.class).one());
    }

    /** Where a kudos' post and DMs are queued: {@code conversation 19:…}, {@code user 29:…}, in order. */
    static List<String> outboxOf(Jdbi jdbi, long kudosId) {
        return strings(
                jdbi,
                "SELECT target_kind || ' ' || target FROM outbox WHERE idempotency_key LIKE ? ORDER BY 1",
                "kudos:" + kudosId + ":%");
    }

    static Instant instant(Jdbi jdbi, String sql, Object... arguments) {
        return jdbi.withHandle(
                handle -> handle.select(sql, arguments).mapTo(Instant.class).one());
    }
}
