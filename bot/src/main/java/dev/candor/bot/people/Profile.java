package dev.candor.bot.people;

import dev.candor.storage.StorableText;

/**
 * What a platform's directory says about a user (Slack {@code users.info}).
 *
 * @param status whether the user's status says they are away, or null when the platform has no status to read
 */
public record Profile(String name, String email, String timezone, boolean bot, boolean deleted, ChatStatus status) {

    public Profile {
        name = StorableText.clean(name);
        email = StorableText.clean(email);
        timezone = StorableText.clean(timezone);
    }

    public Profile(String name, String email, String timezone, boolean bot, boolean deleted) {
        this(name, email, timezone, bot, deleted, null);
    }
}
