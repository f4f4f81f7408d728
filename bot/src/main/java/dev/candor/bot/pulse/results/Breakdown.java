package dev.candor.bot.pulse.results;

import dev.candor.storage.pulse.results.CellCount;
import java.util.Locale;

/** The ways results can be split, as the engine stores them in {@code answers.cell}. */
public enum Breakdown {
    DEPARTMENT("Department"),
    MANAGER("Manager's team"),
    TENURE("Tenure"),
    LOCATION("Location");

    private final String title;

    Breakdown(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The key in {@code answers.cell}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This breakdown's group of a combination, or null when it isn't stored for those answers. */
    String groupOf(CellCount cell) {
        return switch (this) {
            case DEPARTMENT -> cell.department();
            case MANAGER -> cell.manager();
            case TENURE -> cell.tenure();
            case LOCATION -> cell.location();
        };
    }
}
