package dev.candor.bot.review;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.review.EvidenceDao;
import dev.candor.storage.review.ReviewCycle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The evidence packet shown above a review's questions: what the cycle's period left in Candor about the person
 * reviewed, each part only as far as the reader may see it (see {@link EvidenceDao}), each pointing to the command
 * that shows it in full. Check-ins are shown only to the person themselves.
 */
final class ReviewEvidence {
    static final int QUOTES = 3;
    static final int GOALS = 8;
    static final int ACTION_ITEMS = 10;
    static final int LONGEST_QUOTE = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ReviewEvidence() {}

    static List<Block> blocks(Handle handle, Platform platform, ReviewCycle cycle, long subjectId, long readerId) {
        Instant from = cycle.periodFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = cycle.periodTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        EvidenceDao dao = handle.attach(EvidenceDao.class);
        long orgId = cycle.orgId();
        boolean self = subjectId == readerId;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Divider());
        blocks.add(new Block.Section(Text.builder()
                .strong((self ? "What your " : "What their ") + ReviewMessages.day(cycle.periodFrom()) + " to "
                        + ReviewMessages.day(cycle.periodTo()) + " left in Candor")
                .build()));

        long kudos = dao.kudosReceived(orgId, subjectId, from, to);
        Text.Builder recognition = Text.builder().plain("🎉 ").strong(kudos + (kudos == 1 ? " kudos" : " kudos"));
        List<EvidenceDao.TagCount> values = dao.kudosValues(orgId, subjectId, from, to);
        if (!values.isEmpty()) {
            recognition.plain(": "
                    + values.stream()
                            .map(value -> "#" + value.tag() + " ×" + value.count())
                            .collect(Collectors.joining(", ")));
        }
        quotes(recognition, dao.kudosQuotes(orgId, subjectId, from, to, QUOTES));
        if (self) {
            recognition.lineBreak().emphasis(Syntax.command(platform, "kudos me") + " shows them all.");
        }
        blocks.add(new Block.Section(recognition.build()));

        long feedback = dao.feedbackReceived(orgId, subjectId, readerId, from, to);
        Text.Builder said = Text.builder()
                .plain("💬 ")
                .strong(feedback + (feedback == 1 ? " piece of feedback" : " pieces of feedback"))
                .plain(self ? " you may read" : " you may read (never what was private to them)");
        quotes(said, dao.feedbackQuotes(orgId, subjectId, readerId, from, to, QUOTES));
        if (self) {
            said.lineBreak().emphasis(Syntax.command(platform, "feedback me year") + " shows it in full.");
        }
        blocks.add(new Block.Section(said.build()));

        if (self) {
            EvidenceDao.Checkins checkins = dao.checkins(orgId, subjectId, from, to);
            Text.Builder answered = Text.builder()
                    .plain("📋 ")
                    .strong(checkins.answered() + (checkins.answered() == 1 ? " check-in" : " check-ins")
                            + " answered");
            if (checkins.mood() != null) {
                answered.plain(", average mood " + String.format(Locale.ROOT, "%.1f", checkins.mood()) + " of 5");
            }
            if (checkins.blocked() > 0) {
                answered.plain(", a blocker named in " + checkins.blocked());
            }
            answered.lineBreak().emphasis(Syntax.command(platform, "checkin history") + " shows your answers.");
            blocks.add(new Block.Section(answered.build()));
        }

        List<EvidenceDao.GoalLine> goals = dao.goals(orgId, subjectId, readerId, from, to, GOALS);
        Text.Builder goalLines = Text.builder().plain("🎯 ").strong(goals.isEmpty() ? "No goals" : "Goals");
        for (EvidenceDao.GoalLine goal : goals) {
            goalLines
                    .lineBreak()
                    .plain("• " + goal.title() + " (" + goal.cycleName() + "): " + goal.progress() + "%, "
                            + goal.status().replace('_', ' '));
        }
        goalLines
                .lineBreak()
                .emphasis(
                        self
                                ? Syntax.command(platform, "goals") + " shows the current ones."
                                : Syntax.command(platform, "goals team") + " shows your team's current ones.");
        blocks.add(new Block.Section(goalLines.build()));

        if (!self) {
            List<EvidenceDao.ActionItem> items = dao.actionItems(orgId, subjectId, readerId, from, to, ACTION_ITEMS);
            if (!items.isEmpty()) {
                Text.Builder actions = Text.builder().plain("🤝 ").strong("Action items from your 1:1s");
                for (EvidenceDao.ActionItem item : items) {
                    actions.lineBreak()
                            .plain((item.doneAt() == null ? "☐ " : "☑ ") + item.text() + " (" + item.owner() + ", "
                                    + DAY.format(item.createdAt().atOffset(ZoneOffset.UTC))
                                    + (item.doneAt() == null ? ", open" : ", done") + ")");
                }
                actions.lineBreak()
                        .emphasis(Syntax.command(platform, "checkin 1on1 list")
                                + " shows your 1:1s; each meeting's agenda lists the open ones.");
                blocks.add(new Block.Section(actions.build()));
            }
        }
        blocks.add(new Block.Divider());
        return blocks;
    }

    private static void quotes(Text.Builder text, List<EvidenceDao.Quote> quotes) {
        for (EvidenceDao.Quote quote : quotes) {
            String said = quote.text().strip().replaceAll("\\s+", " ");
            if (said.length() > LONGEST_QUOTE) {
                said = said.substring(0, LONGEST_QUOTE - 1) + "…";
            }
            text.lineBreak()
                    .plain("“" + said + "” — " + quote.author() + ", "
                            + DAY.format(quote.createdAt().atOffset(ZoneOffset.UTC)));
        }
    }
}
