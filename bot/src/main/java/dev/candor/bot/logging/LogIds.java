package dev.candor.bot.logging;

import java.util.regex.Pattern;

/**
 * An id from a request as it may appear in a log line. Ids come from payloads, and a payload Candor didn't make may
 * put anything where an id belongs (a sentence, 100 KB); such a value is logged as {@code (not an id)}.
 */
public final class LogIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@;=+/-]{1,100}");

    private LogIds() {}

    public static String of(String id) {
        if (id == null) {
            return "-";
        }
        return ID.matcher(id).matches() ? id : "(not an id)";
    }
}
