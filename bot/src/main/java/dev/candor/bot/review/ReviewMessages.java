package dev.candor.bot.review;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What review cycles say to HR. */
final class ReviewMessages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private ReviewMessages() {}

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String review(Platform platform, String rest) {
        return Syntax.command(platform, "candor review" + (rest.isEmpty() ? "" : " " + rest));
    }

    static Message help(Platform platform) {
        return new Message(
                "Review cycles: " + review(platform, "new") + ", " + review(platform, "list") + ", "
                        + review(platform, "status NAME"),
                List.of(new Block.Section(Text.builder()
                        .strong(review(platform, ""))
                        .plain(" opens the review you have to write now, if any.")
                        .lineBreak()
                        .strong(review(platform, "new"))
                        .plain(" (HR admins) starts a cycle in one form: who takes part, the period it covers and its"
                                + " phases, each with its days (self review; peer nomination, approved by managers,"
                                + " and peer review; manager review; sharing, acknowledged by each person). Everyone"
                                + " with something to do is asked in a DM when a phase opens, in their own working"
                                + " hours, and reminded a week, a day and the morning before it is due (the end of"
                                + " their working day).")
                        .lineBreak()
                        .strong(review(platform, "list"))
                        .plain(" the cycles with their phases; ")
                        .strong(review(platform, "status NAME"))
                        .plain(" who has done what, per department, and who is late; ")
                        .strong(review(platform, "open NAME"))
                        .plain(" opens a phase now rather than on its day; ")
                        .strong(review(platform, "pause NAME"))
                        .plain(", ")
                        .strong(review(platform, "resume NAME"))
                        .plain(", ")
                        .strong(review(platform, "close NAME"))
                        .plain("; ")
                        .strong(review(platform, "export NAME"))
                        .plain(" the completion and ratings as CSV (what people wrote stays in Candor).")
                        .build())));
    }

    static String people(long count) {
        return count == 1 ? "1 person" : count + " people";
    }

    /** What happens in a phase, as a sentence's start: "Managers review their reports". */
    static String who(dev.candor.storage.review.ReviewPhaseKind kind) {
        return switch (kind) {
            case SELF -> "Everyone reviews themselves";
            case PEERS -> "Everyone proposes peer reviewers, whom their manager approves,";
            case PEER -> "The approved peers review them";
            case MANAGER -> "Managers review their reports";
            case SHARING -> "Managers share their reviews, which each person acknowledges,";
        };
    }
}
