package dev.candor.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.bot.chat.Message;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    @Test
    void writesNoNulEscapeForJsonbAndNoLoneSurrogate() {
        String json = MessageJson.write(Message.of("thanks\u0000 for \uD83D the 👋🏽 review"));

        assertThat(json).doesNotContain("\\u0000").doesNotContain("\u0000");
        assertThat(MessageJson.read(json).fallbackText()).isEqualTo("thanks for \uFFFD the 👋🏽 review");
    }

    @Test
    void refusesAPayloadThatIsNoMessageWithoutQuotingIt() {
        assertThatThrownBy(() -> MessageJson.read("\"ZQX thanks for the review\""))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ZQX"))
                .hasNoCause();
    }
}
