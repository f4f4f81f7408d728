package dev.candor.storage.ask;

/** A round by its organisation and id. */
public record RoundKey(long orgId, long id) {}
