package dev.candor.storage.plan;

import dev.candor.storage.DbEnum;

/** What happened to an improvement plan; comments and notes carry private text. */
public enum PlanEventKind implements DbEnum {
    CREATED,
    ACKNOWLEDGED,
    COMMENT,
    NOTE,
    OUTCOME
}
