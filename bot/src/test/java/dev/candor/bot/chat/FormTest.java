package dev.candor.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormTest {

    @Test
    void aRatingOffersEveryNumberWithTheWordsAtItsEnds() {
        Form.RatingInput nps = new Form.RatingInput("nps", "Recommend us?", 0, 10, "No", "Yes", true, null, null);

        assertThat(nps.values()).hasSize(11).startsWith("0", "1").endsWith("10");
        assertThat(nps.endLabel("0")).isEqualTo("No");
        assertThat(nps.endLabel("5")).isNull();
        assertThat(nps.endLabel("10")).isEqualTo("Yes");
    }

    @Test
    void refusesARatingThatNoPlatformCanShowAsARow() {
        assertThatThrownBy(() -> new Form.RatingInput("r", "R", 1, 12, "a", "b", true, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 to 11 choices");
        assertThatThrownBy(() -> new Form.RatingInput("r", "R", 3, 3, "a", "b", true, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
