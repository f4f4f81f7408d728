package dev.candor.bot.people;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The shapes of the values a directory file and the import flags may hold. */
final class DirectoryFormats {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\".]+");
    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]+");
    private static final Pattern SLACK_TEAM = Pattern.compile("T[A-Z0-9]+");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern BOT_FRAMEWORK_USER = Pattern.compile("29:\\S+");

    // Spreadsheets and people get the case of zone names wrong; the canonical spelling is what gets stored.
    private static final Map<String, String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toMap(zone -> zone.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

    private DirectoryFormats() {}

    static boolean isEmail(String text) {
        return EMAIL.matcher(text).matches();
    }

    static boolean isSlackUserId(String text) {
        return SLACK_USER.matcher(text).matches();
    }

    static boolean isSlackTeamId(String text) {
        return SLACK_TEAM.matcher(text).matches();
    }

    /** An Azure AD object id, which is also the form a Teams tenant id takes. */
    static boolean isGuid(String text) {
        return GUID.matcher(text).matches();
    }

    static boolean isBotFrameworkUserId(String text) {
        return BOT_FRAMEWORK_USER.matcher(text).matches();
    }

    /** The IANA name of a zone in its canonical spelling, for any case of a known name. */
    static Optional<String> zone(String text) {
        return Optional.ofNullable(ZONES.get(text.toLowerCase(Locale.ROOT)));
    }

    /** A day written the ISO way (2024-03-18), the one form no spreadsheet locale can read the other way round. */
    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
