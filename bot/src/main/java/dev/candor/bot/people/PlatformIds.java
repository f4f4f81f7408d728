package dev.candor.bot.people;

import dev.candor.storage.Platform;
import java.util.regex.Pattern;

/**
 * What a platform's ids look like, generously: Slack user and team ids are short upper-case letters and digits
 * ({@code U012AB3CD}, {@code T0ACME}); Teams ids ({@code 29:1a…}, Azure AD object ids, tenant GUIDs) are printable
 * ASCII, the longest Bot Framework ids being a little over 100 characters. An id outside these bounds is not one the
 * platform made, and nothing is stored under it.
 */
public final class PlatformIds {
    public static final int MAX_SLACK_ID = 32;
    public static final int MAX_TEAMS_ID = 256;
    private static final Pattern SLACK = Pattern.compile("[A-Za-z0-9]{1," + MAX_SLACK_ID + "}");
    private static final Pattern TEAMS = Pattern.compile("[\\x21-\\x7E]{1," + MAX_TEAMS_ID + "}");

    private PlatformIds() {}

    /** A user id, Slack team id or Teams tenant id the platform could have sent. */
    public static boolean valid(Platform platform, String id) {
        return id != null
                && (platform == Platform.SLACK ? SLACK : TEAMS).matcher(id).matches();
    }
}
