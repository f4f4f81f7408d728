package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden Block Kit files, compared as parsed trees. {@code -Dgolden.update=true} rewrites them after an intended
 * change (review the diff); {@code ../shared/tools/validate-chat-json} checks them against Slack's own types.
 */
final class Golden {
    static final Path DIRECTORY = Path.of("src/test/resources/golden/slack");
    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Golden() {}

    static void assertMatches(String name, JsonNode actual) throws IOException {
        Path file = DIRECTORY.resolve(name + ".json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, json.writeValueAsString(actual) + "\n");
        }
        assertThat(actual).as(file.toString()).isEqualTo(json.readTree(file.toFile()));
    }

    static JsonNode parse(String text) throws IOException {
        return json.readTree(text);
    }

    /**
     * A modal as a golden file keeps it: without its private metadata, which holds ids and the fake Slack's response
     * URL (its port) that differ from run to run.
     */
    static JsonNode withoutMetadata(JsonNode view) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = view.deepCopy();
        copy.remove("private_metadata");
        return copy;
    }
}
