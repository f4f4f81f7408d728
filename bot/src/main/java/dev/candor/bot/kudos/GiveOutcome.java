package dev.candor.bot.kudos;

import dev.candor.bot.chat.Message;
import dev.candor.storage.kudos.Kudos;
import java.util.List;

/** What became of a {@link GiveRequest}. */
sealed interface GiveOutcome {

    /** Stored, announced and the recipients' DMs queued. */
    record Given(Kudos kudos, List<String> values, Allowance allowance, String postedTo) implements GiveOutcome {}

    /** The same submission again: nothing new was stored or sent. */
    record AlreadyGiven(Kudos kudos) implements GiveOutcome {}

    /**
     * Not given, with the explanation for the giver.
     *
     * @param field the form input the problem is about: {@code people} or {@code message}
     */
    record Refused(Message reason, String field) implements GiveOutcome {}
}
