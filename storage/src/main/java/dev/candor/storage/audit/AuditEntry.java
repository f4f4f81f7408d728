package dev.candor.storage.audit;

import java.time.Instant;

/** One administrative change: who, when, what, old value → new value. */
public record AuditEntry(
        long id, long orgId, long personId, String action, String oldValue, String newValue, Instant createdAt) {}
