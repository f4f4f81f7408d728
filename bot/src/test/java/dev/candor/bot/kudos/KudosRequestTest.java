package dev.candor.bot.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

class KudosRequestTest {
    private static final Mention ANA = new Mention("U1", "Ana Lopez");
    private static final Mention LI = new Mention("U2", "Li");

    @Test
    void takesLeadingPeopleAsRecipientsAndTheRestAsTheMessage() {
        KudosRequest request =
                KudosRequest.parse("@Ana Lopez, @Li and thanks for the demo #Ownership", List.of(ANA, LI));

        assertThat(request.recipients()).containsExactly(ANA, LI);
        assertThat(request.message()).isEqualTo("thanks for the demo #Ownership");
        assertThat(request.values()).containsExactly("ownership");
    }

    @Test
    void keepsPeopleNamedInsideTheMessageAsRecipientsToo() {
        KudosRequest request = KudosRequest.parse("@Li thanks for helping @Ana Lopez ship", List.of(LI, ANA));

        assertThat(request.recipients()).containsExactly(LI, ANA);
        assertThat(request.message()).isEqualTo("thanks for helping @Ana Lopez ship");
    }

    @Test
    void countsEachPersonOnceAndEachValueOnce() {
        KudosRequest request = KudosRequest.parse("@Li @Li great #craft #Craft #team-work", List.of(LI, LI));

        assertThat(request.recipients()).containsExactly(LI);
        assertThat(request.values()).containsExactly("craft", "team-work");
    }

    @Test
    void ignoresHashesThatAreNotTags() {
        KudosRequest request = KudosRequest.parse("@Li fixed issue&#35;12 and C# build", List.of(LI));

        assertThat(request.values()).isEmpty();
    }

    @Test
    void hasAnEmptyMessageWhenOnlyPeopleAreNamed() {
        assertThat(KudosRequest.parse("@Li", List.of(LI)).message()).isEmpty();
    }
}
