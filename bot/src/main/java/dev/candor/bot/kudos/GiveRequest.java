package dev.candor.bot.kudos;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.storage.kudos.Via;
import java.util.List;

/**
 * Someone wants to give kudos, however they asked: a command, a form, a reaction, a message shortcut.
 *
 * @param sourceKey identifies the submission on its platform, so a repeat is stored once
 * @param sourceMessageId the message a reaction or shortcut was about, or null
 * @param sourceUrl a link to that message, or null
 * @param parentKudosId for a +1: the kudos being joined
 * @param replyUrl where the platform lets Candor answer in the original conversation (Slack response_url), or null
 */
record GiveRequest(
        Actor giver,
        ConversationRef where,
        List<Mention> recipients,
        String message,
        Via via,
        String sourceKey,
        String sourceMessageId,
        String sourceUrl,
        Long parentKudosId,
        String replyUrl) {

    GiveRequest {
        recipients = List.copyOf(recipients);
    }

    static GiveRequest command(
            Actor giver,
            ConversationRef where,
            List<Mention> recipients,
            String message,
            String sourceKey,
            String replyUrl) {
        return new GiveRequest(giver, where, recipients, message, Via.COMMAND, sourceKey, null, null, null, replyUrl);
    }
}
