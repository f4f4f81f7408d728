package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Mention;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void readsEscapedMentionsWithAndWithoutNames() {
        SlackText text = SlackText.parse("<@U123|ana> <@W456> thanks", id -> id.equals("W456") ? "Li" : null);

        assertThat(text.text()).isEqualTo("@ana @Li thanks");
        assertThat(text.mentions()).containsExactly(new Mention("U123", "ana"), new Mention("W456", "Li"));
    }

    @Test
    void fallsBackToTheIdForUnknownPeople() {
        assertThat(SlackText.parse("<@U999> hi", id -> null).text()).isEqualTo("@U999 hi");
    }

    @Test
    void makesChannelsGroupsLinksAndEntitiesReadable() {
        SlackText text = SlackText.parse(
                "in <#C1|general> with <!subteam^S1|@design> &amp; <!here>: <https://x.test|docs> &lt;3", id -> null);

        assertThat(text.text()).isEqualTo("in #general with @design & @here: docs (https://x.test) <3");
        assertThat(text.mentions()).isEmpty();
        assertThat(text.channels()).containsExactly("C1");
    }

    @Test
    void keepsUserGroupsWhereTheyWereNamed() {
        SlackText text = SlackText.parse("<@U1|ana> <!subteam^S0DESIGN|@design> and <@U2|li> thanks", id -> null);

        assertThat(text.text()).isEqualTo("@ana @design and @li thanks");
        assertThat(text.groups()).containsExactly(new SlackText.Group("S0DESIGN", "@design", 1));
    }

    @Test
    void namesAGroupWithoutLabelByItsId() {
        SlackText text = SlackText.parse("<!subteam^S0OPS> thanks", id -> null);

        assertThat(text.groups()).containsExactly(new SlackText.Group("S0OPS", "@S0OPS", 0));
    }
}
