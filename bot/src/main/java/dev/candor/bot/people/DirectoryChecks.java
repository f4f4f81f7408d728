package dev.candor.bot.people;

import dev.candor.storage.people.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks that need nothing but the file: each cell's shape, and values that must not repeat. */
final class DirectoryChecks {
    private DirectoryChecks() {}

    static List<ImportProblem> check(List<DirectoryRow> rows) {
        List<ImportProblem> problems = new ArrayList<>();
        for (DirectoryRow row : rows) {
            checkRow(row, problems);
        }
        repeated(rows, DirectoryRow::emailKey, "email", problems);
        repeated(rows, DirectoryRow::slackUserId, "slack_user_id", problems);
        repeated(rows, DirectoryRow::teamsUserId, "teams_user_id", problems);
        return problems;
    }

    private static void checkRow(DirectoryRow row, List<ImportProblem> problems) {
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
