package dev.candor.bot.oneonone;

import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.oneonone.MeetingMessage;
import dev.candor.scheduler.oneonone.OneOnOneOutbox;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Turns the 1:1 sweep's decisions into DMs and queues them in the outbox. */
public final class OneOnOneDms implements OneOnOneOutbox {

    @Override
    public int queue(Handle handle, List<MeetingMessage> messages) {
        return Outbox.toUsers(
                handle,
                messages.stream()
                        .map(dm -> new Outbox.UserMessage(
                                dm.orgId(),
                                dm.to().platform(),
                                dm.to().platformUserId(),
                                dm.key(),
                                dm.kind() == MeetingMessage.Kind.REMINDER
                                        ? MeetingMessages.reminder(dm)
                                        : MeetingMessages.notesPrompt(dm)))
                        .toList());
    }
}
