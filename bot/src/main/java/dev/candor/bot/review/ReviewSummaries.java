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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** A manager's weekly review summary as a DM: their reports done, still to do and away, in one message. */
public final class ReviewSummaries implements ReviewSummaryJob.Outbox {

    @Override
    public int queue(Handle handle, List<ReviewSummaryJob.Summary> summaries) {
        Map<String, List<ReviewSummaryJob.Summary>> byKey = new LinkedHashMap<>();
        summaries.forEach(summary ->
                byKey.computeIfAbsent(summary.key(), key -> new ArrayList<>()).add(summary));
        List<Outbox.UserMessage> messages = new ArrayList<>();
        for (List<ReviewSummaryJob.Summary> phases : byKey.values()) {
            ReviewSummaryJob.Summary first = phases.get(0);
            for (Contact contact : handle.attach(ContactDao.class).list(first.orgId(), List.of(first.managerId()))) {
                if (contact.platformUserId() != null) {
                    messages.add(new Outbox.UserMessage(
                            first.orgId(), contact.platform(), contact.platformUserId(), first.key(), message(phases)));
                }
            }
        }
        return messages.isEmpty() ? 0 : Outbox.toUsers(handle, messages);
    }

    /** One manager's summary of a cycle: a section per phase their reports have to do. */
    static Message message(List<ReviewSummaryJob.Summary> phases) {
        List<Block> blocks = new ArrayList<>();
        String headline = null;
        for (ReviewSummaryJob.Summary summary : phases) {
            String phase = ReviewPhaseKind.valueOf(summary.phase().toUpperCase(java.util.Locale.ROOT))
                    .label();
            int all = summary.done().size()
                    + summary.toDo().size()
                    + summary.away().size();
            String line = "📝 " + summary.cycleName() + ": " + summary.done().size() + " of " + all
                    + " of your reports did their " + phase.toLowerCase(java.util.Locale.ROOT) + ", due "
                    + ReviewMessages.day(summary.dueOn()) + ".";
            headline = headline == null ? line : headline;
            Text.Builder text = Text.builder().strong(line);
            text.lineBreak().plain("Still to do: " + String.join(", ", summary.toDo()));
            if (!summary.done().isEmpty()) {
                text.lineBreak().plain("Done: " + String.join(", ", summary.done()));
            }
            if (!summary.away().isEmpty()) {
                text.lineBreak().plain("Away: " + String.join(", ", summary.away()));
            }
            blocks.add(new Block.Section(text.build()));
        }
        blocks.add(new Block.Context(Text.of("Once a week while it runs, instead of a message per report.")));
        return new Message(headline, blocks);
    }
}
