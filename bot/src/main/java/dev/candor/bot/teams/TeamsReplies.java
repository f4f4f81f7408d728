package dev.candor.bot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.server.RequestIds;
import java.util.ArrayList;
import java.util.List;

/** Neutral messages as Teams message activities carrying one Adaptive Card. */
final class TeamsReplies {
    private TeamsReplies() {}

    /**
     * The card as the only content. The fallback goes to {@code summary}, which Teams shows in notifications and
     * the activity feed; as {@code text} it would be shown a second time above the card.
     */
    static Activity activity(Message message) {
        Attachment card = new Attachment();
        card.setContentType(TeamsRenderer.CONTENT_TYPE);
        card.setContent(TeamsRenderer.card(message));
        Activity activity = Activity.createMessageActivity();
        activity.setSummary(message.fallbackText());
        activity.setAttachments(List.of(card));
        return activity;
    }

    /**
     * What a reply says in Teams. Teams has no ephemeral messages, so a private reply is sent as a normal reply in
     * the conversation: everyone there sees it.
     */
    static Message messageOf(Reply reply) {
        if (reply instanceof Reply.Public pub) {
            return pub.message();
        } else if (reply instanceof Reply.Private priv) {
            return priv.message();
        }
        return null;
    }

    /** The help, introduced: posted when someone adds Candor to a chat, a channel or their personal apps. */
    static Message welcome(Message help) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder()
                .plain("👋 Hi, I'm ")
                .strong("Candor")
                .plain(". I help your team recognise each other and share feedback, right here in Teams.")
                .build()));
        blocks.addAll(help.blocks());
        return new Message("Hi, I'm Candor. " + help.fallbackText(), blocks);
    }

    static Message failure() {
        return Message.of("Sorry, something went wrong on Candor's side and nothing was saved. Please try again"
                + " in a moment (request id " + RequestIds.current() + ").");
    }
}
