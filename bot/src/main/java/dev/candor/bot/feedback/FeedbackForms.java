package dev.candor.bot.feedback;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Text;
import dev.candor.bot.checkin.Questions;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.FeedbackSettings;
import dev.candor.storage.feedback.Visibility;
import java.util.ArrayList;
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
    static final String REQUEST = "feedback.request";
    static final String PEOPLE = "people";
    static final String TOPIC = "topic";
    static final String ABOUT = "about";
    static final String ANONYMOUS = "anonymous";
    static final String QUESTIONS = "questions";

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

    /**
     * Asking for feedback: whom to ask, about what, optionally about someone else (a 360, for their manager or HR), and
     * anonymously when HR allows it.
     */
    static Form request(FeedbackSettings settings) {
        List<Form.Input> inputs = new ArrayList<>(
                List.of(
                        new Form.PeopleInput(
                                PEOPLE,
                                "Whom do you ask?",
                                FeedbackRequests.MAX_PEOPLE,
                                true,
                                List.of(),
                                "Up to " + FeedbackRequests.MAX_PEOPLE
                                        + " people. Each is asked in their working hours and" + " has "
                                        + FeedbackRequests.DUE_WORKING_DAYS + " working days to answer."),
                        new Form.TextInput(TOPIC, "About what?", "the Q4 launch demo", false, false, null, 300),
                        new Form.PeopleInput(
                                ABOUT,
                                "About someone else? (a 360)",
                                1,
                                false,
                                List.of(),
                                "Leave empty to ask about yourself. Only their manager or an HR admin can ask about someone;"
                                        + " the ask says who reads the answers."),
                        new Form.TextInput(
                                QUESTIONS,
                                "Questions",
                                "text: What should I keep doing?",
                                true,
                                false,
                                Questions.lines(FeedbackRequestFeature.questionnaire()),
                                3000,
                                "One per line, as type: question (text, short, scale, yes/no, choice [a | b], mood); add"
                                        + " (optional) to make one optional. Left as they are, a 360 asks them about the person.")));
        if (settings.anonymousRequests()) {
            inputs.add(new Form.YesNoInput(
                    ANONYMOUS,
                    "Anonymous answers?",
                    true,
                    "no",
                    "Answers show without names, all together, once at least " + FeedbackRequests.ANONYMOUS_MINIMUM
                            + " people answered."));
        }
        return new Form(
                REQUEST,
                "Ask for feedback",
                "Ask",
                List.of(new Block.Context(Text.of(
                        "Each answer comes to you in this chat as it arrives; people can decline with a reason."))),
                inputs,
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
