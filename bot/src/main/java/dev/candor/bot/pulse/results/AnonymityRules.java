package dev.candor.bot.pulse.results;

import dev.candor.storage.pulse.results.CellCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that decides what of a round may be shown, to anyone, HR included, in every output (results,
 * breakdowns, comments, share, export, a manager's view). With the survey's minimum group size k:
 *
 * <ul>
 *   <li>nothing of a round (or a manager's organisation) with fewer than k answers;
 *   <li>no group with fewer than k answers;
 *   <li>no group whose complement, the rest of the round, has 1 to k-1 answers: the round minus the group would
 *       show them;
 *   <li>no breakdown whose hidden groups (with the answers that have no group) add up to 1 to k-1: the round minus
 *       the shown groups would show them, so the smallest shown groups are hidden with them;
 *   <li>no two shown groups of different breakdowns (or a manager's organisation and a shown group) whose
 *       difference, one minus the other, holds 1 to k-1 answers: subtracting one from the other would show them.
 * </ul>
 *
 * Group sizes and overlaps come from the round's answers per combination of groups ({@link CellCount}).
 */
public record AnonymityRules(int minGroup) {
    /** The smallest minimum group size a survey may have. */
    public static final int FLOOR = 3;

    public AnonymityRules {
        minGroup = Math.max(FLOOR, minGroup);
    }

    /** Whether anything of a round (or part) with this many answers may be shown. */
    public boolean shows(int answers) {
        return answers >= minGroup;
    }

    /** Whether a count of people left over by subtracting two shown outputs is safe: none, or at least k. */
    boolean safeDifference(int answers) {
        return answers == 0 || answers >= minGroup;
    }

    /** The breakdown groups of a round that may be shown, in order of breakdown and then of size. */
    Set<Group> visibleGroups(List<CellCount> cells) {
        int whole = count(cells, cell -> true);
        Set<Group> visible = new LinkedHashSet<>();
        if (!shows(whole)) {
            return visible;
        }
        for (Breakdown breakdown : Breakdown.values()) {
            visible.addAll(candidates(breakdown, cells, whole));
        }
        while (hideOneOverlap(visible, cells)) {
            for (Breakdown breakdown : Breakdown.values()) {
                hideRest(breakdown, visible, cells, whole);
            }
        }
        return visible;
    }

    /**
     * Whether a manager may see their organisation's part of a round: large enough, with a large enough rest, and
     * not differing from any group everyone else may see by fewer than k answers.
     */
    boolean showsPart(List<CellCount> cells, Predicate<CellCount> inPart) {
        int whole = count(cells, cell -> true);
        int part = count(cells, inPart);
        if (!shows(part) || !safeDifference(whole - part)) {
            return false;
        }
        return visibleGroups(cells).stream().allMatch(group -> safeOverlap(cells, inPart, group::contains));
    }

    private List<Group> candidates(Breakdown breakdown, List<CellCount> cells, int whole) {
        List<Group> groups = cells.stream()
                .map(breakdown::groupOf)
                .filter(name -> name != null)
                .distinct()
                .map(name -> new Group(breakdown, name))
                .filter(group -> {
                    int size = count(cells, group::contains);
                    return shows(size) && safeDifference(whole - size);
                })
                .sorted(Comparator.comparingInt((Group group) -> -count(cells, group::contains))
                        .thenComparing(Group::name))
                .toList();
        Set<Group> kept = new LinkedHashSet<>(groups);
        hideRest(breakdown, kept, cells, whole);
        return new ArrayList<>(kept);
    }

    /** Hides the smallest shown groups of a breakdown until what it doesn't show is none or at least k answers. */
    private void hideRest(Breakdown breakdown, Set<Group> visible, List<CellCount> cells, int whole) {
        while (true) {
            List<Group> shown = visible.stream()
                    .filter(group -> group.breakdown() == breakdown)
                    .toList();
            int rest = whole
                    - shown.stream()
                            .mapToInt(group -> count(cells, group::contains))
                            .sum();
            if (shown.isEmpty() || safeDifference(rest)) {
                return;
            }
            visible.remove(shown.stream()
                    .min(Comparator.comparingInt(group -> count(cells, group::contains)))
                    .orElseThrow());
        }
    }

    /** Hides the smaller group of the first pair whose difference is unsafe; false when there is none. */
    private boolean hideOneOverlap(Set<Group> visible, List<CellCount> cells) {
        for (Group one : visible) {
            for (Group other : visible) {
                if (one.breakdown().ordinal() < other.breakdown().ordinal()
                        && !safeOverlap(cells, one::contains, other::contains)) {
                    int oneSize = count(cells, one::contains);
                    int otherSize = count(cells, other::contains);
                    visible.remove(oneSize <= otherSize ? one : other);
                    return true;
                }
            }
        }
        return false;
    }

    private boolean safeOverlap(List<CellCount> cells, Predicate<CellCount> one, Predicate<CellCount> other) {
        return safeDifference(count(cells, one.and(other.negate())))
                && safeDifference(count(cells, other.and(one.negate())));
    }

    private static int count(List<CellCount> cells, Predicate<CellCount> which) {
        return cells.stream().filter(which).mapToInt(CellCount::answers).sum();
    }
}
