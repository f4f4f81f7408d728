package dev.candor.bot.goal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GoalLineTest {

    @Test
    void readsTheDueDayAndTheRangeInEitherOrder() {
        GoalLine.Added one = GoalLine.add("Ship the billing migration by 2027-03-31 from 0 to 120 customers");
        GoalLine.Added other = GoalLine.add("Ship the billing migration from 0 to 120 customers by 2027-03-31");

        for (GoalLine.Added added : new GoalLine.Added[] {one, other}) {
            assertThat(added.problem()).isNull();
            assertThat(added.title()).isEqualTo("Ship the billing migration");
            assertThat(added.due()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(added.measure()).isEqualTo(GoalMeasure.NUMBER);
            assertThat(added.to()).isEqualByComparingTo("120");
            assertThat(added.unit()).isEqualTo("customers");
        }
    }

    @Test
    void aTitleAloneIsAPercentGoalWithoutADueDay() {
        GoalLine.Added added = GoalLine.add("Write the onboarding guide");

        assertThat(added.measure()).isEqualTo(GoalMeasure.PERCENT);
        assertThat(added.due()).isNull();
        assertThat(added.title()).isEqualTo("Write the onboarding guide");
    }

    @Test
    void saysWhatToFixInADateATitleOrARange() {
        assertThat(GoalLine.add("Ship it by 31/03/2027").problem()).contains("year-month-day");
        assertThat(GoalLine.add("by 2027-03-31").problem()).contains("Say what the goal is");
        assertThat(GoalLine.add("Grow from 3 to 3 teams").problem()).contains("both 3");
    }

    @Test
    void readsTheWordsTheValueTheStatusAndTheComment() {
        GoalLine.Updated updated = GoalLine.update("billing 60% at risk waiting on finance");

        assertThat(updated.words()).containsExactly("billing");
        assertThat(updated.value()).isEqualByComparingTo("60");
        assertThat(updated.percent()).isTrue();
        assertThat(updated.status()).isEqualTo(GoalStatus.AT_RISK);
        assertThat(updated.comment()).isEqualTo("waiting on finance");
    }

    @Test
    void aStatusWithoutAValueAndDoneAloneAreUpdatesToo() {
        GoalLine.Updated late = GoalLine.update("billing migration off-track vendor late");
        assertThat(late.words()).containsExactly("billing", "migration");
        assertThat(late.value()).isNull();
        assertThat(late.status()).isEqualTo(GoalStatus.OFF_TRACK);
        assertThat(late.comment()).isEqualTo("vendor late");

        GoalLine.Updated done = GoalLine.update("docs done");
        assertThat(done.status()).isEqualTo(GoalStatus.DONE);
        assertThat(done.comment()).isNull();

        assertThat(GoalLine.update("billing").problem()).isNotNull();
        assertThat(GoalLine.update("60%").problem())
                .as("no words to find the goal by")
                .isNotNull();
    }
}
