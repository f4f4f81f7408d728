package dev.candor.storage.pulse.results;

/**
 * How many answers of one combination of breakdown groups (null = not stored) gave {@code answer} to a question: the
 * round's distributions and every breakdown's are sums of these.
 */
public record CellValueCount(
        String department,
        String manager,
        String tenure,
        String location,
        String questionId,
        String answer,
        int answers) {

    public CellCount cell() {
        return new CellCount(department, manager, tenure, location, answers);
    }
}
