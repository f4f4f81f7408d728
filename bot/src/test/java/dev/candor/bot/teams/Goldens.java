package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adaptive Cards compared with golden files as parsed trees. The goldens are also checked by the Adaptive Cards
 * parser ({@code ../shared/tools/validate-chat-json auto .}). Run with {@code -Dgolden.update=true} to rewrite them
 * after an intended change, then review the diff.
 */
final class Goldens {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/teams");
    private static final ObjectMapper mapper = new ObjectMapper();

    private Goldens() {}

    static void assertMatches(String name, JsonNode card) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, pretty(card), StandardCharsets.UTF_8);
        }
        assertThat(card).as(name).isEqualTo(mapper.readTree(file.toFile()));
    }

    /** Two-space indents and {@code "key": value}, like the rest of the repository's JSON. */
    private static String pretty(JsonNode card) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return mapper.writer(printer).writeValueAsString(card) + "\n";
    }
}
