package dev.candor.bot.people;

import java.util.ArrayList;
import java.util.List;

/** Thrown inside the import transaction to roll it back; carries the problems that refused the import. */
final class ImportRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ImportProblem> problems;

    ImportRefused(List<ImportProblem> problems) {
        super(problems.size() + " problem(s)", null, false, false);
        this.problems = List.copyOf(problems);
    }

    static ImportRefused because(String message) {
        return new ImportRefused(List.of(ImportProblem.general(message)));
    }

    List<ImportProblem> problems() {
        return problems;
    }

    ImportRefused plus(List<ImportProblem> more) {
        List<ImportProblem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new ImportRefused(all);
    }
}
