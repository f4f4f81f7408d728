package dev.candor.bot.checkin;

import dev.candor.bot.people.Unreachable;
import dev.candor.scheduler.ask.OpenedRound;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the owner is told after {@code /checkin send}: how many got it now, who gets it later in their own working
 * time ("Li gets it at 08:00 their time"), who is away, and whom Candor can't reach with how to fix it.
 */
record SendSummary(int now, List<String> later, List<String> away, List<Unreachable> unreachable) {
    /** An ask opening within this of now counts as sent now (the engine queues it at once). */
    static final Duration NOW = Duration.ofMinutes(5);

    static SendSummary of(OpenedRound opened, Map<Long, String> names, List<Unreachable> unreachable, Instant now) {
        Set<Long> cannot = unreachable.stream().map(Unreachable::personId).collect(Collectors.toSet());
        int sentNow = 0;
        List<String> later = new ArrayList<>();
        List<String> away = new ArrayList<>();
        for (NewAsk ask : opened.asks()) {
            String name = names.getOrDefault(ask.personId(), "someone");
            if (cannot.contains(ask.personId())) {
                continue;
            } else if (ask.state() == AskState.SKIPPED) {
                if (ask.skipReason() == SkipReason.AWAY) {
                    away.add(name);
                }
            } else if (ask.opensAt().isAfter(now.plus(NOW))) {
                later.add(name + " gets it "
                        + when(ask.opensAt(), opened.people().get(ask.personId()), now) + " their time");
            } else {
                sentNow++;
            }
        }
        return new SendSummary(sentNow, later, away, unreachable);
    }

    /** "at 08:00" today in their zone, else "on Monday at 08:00". */
    static String when(Instant at, WorkingTime person, Instant now) {
        ZonedDateTime local = at.atZone(person.zone());
        String time = "at %02d:%02d".formatted(local.getHour(), local.getMinute());
        return local.toLocalDate().equals(now.atZone(person.zone()).toLocalDate())
                ? time
                : "on " + local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + time;
    }
}
