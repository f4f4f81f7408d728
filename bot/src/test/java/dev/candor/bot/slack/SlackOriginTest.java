package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.bot.chat.ConversationRef;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import org.junit.jupiter.api.Test;

class SlackOriginTest {
    private static final ConversationRef SECRET =
            new ConversationRef(Platform.SLACK, "C0SECRET", ConversationKind.PRIVATE_CHANNEL, "1700000000.000100");

    @Test
    void comesBackAsItWasSent() {
        SlackOrigin origin = new SlackOrigin(SECRET, "1700.1|https://x.test/p1", "https://hooks.slack.com/commands/1");

        assertThat(SlackOrigin.decode(origin.encode())).isEqualTo(origin);
    }

    @Test
    void dropsTheReplyUrlRatherThanTheContextWhenSlacksLimitIsNear() {
        String context = "x".repeat(2850);
        SlackOrigin origin = new SlackOrigin(SECRET, context, "https://hooks.slack.com/commands/" + "y".repeat(200));

        String metadata = origin.encode();

        assertThat(metadata.length()).isLessThanOrEqualTo(SlackOrigin.MAX_METADATA);
        assertThat(SlackOrigin.decode(metadata)).isEqualTo(new SlackOrigin(SECRET, context, null));
    }

    @Test
    void refusesAContextThatCannotFit() {
        SlackOrigin origin = new SlackOrigin(SECRET, "x".repeat(3000), null);

        assertThatThrownBy(origin::encode).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsMetadataItDidNotWriteAsNoOriginAtAll() {
        SlackOrigin foreign = SlackOrigin.decode("not json {");

        assertThat(foreign).isEqualTo(new SlackOrigin(null, null, null));
        assertThat(foreign.whereOr("U0GIL"))
                .isEqualTo(new ConversationRef(Platform.SLACK, "U0GIL", ConversationKind.DM, null));
    }
}
