package dev.candor.storage.people;

import dev.candor.storage.DbEnum;
import java.util.Locale;
import java.util.Optional;

public enum Role implements DbEnum {
    EMPLOYEE,
    MANAGER,
    HR_ADMIN;

    /** Parses {@code employee}, {@code manager} or {@code hr_admin} (any case). */
    public static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.dbValue().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
