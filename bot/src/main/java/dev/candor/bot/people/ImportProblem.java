package dev.candor.bot.people;

/**
 * Why an import was refused. {@code line} is the physical line where the CSV record starts (the header is line 1);
 * 0 means the problem is not in one line, e.g. an unknown organisation.
 */
public record ImportProblem(int line, String message) {

    static ImportProblem general(String message) {
        return new ImportProblem(0, message);
    }

    @Override
    public String toString() {
        return line == 0 ? message : "line " + line + ": " + message;
    }
}
