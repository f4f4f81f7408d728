package dev.candor.storage.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One phase of a cycle: it opens on a day and is due at the end of another, with its own questions, and for a phase
 * of two steps (a nomination the manager approves, a review shared that the person acknowledges) the second step's.
 */
public record ReviewPhase(
        long orgId,
        long cycleId,
        ReviewPhaseKind kind,
        LocalDate opensOn,
        LocalDate dueOn,
        long questionnaireId,
        Instant openedAt,
        Long followUpQuestionnaireId) {}
