package dev.candor.bot.goal;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalMeasure;
import dev.candor.storage.goal.GoalStatus;
import dev.candor.storage.goal.GoalVisibility;
import dev.candor.storage.people.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Goals' section of the home with fixed data, for the platforms' golden tests. */
public final class GoalSamples {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private GoalSamples() {}

    /** Four goals of three measures: the section shows three and says how many more. */
    public static Message home(Platform platform) {
        List<Goal> mine = List.of(
                goal(1, "Ship the billing migration", GoalMeasure.NUMBER, 120, 90, GoalStatus.AT_RISK, "customers"),
                goal(2, "Reduce churn in the pilot", GoalMeasure.PERCENT, 100, 20, GoalStatus.OFF_TRACK, null),
                goal(3, "Publish the onboarding guide", GoalMeasure.DONE, 1, 1, GoalStatus.DONE, null),
                goal(4, "Hire two engineers", GoalMeasure.NUMBER, 2, 0, GoalStatus.ON_TRACK, "engineers"));
        return new Message("Your goals", GoalHome.section(viewer(platform), "Q4 2026", mine));
    }

    /** Someone with no goals this cycle. */
    public static Message emptyHome(Platform platform) {
        return new Message("Your goals", GoalHome.section(viewer(platform), "Q4 2026", List.of()));
    }

    private static Goal goal(
            long id, String title, GoalMeasure measure, int target, int now, GoalStatus status, String unit) {
        return new Goal(
                id,
                1,
                1,
                "Q4 2026",
                null,
                title,
                null,
                measure,
                BigDecimal.ZERO,
                BigDecimal.valueOf(target),
                unit,
                BigDecimal.valueOf(now),
                status,
                GoalVisibility.EVERYONE,
                LocalDate.of(2026, 12, 31),
                1,
                NOW,
                NOW,
                List.of(1L),
                List.of(),
                List.of("Ana Lopez"),
                false,
                false,
                0,
                null);
    }

    private static Actor viewer(Platform platform) {
        return new Actor(
                1,
                "T0ACME",
                1,
                platform,
                platform == Platform.SLACK ? "U0ANA" : "29:ana",
                "Ana Lopez",
                Role.EMPLOYEE,
                ZoneId.of("Europe/Berlin"),
                Locale.ENGLISH);
    }
}
