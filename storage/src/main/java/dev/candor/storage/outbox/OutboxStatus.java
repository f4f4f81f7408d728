package dev.candor.storage.outbox;

import dev.candor.storage.DbEnum;

public enum OutboxStatus implements DbEnum {
    PENDING,
    SENDING,
    SENT,
    FAILED;
}
