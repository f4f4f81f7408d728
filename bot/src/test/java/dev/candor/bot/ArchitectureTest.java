package dev.candor.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of ARCHITECTURE.md §1 that the compiler cannot check, as a plain import scan over every module's main
 * sources: only the platform adapters and the composition root know Slack's and Microsoft's SDKs, and no file uses
 * wildcard imports.
 */
class ArchitectureTest {
    /** Surefire runs in the module directory (bot/); the modules are its siblings. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static final Set<String> COMPOSITION_ROOT =
            Set.of("dev/candor/bot/Candor.java", "dev/candor/bot/Main.java");
    private static final Pattern WILDCARD = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+\\.\\*\\s*;");

    @Test
    void onlyTheSlackAdapterKnowsSlacksSdk() throws IOException {
        assertThat(usersOf("com.slack.api", "dev/candor/bot/slack/")).isEmpty();
    }

    @Test
    void onlyTheTeamsAdapterKnowsMicrosoftsSdk() throws IOException {
        assertThat(usersOf("com.microsoft.bot", "dev/candor/bot/teams/")).isEmpty();
    }

    @Test
    void noFileUsesWildcardImports() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (WILDCARD.matcher(lines.get(i)).find()) {
                    violations.add(REPOSITORY.relativize(file) + ":" + (i + 1) + " "
                            + lines.get(i).strip());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Files outside {@code allowedPackage} and the composition root that import or name {@code sdk}. */
    private static List<String> usersOf(String sdk, String allowedPackage) throws IOException {
        Pattern reference = Pattern.compile("\\b" + Pattern.quote(sdk) + "\\.");
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            String relative = packagePath(file);
            if (relative.startsWith(allowedPackage) || COMPOSITION_ROOT.contains(relative)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String code = withoutComment(lines.get(i));
                if (reference.matcher(code).find()) {
                    violations.add(relative + ":" + (i + 1) + " " + code.strip());
                }
            }
        }
        return violations;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            // The benchmark drives Bolt directly for its bare-Bolt baseline; it is a harness, not part of Candor.
            for (Path main : modules.filter(
                            module -> !module.getFileName().toString().equals("bench"))
                    .map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        // A scan that finds nothing proves nothing: make sure it looked at the real tree.
        assertThat(sources)
                .as("main sources under " + REPOSITORY)
                .anySatisfy(file -> assertThat(packagePath(file)).isEqualTo("dev/candor/bot/Candor.java"))
                .anySatisfy(file -> assertThat(packagePath(file)).startsWith("dev/candor/storage/"));
        return sources;
    }

    /** {@code dev/candor/bot/teams/TeamsBot.java} for {@code …/bot/src/main/java/dev/candor/bot/teams/TeamsBot.java}. */
    private static String packagePath(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.substring(path.indexOf("/src/main/java/") + "/src/main/java/".length());
    }

    private static String withoutComment(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("*") || stripped.startsWith("/*")) {
            return "";
        }
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }
}
