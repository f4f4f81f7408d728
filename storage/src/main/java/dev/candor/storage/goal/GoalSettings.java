package dev.candor.storage.goal;

/** An organisation's goal settings: whether anyone (not only HR admins) may add company goals; when one is stale. */
public record GoalSettings(boolean companyByAnyone, int staleDays) {}
