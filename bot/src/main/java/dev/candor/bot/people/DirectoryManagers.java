package dev.candor.bot.people;

import dev.candor.storage.people.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reports to whom once the file is in, stored people included: every manager must exist, nobody manages
 * themselves, and no chain loops back (a loop would make "my team" and escalations run forever).
 */
final class DirectoryManagers {
    private final List<DirectoryMatch> matches;
    private final DirectorySnapshot stored;
    private final Map<String, DirectoryMatch> fileByEmail = new HashMap<>();
    private final Map<Long, DirectoryMatch> fileByNode = new HashMap<>();
    private final Map<Long, Long> managerOf;
    private final List<ImportProblem> problems = new ArrayList<>();

    private DirectoryManagers(List<DirectoryMatch> matches, DirectorySnapshot stored) {
        this.matches = matches;
        this.stored = stored;
        this.managerOf = stored.managers();
        for (DirectoryMatch match : matches) {
            fileByEmail.putIfAbsent(match.row().emailKey(), match);
            fileByNode.putIfAbsent(node(match), match);
        }
    }

    static List<ImportProblem> check(List<DirectoryMatch> matches, DirectorySnapshot stored) {
        DirectoryManagers managers = new DirectoryManagers(matches, stored);
        matches.forEach(managers::linkManager);
        managers.findCycles();
        return managers.problems;
    }

    /** Graph nodes: a stored person by id, someone new by the negated line of their row. */
    private static long node(DirectoryMatch match) {
        return match.isNew() ? -match.row().line() : match.existing().id();
    }

    private void linkManager(DirectoryMatch match) {
        DirectoryRow row = match.row();
        long node = node(match);
        // The file decides everyone's manager it lists, replacing what is stored.
        managerOf.remove(node);
        if (!row.hasManager() || !DirectoryFormats.isEmail(row.managerEmail())) {
            return;
        }
        Optional<Long> manager = managerNode(row);
        if (manager.isEmpty()) {
            problem(row.line(), "manager_email %s is neither in this file nor in Candor".formatted(row.managerEmail()));
        } else if (manager.get() == node) {
            problem(row.line(), "%s cannot be their own manager; leave manager_email empty".formatted(row.email()));
        } else {
            managerOf.put(node, manager.get());
        }
    }

    private Optional<Long> managerNode(DirectoryRow row) {
        DirectoryMatch inFile = fileByEmail.get(row.managerKey());
        if (inFile != null) {
            return Optional.of(node(inFile));
        }
        return stored.byEmail(row.managerEmail()).map(Person::id);
    }

    /** Each person has at most one manager, so following managers from every row finds every loop once. */
    private void findCycles() {
        Set<Long> done = new HashSet<>();
        for (DirectoryMatch start : matches) {
            List<Long> path = new ArrayList<>();
            Set<Long> onPath = new HashSet<>();
            Long current = node(start);
            while (current != null && !done.contains(current) && onPath.add(current)) {
                path.add(current);
                current = managerOf.get(current);
            }
            if (current != null && onPath.contains(current)) {
                reportCycle(path.subList(path.indexOf(current), path.size()));
            }
            done.addAll(path);
        }
    }

    /** Names the loop from its earliest line in the file, e.g. "a@x.com -> b@x.com -> a@x.com (lines 2, 5)". */
    private void reportCycle(List<Long> cycle) {
        List<Integer> lines = cycle.stream()
                .filter(fileByNode::containsKey)
                .map(node -> fileByNode.get(node).row().line())
                .sorted()
                .toList();
        if (lines.isEmpty()) {
            return; // a loop among stored people only is not this file's doing
        }
        int start = 0;
        while (!fileByNode.containsKey(cycle.get(start))
                || fileByNode.get(cycle.get(start)).row().line() != lines.get(0)) {
            start++;
        }
        List<String> chain = new ArrayList<>();
        for (int step = 0; step <= cycle.size(); step++) {
            chain.add(describe(cycle.get((start + step) % cycle.size())));
        }
        String where = lines.size() == 1
                ? ""
                : lines.stream().map(String::valueOf).collect(Collectors.joining(", ", " (lines ", ")"));
        problem(lines.get(0), "manager cycle: " + String.join(" -> ", chain) + where);
    }

    private String describe(long node) {
        DirectoryMatch match = fileByNode.get(node);
        return match != null ? match.row().email() : stored.describe(node) + " (in Candor)";
    }

    private void problem(int line, String message) {
        problems.add(new ImportProblem(line, message));
    }
}
