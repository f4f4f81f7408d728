package dev.candor.bot.review;

import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.checkin.Questions;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.storage.review.ReviewAudience;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The review form's answers read, or every mistake by field. */
record ReviewInput(
        String name,
        ReviewAudience audience,
        List<String> departments,
        String managerUserId,
        LocalDate joinedBy,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate selfOpens,
        LocalDate selfDue,
        Questionnaire selfQuestions,
        LocalDate managerOpens,
        LocalDate managerDue,
        Questionnaire managerQuestions,
        Map<String, String> errors) {

    /** The longest a phase may run: a year. */
    static final int LONGEST_PHASE_DAYS = 366;

    static ReviewInput read(FormSubmission form, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.text(ReviewForm.NAME).strip();
        if (name.length() < 3 || name.length() > ReviewForm.LONGEST_NAME) {
            errors.put(
                    ReviewForm.NAME,
                    "Name the cycle in 3 to 80 characters, e.g. \"" + today.getYear() + " annual review\".");
        }
        ReviewAudience audience = Arrays.stream(ReviewAudience.values())
                .filter(value -> value.dbValue().equals(form.text(ReviewForm.AUDIENCE)))
                .findFirst()
                .orElse(ReviewAudience.EVERYONE);
        List<String> departments = form.chosen(ReviewForm.DEPARTMENTS);
        String manager = form.chosen(ReviewForm.MANAGER).stream().findFirst().orElse(null);
        if (audience == ReviewAudience.DEPARTMENTS && departments.isEmpty()) {
            errors.put(ReviewForm.AUDIENCE, "Pick one or more departments, or choose another audience.");
        }
        if (audience == ReviewAudience.ORGANISATION && manager == null) {
            errors.put(ReviewForm.MANAGER, "Pick the manager whose whole organisation takes part.");
        }
        LocalDate joinedBy = date(form, ReviewForm.JOINED_BY, errors);
        LocalDate from = date(form, ReviewForm.PERIOD_FROM, errors);
        LocalDate to = date(form, ReviewForm.PERIOD_TO, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put(ReviewForm.PERIOD_TO, "The period ends after it starts: pick a day on or after " + from + ".");
        }
        LocalDate opens = date(form, ReviewForm.SELF_OPENS, errors);
        LocalDate due = date(form, ReviewForm.SELF_DUE, errors);
        if (opens != null && due != null) {
            if (due.isBefore(opens)) {
                errors.put(ReviewForm.SELF_DUE, "It is due after it opens: pick a day on or after " + opens + ".");
            } else if (due.isBefore(today)) {
                errors.put(ReviewForm.SELF_DUE, "That day has passed: pick today or a later day.");
            } else if (due.isAfter(opens.plusDays(LONGEST_PHASE_DAYS))) {
                errors.put(ReviewForm.SELF_DUE, "A phase runs for up to a year: pick an earlier day.");
            }
        }
        for (String required :
                List.of(ReviewForm.PERIOD_FROM, ReviewForm.PERIOD_TO, ReviewForm.SELF_OPENS, ReviewForm.SELF_DUE)) {
            if (form.text(required).isEmpty()) {
                errors.put(required, "Pick a day from the calendar.");
            }
        }
        Questions.Parsed questions = Questions.parse(form.text(ReviewForm.SELF_QUESTIONS), null);
        if (questions.error() != null) {
            errors.put(ReviewForm.SELF_QUESTIONS, questions.error());
        }
        LocalDate managerOpens = date(form, ReviewForm.MANAGER_OPENS, errors);
        LocalDate managerDue = date(form, ReviewForm.MANAGER_DUE, errors);
        Questionnaire managerQuestions = null;
        if (managerOpens != null || managerDue != null) {
            if (managerOpens == null) {
                errors.put(ReviewForm.MANAGER_OPENS, "Pick the day it opens too, or leave both days empty.");
            } else if (managerDue == null) {
                errors.put(ReviewForm.MANAGER_DUE, "Pick the day it is due too, or leave both days empty.");
            } else if (managerDue.isBefore(managerOpens)) {
                errors.put(
                        ReviewForm.MANAGER_DUE,
                        "It is due after it opens: pick a day on or after " + managerOpens + ".");
            } else if (managerDue.isBefore(today)) {
                errors.put(ReviewForm.MANAGER_DUE, "That day has passed: pick today or a later day.");
            }
            Questions.Parsed parsed = Questions.parse(form.text(ReviewForm.MANAGER_QUESTIONS), null);
            if (parsed.error() != null) {
                errors.put(ReviewForm.MANAGER_QUESTIONS, parsed.error());
            }
            managerQuestions = parsed.questionnaire();
        }
        return new ReviewInput(
                name,
                audience,
                departments,
                manager,
                joinedBy,
                from,
                to,
                opens,
                due,
                questions.questionnaire(),
                managerOpens,
                managerDue,
                managerQuestions,
                errors);
    }

    private static LocalDate date(FormSubmission form, String id, Map<String, String> errors) {
        String text = form.text(id);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            errors.put(id, "Pick a day from the calendar.");
            return null;
        }
    }
}
