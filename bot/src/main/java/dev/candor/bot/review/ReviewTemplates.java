package dev.candor.bot.review;

import dev.candor.storage.review.ReviewPhaseKind;

/** The questions each phase starts from, as lines of the check-ins' syntax (HR edits them in the form). */
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
            case MANAGER ->
                """
                scale: How well did they meet their goals this period? [Not at all | Completely]
                text: What were their biggest contributions?
                text: What should they focus on next period?
                scale: Overall rating [Needs improvement | Exceptional]""";
        };
    }
}
