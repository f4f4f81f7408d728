package dev.candor.bot.admin;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an IANA time zone as HR types it: {@code europe/berlin} is {@code Europe/Berlin}. Offsets like {@code +02:00}
 * are refused because they ignore daylight saving time; a city alone ({@code berlin}, {@code new york}) gets the
 * zones it could mean as suggestions.
 */
final class Timezones {
    private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

    private Timezones() {}

    /** @param words {@code timezone <Area/City>} */
    static String parse(Words words) {
        String typed = words.rest(1).replace(' ', '_');
        if (typed.isEmpty()) {
            throw new AdminUsage("Say which time zone, as Area/City.", AdminSyntax.TIMEZONE);
        }
        Optional<String> zone = find(typed);
        if (zone.isPresent()) {
            return zone.get();
        }
        List<String> suggestions = suggest(typed);
        throw new AdminUsage(
                typed + " isn't a time zone I know. Use an IANA zone (Area/City) such as Europe/Berlin,"
                        + " America/New_York or Asia/Tokyo"
                        + (suggestions.isEmpty() ? "." : " — did you mean " + String.join(" or ", suggestions) + "?"),
                AdminSyntax.TIMEZONE);
    }

    /** The zone with this name, in its canonical spelling; offsets and legacy abbreviations are not zones here. */
    static Optional<String> find(String typed) {
        return ZONES.stream()
                .filter(zone -> zone.equalsIgnoreCase(typed))
                .filter(zone -> zone.contains("/") || zone.equals("UTC"))
                .findFirst();
    }

    /** Zones whose city is what was typed (or starts with it): up to three. */
    static List<String> suggest(String typed) {
        String city = typed.substring(typed.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (city.length() < 3) {
            return List.of();
        }
        return ZONES.stream()
                .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                .filter(zone -> zone.substring(zone.lastIndexOf('/') + 1)
                        .toLowerCase(Locale.ROOT)
                        .startsWith(city))
                .limit(3)
                .toList();
    }
}
