package dev.candor.bot.people;

/** What a platform's directory says about a user (Slack {@code users.info}). */
public record Profile(String name, String email, String timezone, boolean bot, boolean deleted) {}
