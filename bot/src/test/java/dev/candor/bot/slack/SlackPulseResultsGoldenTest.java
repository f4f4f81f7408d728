package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Message;
import dev.candor.bot.pulse.results.ResultsSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Survey results as Block Kit, compared with golden files as parsed trees; {@code -Dgolden.update=true} rewrites. */
class SlackPulseResultsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/slack");
    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<String> names() {
        return List.copyOf(ResultsSamples.messages().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Message message = ResultsSamples.messages().get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackRenderer.fallback(message));
        body.put("blocks", SlackRenderer.blocks(message));
        JsonNode actual = json.readTree(GsonFactory.createSnakeCase().toJson(body));

        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, json.writeValueAsString(actual) + "\n");
        }
        assertThat(actual).as(name).isEqualTo(json.readTree(file.toFile()));
    }
}
