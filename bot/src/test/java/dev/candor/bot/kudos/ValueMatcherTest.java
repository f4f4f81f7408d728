package dev.candor.bot.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.kudos.CompanyValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueMatcherTest {
    private static final ValueMatcher VALUES = new ValueMatcher(List.of(
            new CompanyValue(1, 1, "ownership", "Ownership", "💪", null),
            new CompanyValue(2, 1, "craft", "Craft", null, null),
            new CompanyValue(3, 1, "customer-first", "Customer first", null, null)));

    @Test
    void matchesTagsWhateverTheirCase() {
        assertThat(VALUES.match(List.of("Ownership", "CRAFT")).matched()).containsExactly("ownership", "craft");
    }

    @Test
    void suggestsTheClosestValueForATypo() {
        ValueMatcher.Result result = VALUES.match(List.of("ownrship", "customer", "teamwork"));

        assertThat(result.unknown())
                .containsExactly(
                        new ValueMatcher.Unknown("ownrship", Optional.of("ownership")),
                        new ValueMatcher.Unknown("customer", Optional.of("customer-first")),
                        new ValueMatcher.Unknown("teamwork", Optional.empty()));
    }

    @Test
    void acceptsAnyTagWhenTheOrganisationHasNoValues() {
        ValueMatcher none = new ValueMatcher(List.of());

        assertThat(none.match(List.of("anything")).matched()).containsExactly("anything");
        assertThat(none.match(List.of("anything")).unknown()).isEmpty();
    }
}
