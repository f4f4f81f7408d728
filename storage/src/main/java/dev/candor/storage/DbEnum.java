package dev.candor.storage;

import java.util.Locale;

/** An enum stored in the database as its lower-case name ({@code hr_admin}, {@code slack}). */
public interface DbEnum {
    String name();

    default String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
