package dev.candor.bot.slack;

import com.slack.api.model.User;
import dev.candor.bot.people.ChatStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a Slack status says someone is away: the emoji is 🌴 ({@code :palm_tree:}) or 🤒
 * ({@code :face_with_thermometer:}), or the text says vacation, holiday, out of office or OOO, in any case (Slack's own
 * "Vacationing" and "Out sick" presets included). Away until the status expires, or until it changes when it has no
 * expiry.
 */
final class SlackStatus {
    private static final Set<String> AWAY_EMOJI = Set.of("palm_tree", "face_with_thermometer");
    /** Word starts, so that "Vacationing" and "holidays" count; OOO only as a word of its own. */
    private static final Pattern AWAY_WORDS = Pattern.compile(
            "\\b(vacation|holiday|out[\\s-]+of[\\s-]+(the[\\s-]+)?office|ooo\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SlackStatus() {}

    /** What the profile's status says; a user without a profile (none in the payload) is not away. */
    static ChatStatus of(User.Profile profile) {
        if (profile == null || !isAway(profile.getStatusEmoji(), profile.getStatusText())) {
            return ChatStatus.PRESENT;
        }
        Long expiration = profile.getStatusExpiration();
        return new ChatStatus(true, expiration == null || expiration <= 0 ? null : Instant.ofEpochSecond(expiration));
    }

    static boolean isAway(String emoji, String text) {
        return emoji != null && AWAY_EMOJI.contains(emojiName(emoji))
                || text != null && AWAY_WORDS.matcher(text).find();
    }

    /** {@code :palm_tree:} → {@code palm_tree}; a skin tone ({@code ::skin-tone-2}) is not part of the name. */
    private static String emojiName(String emoji) {
        String name = emoji.strip().toLowerCase(Locale.ROOT);
        int tone = name.indexOf("::");
        if (tone > 0) {
            name = name.substring(0, tone);
        }
        return name.replaceAll("^:|:$", "");
    }
}
