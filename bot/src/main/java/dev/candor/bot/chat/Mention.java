package dev.candor.bot.chat;

import dev.candor.storage.StorableText;

/** Someone named in a command, as the platform identified them ({@code <@U123|ana>}, a Teams mention entity). */
public record Mention(String platformUserId, String displayName) {

    public Mention {
        displayName = StorableText.clean(displayName);
    }
}
