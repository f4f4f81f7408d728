package dev.candor.bot.people;

import dev.candor.storage.people.Role;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Checks that need nothing but the file (and today's date): each cell's shape, and values that must not repeat. */
final class DirectoryChecks {
    /** Enough for a city and a site ("Berlin, Friedrichstraße office"); breakdowns show it as a group's name. */
    static final int MAX_LOCATION_LENGTH = 100;

    private DirectoryChecks() {}

    static List<ImportProblem> check(List<DirectoryRow> rows, LocalDate today) {
        List<ImportProblem> problems = new ArrayList<>();
        for (DirectoryRow row : rows) {
            checkRow(row, today, problems);
        }
        repeated(rows, DirectoryRow::emailKey, "email", problems);
        repeated(rows, DirectoryRow::slackUserId, "slack_user_id", problems);
        repeated(rows, DirectoryRow::teamsUserId, "teams_user_id", problems);
        return problems;
    }

    private static void checkRow(DirectoryRow row, LocalDate today, List<ImportProblem> problems) {
        List<String> messages = new ArrayList<>();
        if (row.email().isEmpty()) {
            messages.add("email is empty");
        } else if (!DirectoryFormats.isEmail(row.email())) {
            messages.add("email \"%s\" is not a valid email address".formatted(row.email()));
        }
        if (row.name().isEmpty()) {
            messages.add("name is empty");
        }
        if (row.hasManager() && !DirectoryFormats.isEmail(row.managerEmail())) {
            messages.add("manager_email \"%s\" is not a valid email address".formatted(row.managerEmail()));
        }
        if (!row.timezone().isEmpty() && row.zone().isEmpty()) {
            messages.add(
                    "timezone \"%s\" is not a known IANA time zone (e.g. Europe/Berlin)".formatted(row.timezone()));
        }
        if (!row.role().isEmpty() && Role.parse(row.role()).isEmpty()) {
            messages.add("role \"%s\" must be employee, manager or hr_admin".formatted(row.role()));
        }
        checkPlatformIds(row, messages);
        checkLocation(row, messages);
        checkStartDate(row, today, messages);
        messages.forEach(message -> problems.add(new ImportProblem(row.line(), message)));
    }

    private static void checkPlatformIds(DirectoryRow row, List<String> messages) {
        String slack = row.slackUserId();
        if (!slack.isEmpty() && !DirectoryFormats.isSlackUserId(slack)) {
            messages.add(("slack_user_id \"%s\" must look like a Slack user id: U or W followed by upper-case"
                            + " letters and digits (e.g. U024BE7LH)")
                    .formatted(slack));
        }
        String teams = row.teamsUserId();
        if (!teams.isEmpty() && !DirectoryFormats.isGuid(teams) && !DirectoryFormats.isBotFrameworkUserId(teams)) {
            messages.add(("teams_user_id \"%s\" must be an AAD object id (a GUID such as"
                            + " 6f1c2e4a-3b5d-4e7f-9a1b-2c3d4e5f6a7b) or a Bot Framework user id starting with 29:")
                    .formatted(teams));
        }
    }

    private static void checkLocation(DirectoryRow row, List<String> messages) {
        String location = row.location();
        int length = location == null ? 0 : location.codePointCount(0, location.length());
        if (length > MAX_LOCATION_LENGTH) {
            messages.add(
                    "location is %d characters long; shorten it to at most %d".formatted(length, MAX_LOCATION_LENGTH));
        }
    }

    /** A start date more than a year ahead is a typo in the year, not a hire; tenure bands would count it as new. */
    private static void checkStartDate(DirectoryRow row, LocalDate today, List<String> messages) {
        String startDate = row.startDate();
        if (startDate == null || startDate.isEmpty()) {
            return;
        }
        Optional<LocalDate> date = DirectoryFormats.date(startDate);
        if (date.isEmpty()) {
            messages.add("start_date \"%s\" is not a date like 2024-03-18 (year-month-day)".formatted(startDate));
        } else if (date.get().isAfter(today.plusYears(1))) {
            messages.add("start_date %s is more than a year ahead; check the year".formatted(startDate));
        }
    }

    /** Every later occurrence is reported with the line of the first, so both lines are named. */
    private static void repeated(
            List<DirectoryRow> rows, Function<DirectoryRow, String> value, String column, List<ImportProblem> out) {
        Map<String, Integer> firstLine = new HashMap<>();
        for (DirectoryRow row : rows) {
            String text = value.apply(row);
            if (text.isEmpty()) {
                continue;
            }
            Integer first = firstLine.putIfAbsent(text, row.line());
            if (first != null) {
                String message = "%s %s is also on line %d".formatted(column, text, first);
                out.add(new ImportProblem(row.line(), message));
            }
        }
    }
}
