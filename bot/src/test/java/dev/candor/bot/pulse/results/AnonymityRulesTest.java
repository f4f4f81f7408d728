package dev.candor.bot.pulse.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.pulse.results.CellCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AnonymityRulesTest {
    private final AnonymityRules rules = new AnonymityRules(5);

    @Test
    void neverGoesBelowThree() {
        assertThat(new AnonymityRules(1).minGroup()).isEqualTo(3);
        assertThat(new AnonymityRules(1).shows(2)).isFalse();
    }

    @Test
    void showsNothingOfARoundUnderTheMinimum() {
        List<CellCount> cells = List.of(cell("Sales", null, null, null, 4));

        assertThat(rules.shows(4)).isFalse();
        assertThat(rules.visibleGroups(cells)).isEmpty();
    }

    @Test
    void hidesASmallGroupAndTheSmallestOtherOneSoThatTheRestCanNotBeSubtracted() {
        List<CellCount> cells = List.of(
                cell("Sales", null, null, null, 10),
                cell("Support", null, null, null, 7),
                cell("Legal", null, null, null, 2));

        // Legal (2) is hidden; showing Sales and Support would leave 2 for "round minus both": Support goes too
        assertThat(rules.visibleGroups(cells)).containsExactly(new Group(Breakdown.DEPARTMENT, "Sales"));
    }

    @Test
    void hidesAGroupWhoseComplementIsUnderTheMinimum() {
        List<CellCount> cells = List.of(cell("Sales", null, null, null, 20), cell(null, null, null, null, 3));

        assertThat(rules.visibleGroups(cells)).isEmpty();
    }

    @Test
    void hidesOneOfTwoGroupsOfDifferentBreakdownsThatDifferByFewerThanTheMinimum() {
        // every Berlin answer is from Sales, and Sales has 2 more: Sales minus Berlin would show those 2
        List<CellCount> cells = List.of(
                cell("Sales", null, null, "Berlin", 8),
                cell("Sales", null, null, "Paris", 2),
                cell("Support", null, null, "Paris", 9),
                cell("Product", null, null, "Lisbon", 8));

        Set<Group> visible = rules.visibleGroups(cells);

        assertThat(visible).doesNotContain(new Group(Breakdown.LOCATION, "Berlin"));
        assertThat(visible).contains(new Group(Breakdown.DEPARTMENT, "Sales"));
        assertThat(differenceAttack(cells, visible)).isEmpty();
    }

    /**
     * The difference attack over a realistic organisation: every two outputs that someone sees (the whole round and
     * every shown group of every breakdown) subtracted from each other; none may isolate 1 to k-1 answers.
     */
    @Test
    void noDifferenceOfTwoShownOutputsIsolatesFewerThanTheMinimum() {
        List<CellCount> cells = new ArrayList<>();
        String[] departments = {"Sales", "Support", "Product", "Legal", "Finance"};
        String[] tenures = {"<1y", "1-2y", "2-5y", "5y+"};
        String[] locations = {"Berlin", "Paris"};
        int seed = 7;
        for (String department : departments) {
            for (String tenure : tenures) {
                for (String location : locations) {
                    seed = (seed * 31 + 11) % 97;
                    cells.add(cell(department, Integer.toString(seed % 4), tenure, location, seed % 9));
                }
            }
        }

        Set<Group> visible = rules.visibleGroups(cells);

        assertThat(visible).isNotEmpty();
        assertThat(differenceAttack(cells, visible)).isEmpty();
    }

    @Test
    void aManagerSeesTheirOrganisationOnlyWhenNoShownGroupDiffersFromItByFewerThanTheMinimum() {
        List<CellCount> cells = List.of(
                cell("Sales", "12", null, null, 6),
                cell("Sales", "13", null, null, 2),
                cell("Support", "14", null, null, 9));

        // Sales (8) is shown; the organisation of manager 12 (6 answers) is Sales minus 2 people
        assertThat(rules.showsPart(cells, cell -> "12".equals(cell.manager()))).isFalse();
        assertThat(rules.showsPart(cells, cell -> "14".equals(cell.manager()))).isTrue();
        assertThat(rules.showsPart(cells, cell -> "13".equals(cell.manager()))).isFalse();
    }

    /** Pairs of outputs (the round, shown groups) whose difference holds 1 to k-1 answers, as "A − B = n". */
    private List<String> differenceAttack(List<CellCount> cells, Set<Group> visible) {
        List<Predicate<CellCount>> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        outputs.add(cell -> true);
        names.add("round");
        for (Group group : visible) {
            outputs.add(group::contains);
            names.add(group.name());
        }
        List<String> found = new ArrayList<>();
        for (int one = 0; one < outputs.size(); one++) {
            for (int other = 0; other < outputs.size(); other++) {
                Predicate<CellCount> difference =
                        outputs.get(one).and(outputs.get(other).negate());
                int isolated = cells.stream()
                        .filter(difference)
                        .mapToInt(CellCount::answers)
                        .sum();
                boolean nested = cells.stream()
                                .filter(outputs.get(other).and(outputs.get(one).negate()))
                                .mapToInt(CellCount::answers)
                                .sum()
                        == 0;
                if (nested && isolated > 0 && isolated < rules.minGroup()) {
                    found.add(names.get(one) + " − " + names.get(other) + " = " + isolated);
                }
            }
        }
        for (Breakdown breakdown : Breakdown.values()) {
            int shown = visible.stream()
                    .filter(group -> group.breakdown() == breakdown)
                    .mapToInt(group -> cells.stream()
                            .filter(group::contains)
                            .mapToInt(CellCount::answers)
                            .sum())
                    .sum();
            int rest = cells.stream().mapToInt(CellCount::answers).sum() - shown;
            if (shown > 0 && rest > 0 && rest < rules.minGroup()) {
                found.add("round − every shown " + breakdown.key() + " = " + rest);
            }
        }
        return found;
    }

    private static CellCount cell(String department, String manager, String tenure, String location, int answers) {
        return new CellCount(department, manager, tenure, location, answers);
    }
}
