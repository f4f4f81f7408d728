package dev.candor.bot.pulse;

import dev.candor.scheduler.pulse.PulseSeries;
import dev.candor.storage.people.PersonLookupDao;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyCadence;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
        return switch (survey.audience()) {
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
        if (survey.cadence() == SurveyCadence.ONCE) {
            return survey.opensOn() == null ? "now" : "on " + DATE.format(survey.opensOn()) + at;
        }
        String from = survey.opensOn() == null ? "" : ", from " + DATE.format(survey.opensOn());
        return PulseSeries.calendar(survey).describe() + at + from;
    }

    /** When its first round opens, for the launch confirmation: "first on Mon 7 Dec 2026", or "" when once. */
    String first(Survey survey, LocalDate today) {
        if (survey.cadence() == SurveyCadence.ONCE) {
            return "";
        }
        return ", first on "
                + DATE.format(
                        PulseSeries.calendar(survey).next(today).opensLocal().toLocalDate());
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
