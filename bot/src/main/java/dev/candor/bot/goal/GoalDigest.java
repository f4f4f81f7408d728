package dev.candor.bot.goal;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Text;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The goal changes of the past week a manager's check-in digest shows: their people's, as far as they may see. */
public final class GoalDigest {
    static final int SHOWN = 8;
    static final Duration PERIOD = Duration.ofDays(7);

    private GoalDigest() {}

    /** A section of the latest changes, or nothing when there were none the viewer may see. */
    public static List<Block> changes(Handle handle, long orgId, List<Long> people, long viewerId, Instant now) {
        GoalDao dao = handle.attach(GoalDao.class);
        List<GoalUpdate> updates = dao.listChangesOf(
                orgId, people.stream().mapToLong(Long::longValue).toArray(), now.minus(PERIOD), viewerId, SHOWN);
        if (updates.isEmpty()) {
            return List.of();
        }
        Map<Long, Optional<Goal>> goals = new HashMap<>();
        Text.Builder lines = Text.builder().strong("Goal changes this week").lineBreak();
        for (GoalUpdate update : updates) {
            Optional<Goal> goal = goals.computeIfAbsent(update.goalId(), id -> dao.find(orgId, id));
            goal.ifPresent(found -> lines.plain("• " + found.title() + ": " + GoalMessages.historyLine(found, update))
                    .lineBreak());
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Divider());
        blocks.add(new Block.Section(lines.build()));
        return blocks;
    }
}
