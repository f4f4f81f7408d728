package dev.candor.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    @Test
    void writesNoNulEscapeForJsonbAndNoLoneSurrogate() {
        String json = MessageJson.write(Message.of("thanks\u0000 for \uD83D the 👋🏽 review"));

        assertThat(json).doesNotContain("\\u0000").doesNotContain("\u0000");
        assertThat(MessageJson.read(json).fallbackText()).isEqualTo("thanks for \uFFFD the 👋🏽 review");
    }

    /** An image waits in the outbox like any other block, and is sent as it was queued. */
    @Test
    void keepsAnImageBlockThroughTheOutbox() {
        Message chart = new Message(
                "Your team's mood",
                List.of(new Block.Image("https://candor.example.com/charts/3f9a.png", "Mood: 3, then 4")));

        assertThat(MessageJson.read(MessageJson.write(chart))).isEqualTo(chart);
    }

    @Test
    void refusesAPayloadThatIsNoMessageWithoutQuotingIt() {
        assertThatThrownBy(() -> MessageJson.read("\"ZQX thanks for the review\""))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ZQX"))
                .hasNoCause();
    }
}
