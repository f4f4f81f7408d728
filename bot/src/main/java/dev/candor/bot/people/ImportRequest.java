package dev.candor.bot.people;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@code import-people FILE.csv [--slack-team T…] [--teams-tenant <guid>] [--org <id>]} asks for. The
 * organisation flags are optional: null or blank when not given.
 */
public record ImportRequest(Path file, OptionalLong orgId, String slackTeam, String teamsTenant) {

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        orgId = orgId == null ? OptionalLong.empty() : orgId;
        slackTeam = blankToNull(slackTeam);
        teamsTenant = blankToNull(teamsTenant);
    }

    /** An import into the only organisation there is. */
    public static ImportRequest of(Path file) {
        return new ImportRequest(file, OptionalLong.empty(), null, null);
    }

    boolean namesNoOrganisation() {
        return orgId.isEmpty() && slackTeam == null && teamsTenant == null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
