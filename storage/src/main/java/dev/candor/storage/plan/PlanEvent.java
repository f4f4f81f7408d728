package dev.candor.storage.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing that happened to a plan, by whom and when.
 *
 * @param body a comment's or a note's text (private: never logged), else null
 * @param checkinOn a note's check-in day, or null
 * @param outcome an outcome's {@code completed}, {@code extended} or {@code ended}, else null
 * @param endsOn the new end day of an extension, else null
 */
public record PlanEvent(
        long id,
        PlanEventKind kind,
        long personId,
        String personName,
        Instant at,
        String body,
        LocalDate checkinOn,
        String outcome,
        LocalDate endsOn) {}
