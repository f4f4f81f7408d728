package dev.candor.bot.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.storage.ask.Cell;
import dev.candor.storage.ask.CellDao;
import dev.candor.storage.ask.ManagerLink;
import dev.candor.storage.ask.Round;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The breakdown groups stored with an answer ({@code answers.cell}), for features that break results down (surveys):
 * the answerer's department, team, location and tenure band, each kept only if at least the feature's minimum
 * group of the round's people still share the combination kept so far. The team ({@code manager}) is the nearest
 * manager up the answerer's line whose organisation (everyone under them, at any depth) holds at least the minimum
 * of the round's people: a team too small of its own counts in the organisation above it, so that a manager whose
 * organisation is big enough finds every answer of it, however small its teams. Keys are tried in that order, so the coarse
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

    /** The round's cells with their teams, and each direct manager's team, read at the same time. */
    private record Counts(List<Cell> cells, Map<Long, Long> teams, Instant readAt) {}

    private final Clock clock;
    private final Map<Long, Counts> counts = new ConcurrentHashMap<>();

    AnswerCells(Clock clock) {
        this.clock = clock;
    }

    /** The groups to store with this person's answer, as JSON; "{}" when none can be kept. */
    String of(Handle handle, Round round, long personId, int minimum) {
        CellDao cells = handle.attach(CellDao.class);
        Cell direct = cells.cellOf(round.orgId(), round.id(), personId).orElse(null);
        ObjectNode kept = JSON.createObjectNode();
        if (direct == null) {
            return kept.toString();
        }
        Counts counts = counts(cells, round, minimum);
        List<Cell> everyone = counts.cells();
        Cell mine = inTeam(direct, counts.teams());
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

    private Counts counts(CellDao cells, Round round, int minimum) {
        Instant now = clock.instant();
        counts.values().removeIf(kept -> kept.readAt().plus(KEEP).isBefore(now));
        return counts.computeIfAbsent(round.id(), id -> {
            List<Cell> direct = cells.countByCell(round.orgId(), id);
            Map<Long, Long> teams = teams(direct, cells.listManagers(round.orgId()), minimum);
            return new Counts(direct.stream().map(cell -> inTeam(cell, teams)).toList(), teams, now);
        });
    }

    private static Cell inTeam(Cell cell, Map<Long, Long> teams) {
        Long team = cell.managerId() == null ? null : teams.get(cell.managerId());
        return new Cell(cell.department(), team, cell.location(), cell.tenure(), cell.people());
    }

    /**
     * Each direct manager of the round's people → the nearest manager up from them (themselves first) whose
     * organisation holds at least {@code minimum} of the round's people; absent when nobody up the line has as many.
     */
    static Map<Long, Long> teams(List<Cell> cells, List<ManagerLink> links, int minimum) {
        Map<Long, Long> above = new HashMap<>();
        links.forEach(link -> above.put(link.id(), link.managerId()));
        Map<Long, Long> organisation = new HashMap<>();
        for (Cell cell : cells) {
            for (Long manager : line(cell.managerId(), above)) {
                organisation.merge(manager, cell.people(), Long::sum);
            }
        }
        Map<Long, Long> teams = new HashMap<>();
        for (Cell cell : cells) {
            if (cell.managerId() == null || teams.containsKey(cell.managerId())) {
                continue;
            }
            line(cell.managerId(), above).stream()
                    .filter(manager -> organisation.getOrDefault(manager, 0L) >= minimum)
                    .findFirst()
                    .ifPresent(team -> teams.put(cell.managerId(), team));
        }
        return teams;
    }

    /** The manager and everyone above them, nearest first; a loop in the directory ends the line. */
    private static List<Long> line(Long manager, Map<Long, Long> above) {
        List<Long> line = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Long next = manager; next != null && seen.add(next); next = above.get(next)) {
            line.add(next);
        }
        return line;
    }

    private static Map<String, Function<Cell, Object>> keys() {
        Map<String, Function<Cell, Object>> keys = new LinkedHashMap<>();
        keys.put("department", Cell::department);
        keys.put("manager", Cell::managerId); // the team, see teams()
        keys.put("location", Cell::location);
        keys.put("tenure", Cell::tenure);
        return keys;
    }
}
