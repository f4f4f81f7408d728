package dev.candor.storage.ask;

/**
 * A person's time zone as the directory has it, and their organisation's.
 *
 * @param profileSynced false until a platform profile was read: the person's zone may then be the column's default
 */
public record PersonZone(long personId, String timezone, boolean profileSynced, String orgTimezone) {}
