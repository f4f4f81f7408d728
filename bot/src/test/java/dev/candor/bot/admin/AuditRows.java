package dev.candor.bot.admin;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The audit log as plain SQL reads it: the tests check the table, not what a DAO says. */
record AuditRows(long personId, String action, String oldValue, String newValue) {

    static List<AuditRows> of(Jdbi jdbi, long orgId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT person_id, action, old_value, new_value FROM audit_log WHERE org_id = :org ORDER BY id")
                .bind("org", orgId)
                .map((rs, ctx) -> new AuditRows(
                        rs.getLong("person_id"),
                        rs.getString("action"),
                        rs.getString("old_value"),
                        rs.getString("new_value")))
                .list());
    }
}
