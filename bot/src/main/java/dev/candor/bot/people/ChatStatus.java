package dev.candor.bot.people;

import java.time.Instant;

/**
 * What a person's chat status says about being away (a Slack status of 🌴 or "out of office").
 *
 * @param until when the status expires, or null when it lasts until the person changes it
 */
public record ChatStatus(boolean away, Instant until) {
    public static final ChatStatus PRESENT = new ChatStatus(false, null);

    public ChatStatus {
        until = away ? until : null;
    }
}
