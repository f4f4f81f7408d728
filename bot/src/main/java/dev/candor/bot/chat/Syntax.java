package dev.candor.bot.chat;

import dev.candor.storage.Platform;

/** How a person types a command on their platform, for help texts: {@code /kudos} or {@code @Candor kudos}. */
public final class Syntax {
    private Syntax() {}

    public static String command(Platform platform, String word) {
        return platform == Platform.SLACK ? "/" + word : "@Candor " + word;
    }
}
