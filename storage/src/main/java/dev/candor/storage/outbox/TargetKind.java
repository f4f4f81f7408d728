package dev.candor.storage.outbox;

import dev.candor.storage.DbEnum;

/** Whom an outbox message goes to: a person's DM (by platform user id) or a conversation (by its id). */
public enum TargetKind implements DbEnum {
    USER,
    CONVERSATION;
}
