package dev.candor.storage.kudos;

/** Kudos a person received, and gave (one per recipient), in a period. */
public record Totals(int received, int given) {
    public static final Totals NONE = new Totals(0, 0);
}
