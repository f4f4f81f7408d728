package dev.candor.bot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
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
        return activity(TeamsAnswer.Card.of(message));
    }

    static Activity activity(TeamsAnswer.Card card) {
        Activity activity = Activity.createMessageActivity();
        activity.setSummary(card.summary());
        activity.setAttachments(List.of(attachment(card.content())));
        return activity;
    }

    static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(TeamsRenderer.CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }

    /** The help, introduced: posted when someone adds Candor to a chat, a channel or their personal apps. */
    static Message welcome(Message help) {
        return welcome(help, null);
    }

    /**
     * The welcome of a personal chat: Teams has no home tab without a web page of Candor's own, so the person's home
     * sections ({@code home}, or null for none) come here, between the greeting and the help.
     */
    static Message welcome(Message help, Message home) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder()
                .plain("👋 Hi, I'm ")
                .strong("Candor")
                .plain(". I help your team recognise each other and share feedback, right here in Teams.")
                .build()));
        if (home != null && !home.blocks().isEmpty()) {
            blocks.addAll(home.blocks());
            blocks.add(new Block.Divider());
        }
        blocks.addAll(help.blocks());
        return new Message("Hi, I'm Candor. " + help.fallbackText(), blocks);
    }

    static Message failure() {
        return Message.of("Sorry, something went wrong on Candor's side and nothing was saved. Please try again"
                + " in a moment (request id " + RequestIds.current() + ").");
    }
}
