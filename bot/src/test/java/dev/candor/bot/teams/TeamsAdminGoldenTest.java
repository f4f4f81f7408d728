package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.admin.AdminGoldenMessages;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Adaptive Cards of {@code @Candor admin}'s answers, compared with golden files as parsed trees (and checked by
 * the Adaptive Cards parser in {@code ../shared/tools/validate-chat-json}). Run with {@code -Dgolden.update=true} to
 * rewrite them.
 */
class TeamsAdminGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/teams");
    private static final ObjectMapper mapper = new ObjectMapper();
    private static Map<String, Message> messages;

    @BeforeAll
    static void produce() {
        messages = AdminGoldenMessages.of(Platform.TEAMS);
    }

    static List<String> names() {
        return List.of(
                "admin-refused",
                "admin-changed",
                "admin-value-removed",
                "admin-values",
                "admin-overview",
                "admin-usage",
                "admin-unknown",
                "admin-audit");
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        JsonNode card = TeamsRenderer.card(messages.get(name));
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, pretty(card), StandardCharsets.UTF_8);
        }

        assertThat(card).as(name).isEqualTo(mapper.readTree(file.toFile()));
    }

    /** Two-space indents and {@code "key": value}, like the other golden cards. */
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
