package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.candor.bot.chat.Message;
import dev.candor.bot.kudos.stats.StatsSamples;
import dev.candor.storage.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Block Kit of the leaderboard, {@code /kudos me} and the App Home, compared with golden files as parsed trees (the
 * same way as {@link SlackGoldenTest}); {@code -Dgolden.update=true} rewrites them.
 */
class SlackStatsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/slack");
    private static final Gson gson = GsonFactory.createSnakeCase();
    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<String> names() {
        return List.copyOf(StatsSamples.messages(Platform.SLACK).keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Message message = StatsSamples.messages(Platform.SLACK).get(name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", SlackRenderer.fallback(message));
        body.put("blocks", SlackRenderer.blocks(message));

        assertMatchesGolden(name, body);
    }

    /** The App Home as {@code views.publish} takes it: a view of type home. */
    @Test
    void rendersTheHomeViewAsTheGoldenFile() throws Exception {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", "home");
        view.put("blocks", SlackRenderer.blocks(StatsSamples.home(Platform.SLACK)));

        assertMatchesGolden("kudos-home", view);
    }

    private static void assertMatchesGolden(String name, Map<String, Object> body) throws Exception {
        JsonNode actual = json.readTree(gson.toJson(body));
        Path file = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, json.writeValueAsString(actual) + "\n");
        }
        assertThat(actual).as(name).isEqualTo(json.readTree(file.toFile()));
    }
}
