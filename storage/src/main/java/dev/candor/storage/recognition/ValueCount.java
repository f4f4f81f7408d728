package dev.candor.storage.recognition;

/**
 * A company value and how many kudos carried it in a period.
 *
 * @param name the value's display name, or null when the tag is no longer one of the organisation's values
 * @param emoji the value's emoji, or null
 */
public record ValueCount(String tag, String name, String emoji, int kudos) {}
