package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.checkin.CheckinSamples;
import dev.candor.storage.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check-in messages after a round (digests, team view, history, reply confirmation, reminder) as Adaptive Cards, compared with golden files as parsed trees
 * (and checked by the Adaptive Cards parser in {@code ../shared/tools/validate-chat-json}).
 * {@code -Dgolden.update=true} rewrites them.
 */
class TeamsCheckinGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/teams");
    private static final ObjectMapper mapper = new ObjectMapper();

    static List<String> names() {
        return List.copyOf(CheckinSamples.messages(Platform.TEAMS).keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        JsonNode card =
                TeamsRenderer.card(CheckinSamples.messages(Platform.TEAMS).get(name));
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, pretty(card), StandardCharsets.UTF_8);
        }

        assertThat(card).isEqualTo(mapper.readTree(file.toFile()));
    }

    /** Two-space indents and {@code "key": value}, like the other Adaptive Card goldens. */
    private static String pretty(JsonNode card) throws Exception {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return mapper.writer(printer).writeValueAsString(card) + "\n";
    }
}
