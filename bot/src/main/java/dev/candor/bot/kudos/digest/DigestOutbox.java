package dev.candor.bot.kudos.digest;

import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.recognition.DueDigest;
import dev.candor.scheduler.recognition.GapNudge;
import dev.candor.scheduler.recognition.RecognitionOutbox;
import dev.candor.scheduler.recognition.WeekInReview;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Turns the recognition jobs' decisions into chat messages and queues them in the outbox. */
public final class DigestOutbox implements RecognitionOutbox {

    @Override
    public boolean queueDigest(Handle handle, DueDigest digest, WeekInReview week) {
        return Outbox.toConversation(
                handle,
                digest.orgId(),
                digest.platform(),
                digest.channel(),
                digest.key(),
                DigestMessages.weekly(digest, week));
    }

    @Override
    public int queueGapNudges(Handle handle, List<GapNudge> nudges) {
        return Outbox.toUsers(
                handle,
                nudges.stream()
                        .map(nudge -> new Outbox.UserMessage(
                                nudge.orgId(),
                                nudge.platform(),
                                nudge.platformUserId(),
                                nudge.key(),
                                GapNudgeMessages.nudge(nudge)))
                        .toList());
    }
}
