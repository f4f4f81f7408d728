package dev.candor.storage.review;

import java.time.LocalDate;

/** One phase of a cycle: it opens on a day and is due at the end of another, with its own questions. */
public record ReviewPhase(
        long orgId,
        long cycleId,
        ReviewPhaseKind kind,
        LocalDate opensOn,
        LocalDate dueOn,
        long questionnaireId,
        java.time.Instant openedAt) {}
