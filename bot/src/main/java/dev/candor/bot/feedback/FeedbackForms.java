package dev.candor.bot.feedback;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Text;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.FeedbackSettings;
import dev.candor.storage.feedback.Visibility;
import java.util.List;

/** The forms of feedback: giving it (who, what went well, what could be better, who reads it) and replying. */
final class FeedbackForms {
    static final String GIVE = "feedback.give";
    static final String REPLY = "feedback.reply";
    static final String PERSON = "person";
    static final String WENT_WELL = "went_well";
    static final String BETTER = "better";
    static final String VISIBILITY = "visibility";
    static final String TEXT = "text";

    private FeedbackForms() {}

    /** The form with the visibilities the organisation allows (private always). */
    static Form give(Mention person, FeedbackSettings settings) {
        return new Form(
                GIVE,
                "Give feedback",
                "Send",
                List.of(new Block.Context(
                        Text.of("Feedback is for the people you choose below; HR admins don't read it."))),
                List.of(
                        new Form.PeopleInput(
                                PERSON, "Who is it for?", 1, true, person == null ? List.of() : List.of(person)),
                        new Form.TextInput(
                                WENT_WELL,
                                "What went well?",
                                "The demo was clear and…",
                                true,
                                false,
                                null,
                                FeedbackGiving.MAX_LENGTH / 2),
                        new Form.TextInput(
                                BETTER,
                                "What could be better?",
                                "Next time, try…",
                                true,
                                false,
                                null,
                                FeedbackGiving.MAX_LENGTH / 2),
                        new Form.ChoiceInput(
                                VISIBILITY,
                                "Who reads it?",
                                settings.allowed().stream()
                                        .map(visibility ->
                                                new Form.Choice(visibility.dbValue(), choiceLabel(visibility)))
                                        .toList(),
                                false,
                                true,
                                List.of(Visibility.PRIVATE.dbValue()))),
                "");
    }

    static String choiceLabel(Visibility visibility) {
        return switch (visibility) {
            case PRIVATE -> "Only them";
            case WITH_MANAGER -> "Them and their manager";
            case MANAGER_ONLY -> "Only their manager (about their work)";
        };
    }

    /** One text of the form's two parts, each under its heading when both are given. */
    static String body(String wentWell, String better) {
        String well = wentWell == null ? "" : wentWell.strip();
        String next = better == null ? "" : better.strip();
        if (well.isEmpty() || next.isEmpty()) {
            return well.isEmpty() ? next : well;
        }
        return "What went well: " + well + "\n\nWhat could be better: " + next;
    }

    static Form reply(Feedback feedback, String to) {
        return new Form(
                REPLY,
                "Reply to " + abbreviatedName(to),
                "Send",
                List.of(
                        new Block.Context(Text.of("About the feedback " + feedback.giverName() + " gave "
                                + feedback.recipientName() + ":")),
                        new Block.Quote(Text.of(FeedbackMessages.abbreviated(feedback.body(), 500)))),
                List.of(new Form.TextInput(
                        TEXT, "Your reply to " + to, "Thanks, I'll…", true, true, null, FeedbackGiving.MAX_LENGTH)),
                Long.toString(feedback.id()));
    }

    /** Slack keeps a form's title to 24 characters. */
    private static String abbreviatedName(String name) {
        return name.length() <= 15 ? name : name.substring(0, 14) + "…";
    }
}
