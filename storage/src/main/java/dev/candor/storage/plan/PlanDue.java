package dev.candor.storage.plan;

import java.time.LocalDate;

/**
 * What the sweep may have to send for an open plan: before or after one of its check-in days ({@code checkinOn}), or
 * at its end ({@code checkinOn} null). Notes count those written of that check-in day.
 *
 * @param ownerId who is reminded and asked: the employee's manager now, else who wrote the plan
 */
public record PlanDue(
        long orgId,
        long planId,
        String employeeName,
        long ownerId,
        LocalDate checkinOn,
        LocalDate endsOn,
        boolean reminded,
        boolean notesAsked,
        int notes) {}
