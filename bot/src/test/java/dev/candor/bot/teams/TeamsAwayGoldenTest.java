package dev.candor.bot.teams;

import dev.candor.bot.chat.Message;
import dev.candor.bot.people.away.AwayGoldenMessages;
import dev.candor.storage.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Adaptive Cards of {@code @Candor away}'s answers, compared with golden files ({@code -Dgolden.update=true}). */
class TeamsAwayGoldenTest {
    private static Map<String, Message> messages;

    @BeforeAll
    static void produce() {
        messages = AwayGoldenMessages.of(Platform.TEAMS);
    }

    static List<String> names() {
        return List.of("away-not-away", "away-set", "away-status", "away-back", "away-usage");
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersAsTheGoldenFile(String name) throws Exception {
        Goldens.assertMatches(name + ".json", TeamsRenderer.card(messages.get(name)));
    }
}
