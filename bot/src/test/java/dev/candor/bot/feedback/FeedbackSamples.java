package dev.candor.bot.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Message;
import dev.candor.storage.Platform;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.FeedbackTally;
import dev.candor.storage.feedback.Visibility;
import dev.candor.storage.people.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Feedback's section of the home and its messages with fixed data, for the platforms' golden tests. */
public final class FeedbackSamples {
    private FeedbackSamples() {}

    /** A manager's section with three pieces received: one private, one shared with their manager, one long. */
    public static Message home(Platform platform) {
        List<Feedback> latest = List.of(
                received(3, "Gil", Visibility.PRIVATE, "The demo was clear; next time leave time for questions.", 4),
                received(2, "Li", Visibility.WITH_MANAGER, "The launch plan was thorough.", 20),
                received(1, "Mo", Visibility.PRIVATE, "Your review notes were precise and kind. ".repeat(10), 60));
        return new Message(
                "Your feedback", FeedbackHome.section(viewer(platform), new FeedbackTally(7, 2, true), latest));
    }

    /** Someone without reports who has received nothing yet. */
    public static Message newcomerHome(Platform platform) {
        return new Message(
                "Your feedback", FeedbackHome.section(viewer(platform), new FeedbackTally(0, 0, false), List.of()));
    }

    /**
     * An anonymous request's answers as the requester reads them when it closes, in a fixed order here (Candor
     * shuffles them), and the note when too few answered.
     */
    public static Map<String, Message> anonymousAnswers() {
        Map<String, Message> messages = new LinkedHashMap<>();
        messages.put(
                "feedback-anonymous-answers",
                FeedbackRequestFeature.anonymousAnswers(
                        FeedbackRequestFeature.questionnaire(),
                        "your feedback request about the offsite",
                        List.of(
                                answer("Clear agenda for the offsite", "Shorter sessions after lunch"),
                                answer("Good venue", ""),
                                answer("Strong facilitation", "Send the notes the same day"))));
        messages.put(
                "feedback-anonymous-too-few",
                FeedbackRequestFeature.anonymousAnswers(
                        FeedbackRequestFeature.questionnaire(),
                        "your feedback request about the offsite",
                        List.of(answer("Good venue", ""))));
        return messages;
    }

    private static JsonNode answer(String keep, String better) {
        return JsonNodeFactory.instance
                .objectNode()
                .put(FeedbackRequestFeature.KEEP, keep)
                .put(FeedbackRequestFeature.BETTER, better);
    }

    private static Feedback received(long id, String giver, Visibility visibility, String body, int daysAgo) {
        return new Feedback(
                id,
                1,
                10 + id,
                giver,
                1,
                "Ana Lopez",
                visibility == Visibility.PRIVATE ? null : 9L,
                visibility,
                body,
                Instant.parse("2026-12-04T10:00:00Z").minusSeconds(86_400L * daysAgo),
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
                Role.MANAGER,
                ZoneId.of("Europe/Berlin"),
                Locale.ENGLISH);
    }
}
