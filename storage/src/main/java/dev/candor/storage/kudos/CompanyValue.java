package dev.candor.storage.kudos;

/** One of an organisation's values, tagged in kudos as {@code #tag}. */
public record CompanyValue(long id, long orgId, String tag, String name, String emoji, String description) {}
