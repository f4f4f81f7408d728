package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.ask.AskSamples;
import dev.candor.bot.chat.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ask's DMs and its form (with a previous answer) as Adaptive Cards, against golden files. */
class TeamsAskGoldenTest {

    static List<String> names() {
        return List.copyOf(AskSamples.messages().keySet());
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersTheDmAsTheGoldenFile(String name) throws Exception {
        Goldens.assertMatches(
                name + ".json", TeamsRenderer.card(AskSamples.messages().get(name)));
    }

    @Test
    void rendersTheFormInThePersonalChatFilledWithThePreviousAnswer() throws Exception {
        ObjectNode card = TeamsFormCard.card(
                TeamsFormCard.Draft.of(AskSamples.form()),
                TeamsFormCard.Surface.PERSONAL_CHAT,
                new TeamsFormCard.People(new Mention("29:ana", "Ana"), person -> null));

        Goldens.assertMatches("ask-form-prefilled.json", Cards.json(card.toString()));
    }
}
