package dev.candor.bot.people;

import dev.candor.storage.StorableText;

/** What a platform's directory says about a user (Slack {@code users.info}). */
public record Profile(String name, String email, String timezone, boolean bot, boolean deleted) {

    public Profile {
        name = StorableText.clean(name);
        email = StorableText.clean(email);
        timezone = StorableText.clean(timezone);
    }
}
