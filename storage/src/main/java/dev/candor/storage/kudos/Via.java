package dev.candor.storage.kudos;

import dev.candor.storage.DbEnum;

/** How a kudos was given. */
public enum Via implements DbEnum {
    COMMAND,
    FORM,
    REACTION,
    SHORTCUT,
    PLUS_ONE;
}
