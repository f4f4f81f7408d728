package dev.candor.bot.feedback;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.storage.feedback.SpeakUpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What speak up says and sends: the form, the readers' DM, the author's notice (which says nothing of the thread),
 * the conversation as each side sees it (the readers named, the author "The author" to them and "You" to themselves),
 * confirmations and refusals.
 */
final class SpeakUpMessages {
    static final String SEND = "feedback.speakup.send";
    static final String REPLY = "feedback.speakup.reply";
    static final String MINE = "feedback.speakup.mine";
    static final String ANSWER = "feedback.speakup.answer";
    static final String TEXT = "message";
    /** The See replies button's value: it names nothing, so every notice is the same. */
    static final String MINE_VALUE = "replies";

    /**
     * How much of each message a form shows, and the list of conversations: a Teams card carries a form twice (shown
     * and in its submit data) and must stay under about 28 KB. The list shows the latest message whole, since the
     * author reads replies nowhere else; readers get each of the author's messages whole in their DMs.
     */
    private static final int IN_FORM = 1000;

    private static final int IN_LIST = 300;
    private static final int LAST = 4;

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 3000;

    private SpeakUpMessages() {}

    static Form form(String readers, boolean reachable) {
        return new Form(
                SEND,
                "Speak up anonymously",
                "Send",
                List.of(new Block.Context(Text.of("It goes to " + readers + " without your name, and Candor keeps no"
                        + " record of who wrote it. " + replies(reachable)))),
                List.of(new Form.TextInput(
                        TEXT,
                        "What would you like " + readers + " to know?",
                        "What happened, and what would help…",
                        true,
                        true,
                        null,
                        MAX_LENGTH)),
                "");
    }

    static Message sent(String readers, boolean reachable) {
        return Message.of("📣 Sent anonymously to " + readers + ". " + replies(reachable));
    }

    private static String replies(boolean reachable) {
        return reachable
                ? "Their replies come to you here, and you can answer back, without anyone learning who you are."
                : "This Candor has no CANDOR_ENCRYPTION_KEY, so replies can't reach you: ask the person who runs it"
                        + " to set one.";
    }

    /** The DM to each reader, with the message and Reply. */
    static Message delivered(UUID threadId, String body, List<String> readers, boolean chosen, boolean reachable) {
        String headline = "📣 Someone spoke up anonymously";
        String note = (chosen
                        ? "Sent to you alone, as HR chose. "
                        : "Sent to the HR admins: " + FeedbackMessages.joined(readers) + ". ")
                + (reachable
                        ? "Candor doesn't know who wrote it and tells nobody; Reply reaches them, and they can answer"
                                + " back, still anonymous."
                        : "Candor doesn't know who wrote it; without CANDOR_ENCRYPTION_KEY it can't pass a reply"
                                + " on to them.");
        return new Message(
                headline + ": " + body,
                List.of(
                        new Block.Section(Text.builder().strong(headline).build()),
                        new Block.Quote(Text.of(body)),
                        new Block.Context(Text.of(note)),
                        new Block.Buttons(List.of(replyButton(threadId)))));
    }

    static Block.Button replyButton(UUID threadId) {
        return new Block.Button(REPLY, "Reply", threadId.toString(), Block.ButtonStyle.PRIMARY);
    }

    static Form replyForm(UUID threadId, List<SpeakUpMessage> messages, long reader) {
        List<Block> intro = conversation(messages, reader, IN_FORM, false);
        intro.add(new Block.Context(Text.of("The author reads your reply in their chat with Candor, and nobody"
                + " learns who they are. The others it was sent to see it when they open this conversation.")));
        return form(REPLY, "Reply to the author", "Your reply", intro, threadId);
    }

    static Message replySent() {
        return Message.of("↩️ Sent. The author gets a notice and reads your reply in their chat with Candor; nobody"
                + " learns who they are.");
    }

    /** The author's notice: the same words for every reply to anyone, no thread, no text. */
    static Message notice() {
        String lead = "💬 Someone replied to a message you sent anonymously.";
        return new Message(
                lead,
                List.of(
                        new Block.Section(Text.of(lead)),
                        new Block.Context(Text.of("Only you can open it, and nobody learns who you are.")),
                        new Block.Buttons(List.of(
                                new Block.Button(MINE, "See replies", MINE_VALUE, Block.ButtonStyle.PRIMARY)))));
    }

    /** A conversation of the author's, as {@link SpeakUpConversation#mine} lists them. */
    record Thread(UUID id, List<SpeakUpMessage> messages) {}

    static Message mine(List<Thread> threads, int more) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Replies to what you sent anonymously"));
        for (Thread thread : threads) {
            blocks.add(new Block.Divider());
            blocks.addAll(conversation(thread.messages(), null, IN_LIST, true));
            blocks.add(new Block.Buttons(List.of(
                    new Block.Button(ANSWER, "Answer back", thread.id().toString(), Block.ButtonStyle.PRIMARY))));
        }
        String rest = more == 0
                ? ""
                : " " + more + " more " + (more == 1 ? "conversation shows" : "conversations show")
                        + " when you have answered these.";
        blocks.add(new Block.Context(Text.of("Only you see this; answering back keeps you anonymous." + rest)));
        return new Message("Replies to what you sent anonymously", blocks);
    }

    static Message noneYours() {
        return Message.of("There are no replies to anything you sent anonymously.");
    }

    static Form answerForm(UUID threadId, List<SpeakUpMessage> messages, List<String> readers) {
        List<Block> intro = conversation(messages, null, IN_FORM, false);
        intro.add(new Block.Context(
                Text.of("Your answer goes to " + FeedbackMessages.joined(readers) + " without your name.")));
        return form(ANSWER, "Answer back", "Your answer", intro, threadId);
    }

    /** The DM to each reader when the author answers back. */
    static Message answered(UUID threadId, String first, String body) {
        String lead = "💬 The author of an anonymous message answered back";
        return new Message(
                lead + ": " + body,
                List.of(
                        new Block.Section(Text.builder().strong(lead).build()),
                        new Block.Quote(Text.of(body)),
                        new Block.Context(Text.of("About: " + FeedbackMessages.abbreviated(first, 200))),
                        new Block.Buttons(List.of(replyButton(threadId)))));
    }

    static Message answerSent(List<String> readers) {
        return Message.of("↩️ Sent without your name to " + FeedbackMessages.joined(readers) + ".");
    }

    static Message alreadySent() {
        return Message.of("✅ That was sent already; nothing was sent twice.");
    }

    static Message off() {
        return Message.of(
                "Your HR admins have switched speaking up anonymously off. You can still talk to them" + " directly.");
    }

    static Message nobody() {
        return Message.of("There's nobody to receive it: Candor knows no HR admin here, or the person HR chose has"
                + " left. Ask an HR admin to choose someone.");
    }

    static Message toYourself() {
        return Message.of("Speak-up messages here go to you alone, so nobody else would read this one.");
    }

    static Message onlyInPersonalChat() {
        return Message.of("Speak up in your personal chat with Candor: everyone in this conversation sees what you"
                + " write here.");
    }

    static String tooShort() {
        return "Say a little more (at least " + MIN_LENGTH + " characters), so that they can understand and answer.";
    }

    static String tooLong(int length) {
        return "Keep it to " + MAX_LENGTH + " characters (this is " + length + "); send the rest as a second message.";
    }

    static Message notReader() {
        return Message.of("Only the people this anonymous message was sent to can reply to it.");
    }

    static Message notAuthor() {
        return Message.of("That conversation isn't yours: only the person who wrote it can open it.");
    }

    static Message unreachable() {
        return Message.of("This message came while Candor had no CANDOR_ENCRYPTION_KEY, so a reply can't reach its"
                + " author. Ask the person who runs Candor to set one, so that replies reach the next ones.");
    }

    /**
     * The conversation as {@code viewer} sees it (null: the author): the first message quoted, then the last few
     * others, each cut to {@code max} characters but the latest one when {@code latestWhole}.
     */
    static List<Block> conversation(List<SpeakUpMessage> messages, Long viewer, int max, boolean latestWhole) {
        List<Block> blocks = new ArrayList<>();
        SpeakUpMessage first = messages.get(0);
        blocks.add(new Block.Section(Text.builder()
                .strong(viewer == null ? "You wrote:" : "Someone wrote anonymously:")
                .build()));
        boolean firstWhole = latestWhole && messages.size() == 1;
        blocks.add(new Block.Quote(Text.of(firstWhole ? first.body() : cut(first.body(), max))));
        List<SpeakUpMessage> rest = messages.subList(1, messages.size());
        if (rest.size() > LAST) {
            int earlier = rest.size() - LAST;
            blocks.add(new Block.Context(Text.of(earlier + (earlier == 1 ? " earlier message" : " earlier messages"))));
            rest = rest.subList(earlier, rest.size());
        }
        for (int i = 0; i < rest.size(); i++) {
            SpeakUpMessage message = rest.get(i);
            boolean whole = latestWhole && i == rest.size() - 1;
            blocks.add(new Block.Section(Text.builder()
                    .strong(who(message, viewer) + ":")
                    .plain(" " + (whole ? message.body() : cut(message.body(), max)))
                    .build()));
        }
        return blocks;
    }

    /** Cut to {@code max} characters, keeping the writer's line breaks. */
    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String who(SpeakUpMessage message, Long viewer) {
        if (message.fromAuthor()) {
            return viewer == null ? "You" : "The author";
        }
        return message.senderId().equals(viewer) ? "You" : message.senderName();
    }

    private static Form form(String id, String title, String label, List<Block> intro, UUID threadId) {
        return new Form(
                id,
                title,
                "Send",
                intro,
                List.of(new Form.TextInput(TEXT, label, null, true, true, null, MAX_LENGTH)),
                threadId.toString());
    }
}
