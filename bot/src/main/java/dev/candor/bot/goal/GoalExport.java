package dev.candor.bot.goal;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.server.CsvRows;
import dev.candor.bot.server.FileLinks;
import dev.candor.storage.goal.Goal;
import dev.candor.storage.goal.GoalCycle;
import dev.candor.storage.goal.GoalDao;
import dev.candor.storage.goal.GoalUpdate;
import dev.candor.storage.goal.GoalVisibility;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /goals export} (HR admins): the cycle's goals and their updates as one CSV behind an expiring link under
 * PUBLIC_URL, sent as a DM. A private goal ("only me and my manager") keeps its numbers but not its words.
 */
final class GoalExport {
    private final Jdbi jdbi;
    private final FileLinks links;

    GoalExport(Jdbi jdbi, FileLinks links) {
        this.jdbi = jdbi;
        this.links = links;
    }

    Reply export(Actor actor, GoalCycle cycle, String sourceKey) {
        if (!actor.isHrAdmin()) {
            return Reply.privately("Exports are for HR admins.");
        }
        if (links == null || !links.enabled()) {
            return Reply.privately("Exports are downloads from Candor itself: set PUBLIC_URL to the address where"
                    + " Candor is reachable, then try again.");
        }
        List<Goal> goals = jdbi.withExtension(GoalDao.class, dao -> dao.listOfCycle(actor.orgId(), cycle.id()));
        List<GoalUpdate> updates =
                jdbi.withExtension(GoalDao.class, dao -> dao.listUpdatesOfCycle(actor.orgId(), cycle.id()));
        Map<Long, String[]> scores = new HashMap<>();
        jdbi.useHandle(handle -> handle.select(
                        "SELECT id, final_score, retrospective FROM goals WHERE org_id = ? AND cycle_id = ?"
                                + " AND scored_at IS NOT NULL",
                        actor.orgId(),
                        cycle.id())
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .forEach(row -> scores.put((Long) row[0], new String[] {(String) row[1], (String) row[2]})));
        String url = links.publish(
                        actor.orgId(),
                        "text/csv",
                        "goals-" + cycle.name().replaceAll("[^A-Za-z0-9]+", "-") + ".csv",
                        csv(goals, updates, scores))
                .orElseThrow();
        Message dm = new Message(
                "Your export of the goals of " + cycle.name(),
                List.of(new Block.Section(Text.builder()
                        .plain("The goals of " + cycle.name() + " and every update, as CSV: ")
                        .link(url, "download")
                        .plain(". The link works for " + FileLinks.LIFETIME.toDays() + " days. Private goals keep"
                                + " their numbers but not their titles or comments.")
                        .build())));
        jdbi.useHandle(handle -> Outbox.toUser(
                handle, actor.orgId(), actor.platform(), actor.platformUserId(), "goal-export:" + sourceKey, dm));
        return Reply.privately(
                "I'm sending you a direct message with the download link for the goals of " + cycle.name() + ".");
    }

    static byte[] csv(List<Goal> goals, List<GoalUpdate> updates, Map<Long, String[]> scores) {
        StringBuilder csv = new StringBuilder();
        CsvRows.row(
                csv,
                "row",
                "goal",
                "title",
                "owners",
                "parent",
                "company",
                "measure",
                "start",
                "target",
                "unit",
                "value",
                "progress",
                "status",
                "visibility",
                "due",
                "when",
                "by",
                "old value",
                "new value",
                "old status",
                "new status",
                "comment",
                "final score",
                "retrospective");
        Map<Long, Goal> byId = new HashMap<>();
        for (Goal goal : goals) {
            byId.put(goal.id(), goal);
            boolean hidden = goal.visibility() == GoalVisibility.PRIVATE;
            CsvRows.row(
                    csv,
                    "goal",
                    Long.toString(goal.id()),
                    hidden ? "(private goal)" : goal.title(),
                    String.join("; ", goal.ownerNames()),
                    goal.parentId() == null ? "" : goal.parentId().toString(),
                    goal.company() ? "yes" : "no",
                    goal.measure().dbValue(),
                    GoalMessages.plain(goal.startValue()),
                    GoalMessages.plain(goal.targetValue()),
                    goal.unit(),
                    GoalMessages.plain(goal.currentValue()),
                    Integer.toString(goal.progress()),
                    goal.status().dbValue(),
                    goal.visibility().dbValue(),
                    goal.dueOn() == null ? "" : goal.dueOn().toString(),
                    goal.updatedAt().toString(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    scores.getOrDefault(goal.id(), new String[2])[0],
                    hidden ? "" : scores.getOrDefault(goal.id(), new String[2])[1]);
        }
        for (GoalUpdate update : updates) {
            Goal goal = byId.get(update.goalId());
            boolean hidden = goal == null || goal.visibility() == GoalVisibility.PRIVATE;
            CsvRows.row(
                    csv,
                    "update",
                    Long.toString(update.goalId()),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    update.createdAt().toString(),
                    update.personName(),
                    GoalMessages.plain(update.oldValue()),
                    GoalMessages.plain(update.newValue()),
                    update.oldStatus().dbValue(),
                    update.newStatus().dbValue(),
                    hidden || update.comment() == null ? "" : update.comment(),
                    "",
                    "");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
