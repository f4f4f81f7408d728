package dev.candor.bot.review;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.scheduler.review.ReviewSummaryJob;
import dev.candor.storage.checkin.Contact;
import dev.candor.storage.checkin.ContactDao;
import dev.candor.storage.review.ReviewPhaseKind;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** A manager's weekly review summary as a DM: their reports done, still to do and away, in one message. */
public final class ReviewSummaries implements ReviewSummaryJob.Outbox {

    @Override
    public int queue(Handle handle, List<ReviewSummaryJob.Summary> summaries) {
        List<Outbox.UserMessage> messages = new ArrayList<>();
        for (ReviewSummaryJob.Summary summary : summaries) {
            for (Contact contact :
                    handle.attach(ContactDao.class).list(summary.orgId(), List.of(summary.managerId()))) {
                if (contact.platformUserId() != null) {
                    messages.add(new Outbox.UserMessage(
                            summary.orgId(),
                            contact.platform(),
                            contact.platformUserId(),
                            summary.key(),
                            message(summary)));
                }
            }
        }
        return messages.isEmpty() ? 0 : Outbox.toUsers(handle, messages);
    }

    static Message message(ReviewSummaryJob.Summary summary) {
        String phase = ReviewPhaseKind.valueOf(summary.phase().toUpperCase(java.util.Locale.ROOT))
                .label();
        int all = summary.done().size() + summary.toDo().size() + summary.away().size();
        String headline = "📝 " + summary.cycleName() + ": " + summary.done().size() + " of " + all
                + " of your reports did their " + phase.toLowerCase(java.util.Locale.ROOT) + ", due "
                + ReviewMessages.day(summary.dueOn()) + ".";
        Text.Builder text = Text.builder().strong(headline);
        text.lineBreak().plain("Still to do: " + String.join(", ", summary.toDo()));
        if (!summary.done().isEmpty()) {
            text.lineBreak().plain("Done: " + String.join(", ", summary.done()));
        }
        if (!summary.away().isEmpty()) {
            text.lineBreak().plain("Away: " + String.join(", ", summary.away()));
        }
        return new Message(
                headline,
                List.of(
                        new Block.Section(text.build()),
                        new Block.Context(Text.of("Once a week while it runs, instead of a message per report."))));
    }
}
