package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.EveryInput;
import dev.candor.bot.chat.Form;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The form a Teams card carries in its submit data comes back as it was drawn, for every kind of input. */
class TeamsFormJsonTest {

    @Test
    void readsBackEveryKindOfInput() {
        Form form = EveryInput.form();

        Form read = TeamsFormJson.read(Cards.json(TeamsFormJson.write(form).toString()))
                .orElseThrow();

        assertThat(read.inputs()).hasSameSizeAs(form.inputs());
        for (int i = 0; i < form.inputs().size(); i++) {
            Form.Input drawn = form.inputs().get(i);
            Form.Input back = read.inputs().get(i);
            assertThat(back.getClass()).isEqualTo(drawn.getClass());
            assertThat(back.id()).isEqualTo(drawn.id());
            assertThat(back.help()).isEqualTo(drawn.help());
            assertThat(back.required()).isEqualTo(drawn.required());
        }
        assertThat(read.inputs().get(1)).isEqualTo(form.inputs().get(1));
        Form.NumberInput hours = (Form.NumberInput) read.inputs().get(3);
        assertThat(hours.max()).isEqualByComparingTo(new BigDecimal("80"));
        assertThat(hours.decimals()).isEqualTo(1);
    }

    /** Cards sent before inputs had help text are still in people's chats; their forms must still submit. */
    @Test
    void readsAFormWrittenBeforeInputsHadHelp() {
        String old =
                """
                {"formId":"kudos.give","title":"Give kudos","submitLabel":"Send kudos","intro":[],"inputs":[
                 {"input":"people","id":"people","label":"Who?","max":10,"required":true,"initial":[]},
                 {"input":"text","id":"message","label":"What?","placeholder":"Thanks for…","multiline":true,
                  "required":true,"initial":null,"maxLength":1000}],"context":""}""";

        Form read = TeamsFormJson.read(Cards.json(old)).orElseThrow();

        assertThat(read.inputs()).extracting(Form.Input::id).containsExactly("people", "message");
        assertThat(read.inputs()).allSatisfy(input -> assertThat(input.help()).isNull());
    }
}
