package dev.candor.bot.people;

import dev.candor.storage.org.Organisation;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a people import: how many people were created, updated or already up to date, or, when anything
 * was wrong, every problem and nothing imported. {@code organisation} is null when nothing was imported.
 */
public record ImportResult(
        String fileName,
        Organisation organisation,
        int created,
        int updated,
        int unchanged,
        List<ImportProblem> problems) {

    public ImportResult {
        problems = List.copyOf(problems);
    }

    static ImportResult imported(String fileName, Organisation organisation, DirectoryWriter.Counts counts) {
        return new ImportResult(
                fileName, organisation, counts.created(), counts.updated(), counts.unchanged(), List.of());
    }

    static ImportResult refused(String fileName, List<ImportProblem> problems) {
        return new ImportResult(fileName, null, 0, 0, 0, problems);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }

    /** 0 when the file was imported, 1 when it was refused: what the command line exits with. */
    public int exitCode() {
        return succeeded() ? 0 : 1;
    }

    /**
     * What the operator reads: "Imported 42 people into Acme (org 1): 40 created, 2 updated." or
     * "Nothing imported: 3 problems in people.csv:" followed by one line per problem.
     */
    public String summary() {
        return succeeded() ? importedSummary() : refusedSummary();
    }

    private String importedSummary() {
        int total = created + updated + unchanged;
        List<String> counts = new ArrayList<>();
        addCount(counts, created, "created");
        addCount(counts, updated, "updated");
        addCount(counts, unchanged, "unchanged");
        String detail = counts.isEmpty() ? "the file lists nobody" : String.join(", ", counts);
        return "Imported %s into %s (org %d): %s."
                .formatted(people(total), organisation.name(), organisation.id(), detail);
    }

    private static void addCount(List<String> counts, int count, String what) {
        if (count > 0) {
            counts.add(count + " " + what);
        }
    }

    private String refusedSummary() {
        StringBuilder text = new StringBuilder("Nothing imported: %d problem%s in %s:"
                .formatted(problems.size(), problems.size() == 1 ? "" : "s", fileName));
        problems.forEach(problem -> text.append("\n  ").append(problem));
        return text.toString();
    }

    private static String people(int count) {
        return count == 1 ? "1 person" : count + " people";
    }
}
