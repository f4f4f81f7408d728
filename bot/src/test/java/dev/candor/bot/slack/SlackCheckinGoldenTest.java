package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Message;
import dev.candor.bot.checkin.CheckinSamples;
import dev.candor.storage.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check-in messages after a round (digests, team view, history, reply confirmation, reminder) as Block Kit, compared with golden files as parsed trees (and
 * checked by {@code ../shared/tools/validate-chat-json}). {@code -Dgolden.update=true} rewrites them.
 */
class SlackCheckinGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/slack");
    private static final Gson gson = GsonFactory.createSnakeCase();
    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<String> names() {
        return List.copyOf(CheckinSamples.messages(Platform.SLACK).keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Message message = CheckinSamples.messages(Platform.SLACK).get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackRenderer.fallback(message));
        body.put("blocks", SlackRenderer.blocks(message));
        JsonNode actual = json.readTree(gson.toJson(body));
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, json.writeValueAsString(actual) + "\n");
        }

        assertThat(actual).isEqualTo(json.readTree(file.toFile()));
    }
}
