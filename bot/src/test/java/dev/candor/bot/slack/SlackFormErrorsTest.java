package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Form;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackFormErrorsTest {
    private static final Form FORM = new Form(
            "demo.edit",
            "Edit",
            "Save",
            List.of(),
            List.of(
                    new Form.PeopleInput("people", "Who", 3, true, List.of()),
                    new Form.TextInput("message", "What", null, true, true, null, 100)),
            "");

    @Test
    void keepsErrorsOnTheInputsTheyNameAndPutsTheRestOnTheFirstInput() {
        var view = SlackViews.modal(FORM, new SlackOrigin(null, null, null));

        Map<String, String> placed = SlackFormErrors.onBlocks(
                Map.of("message", "Too short.", "values", "Unknown value.", "people", "Nobody chosen."), view);

        assertThat(placed)
                .containsOnly(Map.entry("message", "Too short."), Map.entry("people", "Nobody chosen. Unknown value."));
    }
}
