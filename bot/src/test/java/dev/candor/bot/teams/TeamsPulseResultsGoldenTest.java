package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.candor.bot.pulse.results.ResultsSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Survey results as Adaptive Cards, compared with golden files as parsed trees; {@code -Dgolden.update=true}. */
class TeamsPulseResultsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/teams");
    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<String> names() {
        return List.copyOf(ResultsSamples.messages().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        JsonNode card = TeamsRenderer.card(ResultsSamples.messages().get(name));

        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, json.writeValueAsString(card) + "\n");
        }
        assertThat(card).as(name).isEqualTo(json.readTree(file.toFile()));
    }
}
