package dev.candor.bot.ask;

import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Message;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ask's DMs and form as the golden tests of both platforms render them. */
public final class AskSamples {
    private static final AskText TEXT = new AskText("Weekly check-in", "Maria Lopez");
    private static final Instant DUE = Instant.parse("2026-12-04T16:00:00Z");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    public static final Questionnaire QUESTIONS = new Questionnaire(
            new Question.Mood("mood", "How was your week?", true),
            new Question.Scale("focus", "How focused were you?", false, "Not at all", "Completely"),
            new Question.Nps("nps", "Would you recommend working here?", false),
            new Question.Choice("where", "Where did you work?", false, List.of("Office", "Home"), true),
            new Question.Text("well", "What went well?", true, true, 500),
            new Question.YesNo("blocked", "Are you blocked?", false));

    private AskSamples() {}

    public static Map<String, Message> messages() {
        Map<String, Message> messages = new LinkedHashMap<>();
        messages.put("ask-dm", AskMessages.ask(TEXT, 42, DUE, LISBON, 0));
        messages.put("ask-reminder", AskMessages.ask(TEXT, 42, DUE, LISBON, 1));
        messages.put("ask-answered", AskMessages.answered(TEXT, 42, DUE, LISBON));
        return messages;
    }

    /** The form filled with a previous answer. */
    public static Form form() {
        Map<String, List<String>> given =
                Map.of("mood", List.of("4"), "where", List.of("1"), "well", List.of("Shipped the importer"));
        return AskForms.form(TEXT, 42, QUESTIONS, given, DUE, LISBON);
    }
}
