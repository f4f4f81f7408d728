package dev.candor.bot.pulse;

import dev.candor.storage.people.PersonLookupDao;
import dev.candor.storage.pulse.Survey;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/** A survey's audience and schedule in plain words, as the preview, the list and the confirmations say them. */
final class PulseWords {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private final Jdbi jdbi;

    PulseWords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** e.g. "everyone", "Sales and Support", "everyone under Maya", "picked people". */
    String audience(Survey survey) {
        return switch (PulseSettings.Audience.of(survey.audience())) {
            case EVERYONE -> "everyone";
            case DEPARTMENTS -> and(survey.audienceDepartments());
            case ORGANISATION -> "everyone under " + name(survey.orgId(), survey.audienceManagerId());
            case PEOPLE -> "picked people";
            case CHANNEL -> "the members of a channel";
        };
    }

    /** e.g. "now", "every Monday at 10:00 their time", "on Mon 14 Dec 2026 at 09:30 their time". */
    String schedule(Survey survey) {
        String at = " at " + survey.opensTime() + " their time";
        String day = DayOfWeek.of(survey.dayOfWeek()).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String from = survey.opensOn() == null ? "" : ", from " + DATE.format(survey.opensOn());
        return switch (PulseSettings.Schedule.of(survey.cadence(), survey.opensOn())) {
            case NOW -> "now";
            case ONCE -> "on " + DATE.format(survey.opensOn()) + at;
            case WEEKLY -> "every " + day + at + from;
            case BIWEEKLY -> "every other " + day + at + from;
            case MONTHLY -> "on the first " + day + " of each month" + at + from;
            case QUARTERLY -> "on the first " + day + " of each quarter" + at + from;
        };
    }

    String name(long orgId, Long personId) {
        if (personId == null) {
            return "nobody";
        }
        return jdbi.withExtension(PersonLookupDao.class, dao -> dao.findById(orgId, personId))
                .map(person -> person.name())
                .orElse("a former colleague");
    }

    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
