package dev.candor.storage.outbox;

import dev.candor.storage.DbEnum;

/** What an outbox message does on its platform (V16). */
public enum OutboxOperation implements DbEnum {
    /** A new message; in a thread when the message names one. */
    POST,
    /** A new message in the thread of the message an earlier key sent. */
    REPLY,
    /** Replaces the message an earlier key sent. */
    UPDATE;
}
