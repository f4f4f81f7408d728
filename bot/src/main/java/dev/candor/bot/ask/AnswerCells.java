package dev.candor.bot.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.storage.ask.Cell;
import dev.candor.storage.ask.CellDao;
import dev.candor.storage.ask.Round;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The breakdown groups stored with an answer ({@code answers.cell}), for features that break results down (surveys):
 * the answerer's department, manager, location and tenure band, each kept only if at least the feature's minimum
 * group of the round's people still share the combination kept so far. Keys are tried in that order, so the coarse
 * and common ones come first. Someone reading the table can then never narrow an answer to fewer people than the
 * minimum, however the stored keys are combined; a round with fewer people than that stores no groups at all.
 *
 * <p>The counts per combination are read once per round and kept for a few minutes: a round's asks don't change
 * after it opens, and a 100,000-person round has a few thousand combinations.
 */
final class AnswerCells {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEEP = Duration.ofMinutes(10);

    private static final Map<String, Function<Cell, Object>> KEYS = keys();

    private record Counts(List<Cell> cells, Instant readAt) {}

    private final Clock clock;
    private final Map<Long, Counts> counts = new ConcurrentHashMap<>();

    AnswerCells(Clock clock) {
        this.clock = clock;
    }

    /** The groups to store with this person's answer, as JSON; "{}" when none can be kept. */
    String of(Handle handle, Round round, long personId, int minimum) {
        CellDao cells = handle.attach(CellDao.class);
        Cell mine = cells.cellOf(round.orgId(), round.id(), personId).orElse(null);
        ObjectNode kept = JSON.createObjectNode();
        if (mine == null) {
            return kept.toString();
        }
        List<Cell> everyone = counts(cells, round);
        if (sharing(everyone, mine, List.of()) < minimum) {
            return kept.toString();
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Function<Cell, Object>> key : KEYS.entrySet()) {
            Object value = key.getValue().apply(mine);
            if (value == null) {
                continue;
            }
            keys.add(key.getKey());
            if (sharing(everyone, mine, keys) >= minimum) {
                kept.putPOJO(key.getKey(), value);
            } else {
                keys.remove(keys.size() - 1);
            }
        }
        return kept.toString();
    }

    /** How many of the round's people have the same values as {@code mine} for every one of {@code keys}. */
    private static long sharing(List<Cell> everyone, Cell mine, List<String> keys) {
        return everyone.stream()
                .filter(cell -> keys.stream()
                        .allMatch(key -> Objects.equals(
                                KEYS.get(key).apply(cell), KEYS.get(key).apply(mine))))
                .mapToLong(Cell::people)
                .sum();
    }

    private List<Cell> counts(CellDao cells, Round round) {
        Instant now = clock.instant();
        counts.values().removeIf(kept -> kept.readAt().plus(KEEP).isBefore(now));
        return counts.computeIfAbsent(round.id(), id -> new Counts(cells.countByCell(round.orgId(), id), now))
                .cells();
    }

    private static Map<String, Function<Cell, Object>> keys() {
        Map<String, Function<Cell, Object>> keys = new LinkedHashMap<>();
        keys.put("department", Cell::department);
        keys.put("manager", Cell::managerId);
        keys.put("location", Cell::location);
        keys.put("tenure", Cell::tenure);
        return keys;
    }
}
