package dev.candor.storage.checkin;

/** An organisation's check-in settings. */
public record CheckinSettings(long orgId, boolean hrCanRead) {}
