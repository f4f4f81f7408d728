package dev.candor.bot.people;

import dev.candor.storage.people.Role;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * One person as a directory file describes them: trimmed cell text, empty where the cell was empty. The optional
 * columns ({@code location}, {@code startDate}) are null when the file has no such column.
 */
record DirectoryRow(
        int line,
        String email,
        String name,
        String managerEmail,
        String department,
        String timezone,
        String role,
        String slackUserId,
        String teamsUserId,
        String location,
        String startDate) {

    DirectoryRow {
        // Teams activities carry AAD object ids in lower case; stored the same way, lookups by them match.
        if (DirectoryFormats.isGuid(teamsUserId)) {
            teamsUserId = teamsUserId.toLowerCase(Locale.ROOT);
        }
    }

    /** Emails are matched without regard to case, like the database's unique index on lower(email). */
    static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    String emailKey() {
        return key(email);
    }

    String managerKey() {
        return key(managerEmail);
    }

    boolean hasManager() {
        return !managerEmail.isEmpty();
    }

    /** Only called on checked rows: an empty role means employee. */
    Role parsedRole() {
        return role.isEmpty() ? Role.EMPLOYEE : Role.parse(role).orElseThrow();
    }

    Optional<String> zone() {
        return DirectoryFormats.zone(timezone);
    }

    /** What to store as the location: the stored one when the file has no such column, none for an empty cell. */
    String locationToStore(String stored) {
        return location == null ? stored : emptyToNull(location);
    }

    /** Like {@link #locationToStore(String)}; only called on checked rows, whose dates parse. */
    LocalDate startDateToStore(LocalDate stored) {
        return startDate == null ? stored : DirectoryFormats.date(startDate).orElse(null);
    }

    String departmentOrNull() {
        return emptyToNull(department);
    }

    private static String emptyToNull(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
