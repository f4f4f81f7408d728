package dev.candor.bot.feedback;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.SubjectSees;
import dev.candor.storage.feedback.Visibility;
import java.util.List;
import java.util.regex.Pattern;

/** What {@code /feedback} says and sends: the DMs with the feedback, confirmations, refusals and help. */
final class FeedbackMessages {
    static final String THANK = "feedback.thank";
    static final String REPLY = "feedback.reply";

    /** Words of public praise: the confirmation then points to kudos, which says it in front of everyone. */
    private static final Pattern THANKS = Pattern.compile(
            "\\b(thanks|thank you|thx|kudos|shout-?out|great job|well done|awesome job|nice work)\\b",
            Pattern.CASE_INSENSITIVE);

    private FeedbackMessages() {}

    static String feedback(Platform platform) {
        return Syntax.command(platform, "feedback");
    }

    static Message help(Platform platform) {
        String feedback = feedback(platform);
        return new Message(
                "Feedback: " + feedback + " @name what went well and what could be better",
                List.of(
                        new Block.Header("Feedback"),
                        new Block.Section(Text.builder()
                                .strong(feedback + " @name what you did well, what could be better")
                                .plain(" gives feedback in one line, private to them.")
                                .lineBreak()
                                .strong(feedback)
                                .plain(" alone opens a form: what went well, what could be better, and who reads it"
                                        + " (them; them and their manager; or their manager alone).")
                                .lineBreak()
                                .strong(feedback + " request [anonymous] @name @name about what")
                                .plain(" asks people for feedback: each answers in their working hours, and each"
                                        + " answer comes to you with their name. ")
                                .strong(feedback + " request")
                                .plain(" alone opens a form.")
                                .lineBreak()
                                .strong(feedback + " request about @name from @name @name")
                                .plain(" (managers): a 360 about a report; the answers come to you.")
                                .lineBreak()
                                .strong(feedback + " nominate @name @name")
                                .plain(" proposes the peers your manager should ask about you.")
                                .lineBreak()
                                .strong(feedback + " anonymous what you'd like HR to know")
                                .plain(" sends it to HR (or the person HR chose) without your name; they can reply,"
                                        + " and you can answer back, still anonymous. ")
                                .strong(feedback + " anonymous replies")
                                .plain(" shows the replies to what you sent.")
                                .lineBreak()
                                .strong(feedback + " me [@name] [week|month|quarter|year]")
                                .plain(" shows the latest feedback you received and gave.")
                                .lineBreak()
                                .strong(feedback + " team")
                                .plain(" (managers): how much feedback each report received and gave in 90 days,"
                                        + " and what was meant for you.")
                                .build()),
                        new Block.Context(Text.of("Public thanks are " + Syntax.command(platform, "kudos")
                                + ". HR admins don't read feedback: it stays between the people it names."))));
    }

    static Message usage(Platform platform) {
        String feedback = feedback(platform);
        return Message.of("Say who it is for and what you'd like them to know, e.g. " + feedback
                + " @Ana the demo was clear; next time leave time for questions. " + feedback
                + " alone opens a form, " + feedback + " help shows more.");
    }

    static Message oneAtATime(Platform platform) {
        return Message.of("Feedback goes to one person at a time, so each reads only their own. Send "
                + feedback(platform) + " @name … once for each.");
    }

    static Message toYourself() {
        return Message.of("Feedback to yourself is a note: Candor sends feedback to someone else.");
    }

    static Message toBot(String name) {
        return Message.of(name + " is a bot: feedback goes to people.");
    }

    static Message inactive(String name) {
        return Message.of(name + " has left or is deactivated, so they can't read feedback any more.");
    }

    static Message unknown(Platform platform, String name) {
        return Message.of("Candor doesn't know " + name + " in this workspace. Pick them with "
                + Syntax.command(platform, "feedback") + " alone (the form), or check the name.");
    }

    static Message tooShort(String name, int minimum) {
        return Message.of(
                "Say a little more (at least " + minimum + " characters), so that " + name + " knows what you mean.");
    }

    static Message noManager(String name) {
        return Message.of(name + " has no manager in Candor's directory, so only \"Private\" is possible. HR can"
                + " add managers with the people import.");
    }

    static Message confirmation(
            Platform platform, String recipient, String manager, Visibility visibility, String body) {
        String who =
                switch (visibility) {
                    case PRIVATE -> "Only " + recipient + " (and you) can read it.";
                    case WITH_MANAGER -> recipient + " and their manager " + manager + " can read it.";
                    case MANAGER_ONLY -> "Only " + manager + ", " + recipient + "'s manager, can read it.";
                };
        String sent = visibility == Visibility.MANAGER_ONLY
                ? "✅ Feedback about " + recipient + " sent to " + manager
                : "✅ Feedback sent to " + recipient;
        StringBuilder text = new StringBuilder(sent + ". " + who);
        if (THANKS.matcher(body).find()) {
            text.append(" Sounds like praise: ")
                    .append(Syntax.command(platform, "kudos"))
                    .append(" @")
                    .append(recipient)
                    .append(" … says it in public.");
        }
        return Message.of(text.toString());
    }

    static Message notAllowed(Visibility visibility) {
        return Message.of("Your HR admins don't allow \"" + FeedbackForms.choiceLabel(visibility) + "\" here; choose"
                + " another way to share it.");
    }

    static Message requestUsage(Platform platform) {
        return Message.of("Say whom to ask and about what, e.g. " + feedback(platform)
                + " request @Li @Mo about the Q4 launch demo, or type " + feedback(platform)
                + " request alone for a form.");
    }

    static Message aboutUsage(Platform platform) {
        return Message.of("Say whom it is about and whom to ask, e.g. " + feedback(platform)
                + " request about @Ana from @Li @Mo @Zoe for the mid-year review.");
    }

    static Message notTheirManager(Platform platform, String name) {
        return Message.of("Only " + name + "'s manager (or an HR admin) can ask for feedback about them. " + name
                + " can propose peers to their manager with " + feedback(platform) + " nominate @name @name.");
    }

    static Message requestedAbout(List<String> names, String subject, String topic, int workingDays, SubjectSees sees) {
        String who = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return Message.of("📨 Asked " + who + " for feedback about " + subject + ": " + topic + ". Each gets it in"
                + " their own working hours and has " + workingDays + " working days, with a reminder on the way;"
                + " each answer comes to you here, with their name. " + subjectReads(subject, sees)
                + " The ask tells them so.");
    }

    static Message nominateUsage(Platform platform) {
        return Message.of("Say whom your manager should ask about you, e.g. " + feedback(platform)
                + " nominate @Li @Mo for the mid-year review. Your manager approves, then each is asked.");
    }

    /** "Li", "Li and Mo", "Li, Mo and Zoe". */
    static String joined(List<String> names) {
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String subjectReads(String subject, SubjectSees sees) {
        return switch (sees) {
            case NAMED -> subject + " reads each answer too, with the name.";
            case ANONYMOUS ->
                subject + " reads them without names, all together when the request closes, if at" + " least "
                        + FeedbackRequests.ANONYMOUS_MINIMUM + " answered.";
            case NONE -> subject + " doesn't read them.";
        };
    }

    /** The manager's DM: someone proposes peers to ask about them. */
    static Message nominated(long nomination, String subject, List<String> names, String topic, SubjectSees sees) {
        String headline =
                "🙋 " + subject + " proposes " + joined(names) + " to give feedback about " + subject + ": " + topic;
        String how = "Approving asks them now, in their working hours; their answers come to you with their names. "
                + subjectReads(subject, sees);
        return new Message(
                headline + ". " + how,
                List.of(
                        new Block.Section(Text.builder().strong(headline).build()),
                        new Block.Context(Text.of(how)),
                        FeedbackNominations.buttons(nomination)));
    }

    static Message nominationApproved(String manager, List<String> names, String topic, SubjectSees sees) {
        String you =
                switch (sees) {
                    case NAMED -> "You read each answer too, with the name.";
                    case ANONYMOUS ->
                        "You read the answers without names, all together when the request closes, if at least "
                                + FeedbackRequests.ANONYMOUS_MINIMUM + " answered.";
                    case NONE -> "The answers go to " + manager + " alone.";
                };
        return Message.of("✅ " + manager + " approved your nomination and asked " + joined(names)
                + " for feedback about " + topic + ". " + you);
    }

    static Message requestTooMany(int most) {
        return Message.of("Ask up to " + most + " people at a time, so that each answer gets read.");
    }

    static Message notAboutYourself(Platform platform) {
        return Message.of("To ask about your own work, leave \"about someone else\" empty, or type "
                + feedback(platform) + " request @Li @Mo about the Q4 launch demo.");
    }

    static Message alreadyRequested() {
        return Message.of("✅ That request was sent already; nobody was asked twice.");
    }

    static Message requested(List<String> names, String topic, int workingDays, boolean anonymous, int minimum) {
        String who = names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        String answers = anonymous
                ? "when the request closes, their answers come to you here without names, in random order, if at"
                        + " least " + minimum + " answered."
                : "each answer comes to you here, with their name.";
        return Message.of("📨 Asked " + who + (anonymous ? " anonymously" : "") + " for feedback about " + topic
                + ". Each gets it in their own working hours and has " + workingDays + " working days, with a"
                + " reminder on the way; " + answers);
    }

    static Message anonymousNotAllowed(Platform platform) {
        return Message.of("Your HR admins haven't switched anonymous requests on. Ask by name with "
                + feedback(platform) + " request @name about …");
    }

    static Message anonymousTooFew(int minimum) {
        return Message.of("Ask at least " + minimum + " people anonymously, so that no answer can be told apart.");
    }

    static Message alreadyGiven() {
        return Message.of("✅ That feedback was sent already; nothing was sent twice.");
    }

    /** The DM to whoever the feedback is for: the recipient, or their manager alone. */
    static Message delivered(Feedback feedback, boolean toManager) {
        String headline;
        String note;
        if (!toManager) {
            headline = "💬 Feedback from " + feedback.giverName();
            note = feedback.visibility() == Visibility.WITH_MANAGER
                    ? "Your manager can read it too. Only you, " + feedback.giverName() + " and your manager see it."
                    : "Only you and " + feedback.giverName() + " can read it.";
        } else if (feedback.visibility() == Visibility.MANAGER_ONLY) {
            headline = "💬 Feedback about " + feedback.recipientName() + "'s work, for you alone, from "
                    + feedback.giverName();
            note = feedback.recipientName() + " doesn't see it; pass on what helps.";
        } else {
            headline = "💬 " + feedback.giverName() + " gave " + feedback.recipientName() + " feedback";
            note = feedback.recipientName() + " received it too; you read it as their manager.";
        }
        List<Block.Button> buttons = toManager
                ? List.of(replyButton(feedback))
                : List.of(
                        new Block.Button(THANK, "Thank", Long.toString(feedback.id()), Block.ButtonStyle.PRIMARY),
                        replyButton(feedback));
        return new Message(
                headline + ": " + feedback.body(),
                List.of(
                        new Block.Section(Text.builder().strong(headline).build()),
                        new Block.Quote(Text.of(feedback.body())),
                        new Block.Context(Text.of(note)),
                        new Block.Buttons(buttons)));
    }

    static Message thanked(Feedback feedback) {
        return new Message(
                feedback.recipientName() + " thanked you for your feedback",
                List.of(
                        new Block.Section(Text.builder()
                                .plain("🙏 ")
                                .strong(feedback.recipientName())
                                .plain(" thanked you for your feedback:")
                                .build()),
                        new Block.Quote(Text.of(abbreviated(feedback.body(), 300)))));
    }

    static Message thankConfirmed(Feedback feedback, boolean first) {
        return Message.of(
                first
                        ? "🙏 " + feedback.giverName() + " will hear that you thanked them."
                        : "You thanked " + feedback.giverName() + " already.");
    }

    /** A reply under the feedback, to the other side of the conversation. */
    static Message reply(Feedback feedback, String senderName, String body) {
        return new Message(
                senderName + " replied about feedback: " + body,
                List.of(
                        new Block.Section(Text.builder()
                                .plain("↩️ ")
                                .strong(senderName)
                                .plain(" replied about the feedback ")
                                .plain(feedback.giverName() + " gave " + feedback.recipientName() + ":")
                                .build()),
                        new Block.Quote(Text.of(body)),
                        new Block.Context(Text.of("About: " + abbreviated(feedback.body(), 200))),
                        new Block.Buttons(List.of(replyButton(feedback)))));
    }

    static Message replySent(String to) {
        return Message.of("↩️ Your reply is on its way to " + to + ".");
    }

    static Message notYours() {
        return Message.of("That feedback isn't yours to read, so Candor can't do that.");
    }

    static Block.Button replyButton(Feedback feedback) {
        return new Block.Button(REPLY, "Reply", Long.toString(feedback.id()), Block.ButtonStyle.DEFAULT);
    }

    static String abbreviated(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    static String visibilityLabel(Visibility visibility) {
        return switch (visibility) {
            case PRIVATE -> "private";
            case WITH_MANAGER -> "with their manager";
            case MANAGER_ONLY -> "for their manager only";
        };
    }
}
