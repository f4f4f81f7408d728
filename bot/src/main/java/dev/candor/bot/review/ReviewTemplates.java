package dev.candor.bot.review;

import dev.candor.storage.review.ReviewPhaseKind;

/**
 * The questions each phase starts from, as lines of the check-ins' syntax (HR edits the reviews' in the form); the
 * steps around them (a nomination, its approval, a review shared and acknowledged) ask a note at most.
 */
final class ReviewTemplates {
    private ReviewTemplates() {}

    static String lines(ReviewPhaseKind kind) {
        return switch (kind) {
            case SELF ->
                """
                scale: How well did you meet your goals this period? [Not at all | Completely]
                text: What are you proudest of from this period?
                text: What got in your way, and what would have helped?
                text: What do you want to get better at next period?
                scale: Overall, how would you rate your performance this period? [Needs improvement | Exceptional]""";
            case PEERS -> "text: Why these colleagues? Your manager reads it. (optional)";
            case PEER ->
                """
                scale: How well did you work together this period? [Not well | Very well]
                text: What did they do especially well?
                text: What could they do differently?""";
            case MANAGER ->
                """
                scale: How well did they meet their goals this period? [Not at all | Completely]
                text: What were their biggest contributions?
                text: What should they focus on next period?
                scale: Overall rating [Needs improvement | Exceptional]""";
            case SHARING -> "text: A note with your review (optional)";
        };
    }

    /** The second step of a phase: the manager's approval of a nomination, the acknowledgement of a review shared. */
    static String followUp(ReviewPhaseKind kind) {
        return kind == ReviewPhaseKind.PEERS
                ? "text: Anything HR should know about these reviewers? (optional)"
                : """
                yes/no: I have read my review
                text: Your comments (optional)""";
    }
}
