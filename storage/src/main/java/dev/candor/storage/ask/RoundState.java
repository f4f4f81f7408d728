package dev.candor.storage.ask;

import dev.candor.storage.DbEnum;

public enum RoundState implements DbEnum {
    OPEN,
    CLOSED,
    CANCELLED
}
