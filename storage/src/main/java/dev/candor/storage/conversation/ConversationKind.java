package dev.candor.storage.conversation;

import dev.candor.storage.DbEnum;

public enum ConversationKind implements DbEnum {
    DM,
    CHANNEL,
    PRIVATE_CHANNEL,
    GROUP;
}
