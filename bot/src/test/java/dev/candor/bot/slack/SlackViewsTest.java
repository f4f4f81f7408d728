package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Text;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackViewsTest {

    @Test
    void keepsModalsWithinSlacksLimitsAndTheInputsWhole() {
        List<Block> intro = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            intro.add(new Block.Section(Text.of("line " + i)));
        }
        Form form = new Form(
                "demo.long",
                "A title far longer than Slack allows",
                "Submit this rather long label",
                intro,
                List.of(new Form.TextInput("note", "Note", "p".repeat(200), true, false, "", 10_000)),
                "");

        View view = SlackViews.modal(form, new SlackOrigin(null, null, null));

        assertThat(view.getTitle().getText()).hasSize(SlackViews.MAX_TITLE).endsWith("…");
        assertThat(view.getSubmit().getText()).hasSize(SlackViews.MAX_TITLE);
        assertThat(view.getBlocks()).hasSize(SlackViews.MAX_VIEW_BLOCKS);
        LayoutBlock last = view.getBlocks().get(SlackViews.MAX_VIEW_BLOCKS - 1);
        assertThat(last).isInstanceOf(InputBlock.class);
        InputBlock note = (InputBlock) last;
        assertThat(note.isOptional()).isTrue();
        PlainTextInputElement element = (PlainTextInputElement) note.getElement();
        assertThat(element.getMaxLength()).isEqualTo(SlackFormInputs.MAX_TEXT_INPUT);
        assertThat(element.getPlaceholder().getText()).hasSize(SlackFormInputs.MAX_PLACEHOLDER);
        assertThat(element.getInitialValue()).isNull();
    }

    @Test
    void leavesOutAChoiceWithNothingToChoose() {
        Form form = new Form(
                "demo.empty",
                "Empty",
                "Save",
                List.of(),
                List.of(new Form.ChoiceInput("values", "Values", List.of(), true, false, List.of())),
                "");

        assertThat(SlackViews.modal(form, new SlackOrigin(null, null, null)).getBlocks())
                .isEmpty();
    }
}
