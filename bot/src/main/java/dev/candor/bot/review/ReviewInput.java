package dev.candor.bot.review;

import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.checkin.Questions;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.storage.review.ReviewAudience;
import dev.candor.storage.review.ReviewPhaseKind;
import java.time.LocalDate;
import java.util.ArrayList;
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
        List<Phase> others,
        Map<String, String> errors) {

    /** A phase besides the self review, with its questions and, for a phase of two steps, the second step's. */
    record Phase(
            ReviewPhaseKind kind, LocalDate opens, LocalDate due, Questionnaire questions, Questionnaire followUp) {}

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
        String managerUser =
                form.chosen(ReviewForm.MANAGER).stream().findFirst().orElse(null);
        if (audience == ReviewAudience.DEPARTMENTS && departments.isEmpty()) {
            errors.put(ReviewForm.AUDIENCE, "Pick one or more departments, or choose another audience.");
        }
        if (audience == ReviewAudience.ORGANISATION && managerUser == null) {
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
        List<Phase> others = new ArrayList<>();
        Phase peers = optional(
                form, today, errors, ReviewPhaseKind.PEERS, ReviewForm.PEERS_OPENS, ReviewForm.PEERS_DUE, null);
        Phase peer = optional(
                form,
                today,
                errors,
                ReviewPhaseKind.PEER,
                ReviewForm.PEER_OPENS,
                ReviewForm.PEER_DUE,
                ReviewForm.PEER_QUESTIONS);
        Phase manager = optional(
                form,
                today,
                errors,
                ReviewPhaseKind.MANAGER,
                ReviewForm.MANAGER_OPENS,
                ReviewForm.MANAGER_DUE,
                ReviewForm.MANAGER_QUESTIONS);
        Phase sharing = optional(
                form, today, errors, ReviewPhaseKind.SHARING, ReviewForm.SHARING_OPENS, ReviewForm.SHARING_DUE, null);
        boolean peerMistakes = java.util.stream.Stream.of(
                        ReviewForm.PEERS_OPENS,
                        ReviewForm.PEERS_DUE,
                        ReviewForm.PEER_OPENS,
                        ReviewForm.PEER_DUE,
                        ReviewForm.PEER_QUESTIONS)
                .anyMatch(errors::containsKey);
        boolean managerMistakes = java.util.stream.Stream.of(
                        ReviewForm.MANAGER_OPENS,
                        ReviewForm.MANAGER_DUE,
                        ReviewForm.MANAGER_QUESTIONS,
                        ReviewForm.SHARING_OPENS,
                        ReviewForm.SHARING_DUE)
                .anyMatch(errors::containsKey);
        if (peerMistakes) {
            // each mistake is shown where it is
        } else if ((peers == null) != (peer == null)) {
            errors.put(
                    peers == null ? ReviewForm.PEERS_OPENS : ReviewForm.PEER_OPENS,
                    "Peer reviews need both: the nomination (who reviews whom) and the peer review. Pick the days of"
                            + " both, or leave all four empty.");
        } else if (peers != null && peer.opens().isBefore(peers.due())) {
            errors.put(
                    ReviewForm.PEER_OPENS,
                    "The peer review opens once the nomination is due: pick " + peers.due() + " or later.");
        }
        if (managerMistakes) {
            // each mistake is shown where it is
        } else if (sharing != null && manager == null) {
            errors.put(
                    ReviewForm.SHARING_OPENS, "Sharing shares the manager review: add its days, or leave these empty.");
        } else if (sharing != null && sharing.opens().isBefore(manager.due())) {
            errors.put(
                    ReviewForm.SHARING_OPENS,
                    "Sharing opens once the manager review is due: pick " + manager.due() + " or later.");
        }
        for (Phase phase : java.util.Arrays.asList(peers, peer, manager, sharing)) {
            if (phase != null) {
                others.add(phase);
            }
        }
        return new ReviewInput(
                name,
                audience,
                departments,
                managerUser,
                joinedBy,
                from,
                to,
                opens,
                due,
                questions.questionnaire(),
                others,
                errors);
    }

    /**
     * A phase HR may leave out: null when both its days are empty (or a mistake was noted), else its days and
     * questions (from {@code questionsId}, or the phase's fixed ones) and its second step's.
     */
    private static Phase optional(
            FormSubmission form,
            LocalDate today,
            Map<String, String> errors,
            ReviewPhaseKind kind,
            String opensId,
            String dueId,
            String questionsId) {
        LocalDate opens = date(form, opensId, errors);
        LocalDate due = date(form, dueId, errors);
        if (opens == null && due == null) {
            return null;
        }
        if (opens == null) {
            errors.put(opensId, "Pick the day it opens too, or leave both days empty.");
            return null;
        }
        if (due == null) {
            errors.put(dueId, "Pick the day it is due too, or leave both days empty.");
            return null;
        }
        if (due.isBefore(opens)) {
            errors.put(dueId, "It is due after it opens: pick a day on or after " + opens + ".");
            return null;
        }
        if (due.isBefore(today)) {
            errors.put(dueId, "That day has passed: pick today or a later day.");
            return null;
        }
        Questions.Parsed parsed =
                Questions.parse(questionsId == null ? ReviewTemplates.lines(kind) : form.text(questionsId), null);
        if (parsed.error() != null) {
            errors.put(questionsId == null ? opensId : questionsId, parsed.error());
            return null;
        }
        Questionnaire followUp = kind == ReviewPhaseKind.PEERS || kind == ReviewPhaseKind.SHARING
                ? Questions.parse(ReviewTemplates.followUp(kind), null).questionnaire()
                : null;
        return new Phase(kind, opens, due, parsed.questionnaire(), followUp);
    }

    private static LocalDate date(FormSubmission form, String id, Map<String, String> errors) {
        return form.date(id, errors);
    }
}
