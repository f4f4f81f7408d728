package dev.candor.bot;

import dev.candor.bot.people.DirectoryImport;
import dev.candor.bot.people.ImportRequest;
import dev.candor.bot.people.ImportResult;
import dev.candor.storage.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** {@code import-people FILE.csv [--slack-team T…] [--teams-tenant ID] [--org ID]}. */
final class ImportPeopleCli {
    private ImportPeopleCli() {}

    static int run(Config config, String[] args, PrintStream out, PrintStream err) {
        ImportRequest request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: import-people FILE.csv [--slack-team T0123] [--teams-tenant TENANT-ID] [--org ID]");
            return 2;
        }
        try (Database database = config.databaseUrl()
                .map(url -> Database.connect(url, 2))
                .orElseGet(() -> Database.embedded(config.dataDir(), 2))) {
            database.migrate();
            ImportResult result = new DirectoryImport(database.jdbi()).run(request);
            (result.succeeded() ? out : err).println(result.summary());
            return result.exitCode();
        }
    }

    static ImportRequest parse(String[] args) {
        List<String> files = new ArrayList<>();
        String slackTeam = null;
        String teamsTenant = null;
        OptionalLong org = OptionalLong.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--slack-team" -> slackTeam = value(args, ++i, "--slack-team");
                case "--teams-tenant" -> teamsTenant = value(args, ++i, "--teams-tenant");
                case "--org" -> org = OptionalLong.of(number(value(args, ++i, "--org")));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option " + args[i] + ".");
                    }
                    files.add(args[i]);
                }
            }
        }
        if (files.size() != 1) {
            throw new IllegalArgumentException("Give exactly one CSV file.");
        }
        return new ImportRequest(Path.of(files.get(0)), org, slackTeam, teamsTenant);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[index];
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--org needs a number (got '" + text + "').");
        }
    }
}
