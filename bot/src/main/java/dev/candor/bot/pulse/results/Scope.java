package dev.candor.bot.pulse.results;

import java.util.List;

/**
 * Whose answers results count: everyone's (HR), or a manager's organisation, given as the ids that
 * {@code answers.cell.manager} holds for the people under them at any depth.
 */
public record Scope(boolean everyone, List<String> managers) {

    public Scope {
        managers = List.copyOf(managers);
    }

    public static Scope wholeOrganisation() {
        return new Scope(true, List.of());
    }

    public static Scope organisation(List<String> managers) {
        return new Scope(false, managers);
    }

    String[] managerArray() {
        return managers.toArray(String[]::new);
    }
}
