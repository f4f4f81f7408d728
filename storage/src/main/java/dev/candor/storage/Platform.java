package dev.candor.storage;

/** The chat platforms Candor speaks to. Stored as lower-case text. */
public enum Platform implements DbEnum {
    SLACK,
    TEAMS;
}
