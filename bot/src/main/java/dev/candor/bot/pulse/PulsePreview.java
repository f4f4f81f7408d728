package dev.candor.bot.pulse;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.storage.pulse.Survey;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** The preview step: who the survey reaches now, and exactly what they get, as if it opened now in HR's own zone. */
final class PulsePreview {
    private final PulseSurveys surveys;
    private final PulseRunning running;
    private final PulseWords words;
    private final Clock clock;

    PulsePreview(PulseSurveys surveys, PulseRunning running, PulseWords words, Clock clock) {
        this.surveys = surveys;
        this.running = running;
        this.words = words;
        this.clock = clock;
    }

    Form form(Actor actor, Survey draft) {
        Optional<List<Long>> people = running.audience(draft);
        String audience = words.audience(draft);
        String reach = people.map(found -> count(found.size()) + " (" + audience + ")")
                .orElse(audience + " (Candor can't list them right now)");
        return PreviewForm.of(
                draft,
                PulseFeature.text(draft, words.name(draft.orgId(), draft.createdBy())),
                surveys.questions(draft),
                reach,
                words.schedule(draft),
                due(actor, draft.deadlineDays()),
                actor.zone());
    }

    /** The deadline shown: that many working days (Monday to Friday) from now, at the same time of day. */
    private Instant due(Actor actor, int workingDays) {
        ZonedDateTime due = clock.instant().atZone(actor.zone());
        int left = workingDays;
        while (left > 0) {
            due = due.plusDays(1);
            if (due.getDayOfWeek() != DayOfWeek.SATURDAY && due.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return due.toInstant();
    }

    private static String count(int people) {
        return people == 1 ? "1 person" : people + " people";
    }
}
