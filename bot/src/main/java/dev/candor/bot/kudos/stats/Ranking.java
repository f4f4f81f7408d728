package dev.candor.bot.kudos.stats;

import dev.candor.storage.kudos.PersonCount;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Standard competition ranking ("1224"): people with the same count share a rank, and the next rank skips as many
 * places as shared it. Two people tied for second are both 2nd and the next is 4th, as in sport.
 */
final class Ranking {
    private Ranking() {}

    /** One line of a leaderboard. */
    record Place(int rank, String name, int count) {}

    /**
     * @param places at most the board's size
     * @param moreTied people not shown who have the same count as the last one shown
     */
    record Board(List<Place> places, int moreTied) {
        Board {
            places = List.copyOf(places);
        }

        boolean isEmpty() {
            return places.isEmpty();
        }
    }

    /**
     * @param top the leaders in order, one more than {@code size} when there are that many
     * @param tieSize how many people have a given count, asked only when the tie continues past the board
     */
    static Board rank(List<PersonCount> top, int size, IntUnaryOperator tieSize) {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < Math.min(size, top.size()); i++) {
            PersonCount person = top.get(i);
            boolean tied = i > 0 && top.get(i - 1).count() == person.count();
            int rank = tied ? places.get(i - 1).rank() : i + 1;
            places.add(new Place(rank, person.name(), person.count()));
        }
        if (top.size() <= size || places.isEmpty()) {
            return new Board(places, 0);
        }
        int last = places.get(places.size() - 1).count();
        if (top.get(size).count() != last) {
            return new Board(places, 0);
        }
        long shownWithLast =
                places.stream().filter(place -> place.count() == last).count();
        return new Board(places, Math.max(0, tieSize.applyAsInt(last) - (int) shownWithLast));
    }
}
