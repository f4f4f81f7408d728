package dev.candor.storage.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A review cycle HR started: who takes part (everyone, departments or a manager's organisation, less those who
 * joined after {@code joinedBy}) and the period its reviews cover.
 */
public record ReviewCycle(
        long id,
        long orgId,
        String name,
        ReviewAudience audience,
        List<String> audienceDepartments,
        Long audienceManagerId,
        LocalDate joinedBy,
        LocalDate periodFrom,
        LocalDate periodTo,
        ReviewState state,
        long createdBy,
        Instant createdAt,
        Instant closedAt) {

    public ReviewCycle {
        audienceDepartments = audienceDepartments == null ? List.of() : List.copyOf(audienceDepartments);
    }

    /** The engine's round subject of one of its phases: {@code 12:self}. */
    public String subject(ReviewPhaseKind kind) {
        return id + ":" + kind.dbValue();
    }

    /** The round subject of a phase about one person (a manager review): {@code 12:manager:34}. */
    public String subject(ReviewPhaseKind kind, long personId) {
        return subject(kind) + ":" + personId;
    }
}
