package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Mention;
import dev.candor.bot.teams.TeamsText.MentionEntity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsTextTest {
    private static final String BOT = "28:candor";
    private static final MentionEntity CANDOR = new MentionEntity(BOT, "Candor", "<at>Candor</at>");
    private static final MentionEntity ANA = new MentionEntity("29:ana", "Ana Lopez", "<at>Ana Lopez</at>");
    private static final MentionEntity LI = new MentionEntity("29:li", "Li", "<at>Li</at>");

    @Test
    void dropsCandorsOwnMentionAndTurnsOthersIntoPeople() {
        TeamsText text = TeamsText.parse(
                "<at>Candor</at> kudos <at>Li</at> and <at>Ana Lopez</at> thanks", List.of(ANA, CANDOR, LI), BOT);

        assertThat(text.text()).isEqualTo("kudos @Li and @Ana Lopez thanks");
        assertThat(text.mentions()).containsExactly(new Mention("29:li", "Li"), new Mention("29:ana", "Ana Lopez"));
    }

    @Test
    void namesEachPersonOnceHoweverOftenTheyAreMentioned() {
        TeamsText text = TeamsText.parse("kudos <at>Li</at> <at>Li</at>", List.of(LI, LI), BOT);

        assertThat(text.text()).isEqualTo("kudos @Li @Li");
        assertThat(text.mentions()).containsExactly(new Mention("29:li", "Li"));
    }

    @Test
    void findsMentionsWithoutMarkupByTheirName() {
        TeamsText text = TeamsText.parse("kudos <at>Li</at>", List.of(new MentionEntity("29:li", "Li", null)), BOT);

        assertThat(text.text()).isEqualTo("kudos @Li");
    }

    @Test
    void readsHtmlAsThePlainTextAPersonSees() {
        TeamsText text = TeamsText.parse(
                "<div><p><at>Candor</at>&nbsp;kudos&nbsp;<at>Ana Lopez</at></p><p>for R&amp;D&#39;s <b>build</b></p>"
                        + "<br/>&lt;b&gt;not a tag&lt;/b&gt; &#x1F389; &copy;</div>",
                List.of(CANDOR, ANA),
                BOT);

        assertThat(text.text()).isEqualTo("kudos @Ana Lopez\nfor R&D's build\n<b>not a tag</b> 🎉 &copy;");
    }

    @Test
    void treatsNoTextAsNothingToSay() {
        assertThat(TeamsText.parse(null, List.of(), BOT).text()).isEmpty();
        assertThat(TeamsText.parse("<at>Candor</at>", List.of(CANDOR), BOT).text())
                .isEmpty();
    }
}
