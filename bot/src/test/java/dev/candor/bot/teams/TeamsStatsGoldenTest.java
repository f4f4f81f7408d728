package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.chat.Message;
import dev.candor.bot.kudos.stats.StatsSamples;
import dev.candor.storage.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adaptive Cards of the leaderboard, {@code kudos me} and the home view, compared with golden files as parsed trees
 * (the same way as {@link TeamsRendererTest}); {@code -Dgolden.update=true} rewrites them.
 */
class TeamsStatsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/teams");
    private static final ObjectMapper mapper = new ObjectMapper();

    static List<String> names() {
        return List.copyOf(StatsSamples.messages(Platform.TEAMS).keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws IOException {
        assertMatchesGolden(name, StatsSamples.messages(Platform.TEAMS).get(name));
    }

    @Test
    void rendersTheHomeViewAsTheGoldenFile() throws IOException {
        assertMatchesGolden("kudos-home", StatsSamples.home(Platform.TEAMS));
    }

    private static void assertMatchesGolden(String name, Message message) throws IOException {
        JsonNode card = TeamsRenderer.card(message);
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, pretty(card), StandardCharsets.UTF_8);
        }
        assertThat(card).as(name).isEqualTo(mapper.readTree(file.toFile()));
    }

    /** Two-space indents and {@code "key": value}, like the other golden files. */
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
