package dev.candor.bench;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The data {@code /goals team} and {@code /goals company} are measured on, generated inside PostgreSQL: the people of
 * {@link StatsData} under the manager tree of {@link FeedbackData}, this quarter's cycle, and {@code goals} goals:
 * 100 company goals with 5 key results each and 5 goals under each key result, the rest on their own; owners skewed
 * as for kudos, one in ten with a second owner; 70 % seen by everyone, 20 % by the team, 10 % private; 60 % on track,
 * 20 % at risk, 10 % off track, 10 % done; last updated within 40 days; and {@code updates} updates over 90 days.
 */
final class GoalData {
    private GoalData() {}

    /** @param managers person numbers with at least one active report, the 10 biggest teams first */
    record Loaded(long orgId, int people, long goals, long updates, List<Integer> managers, int biggestTeam) {}

    static Loaded generate(Jdbi jdbi, int people, int goals, int updates) {
        long orgId = jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL synchronous_commit = off");
            handle.execute("SET LOCAL work_mem = '256MB'");
            handle.execute("SELECT setseed(0.42)");
            long org = StatsData.insertOrganisation(handle);
            long first = StatsData.insertPeople(handle, org, people);
            FeedbackData.insertTree(handle, org, first, people - StatsData.BOTS);
            long cycle = insertCycle(handle, org);
            insertGoals(handle, org, cycle, first, people - StatsData.BOTS, 0, goals, 40);
            insertUpdates(handle, org, updates);
            return org;
        });
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
        return jdbi.withHandle(handle -> loaded(handle, orgId, people));
    }

    /** {@code count} more goals, last updated 20 to 60 days ago: stale, for the weekly ask's planning. */
    static void addStale(Jdbi jdbi, long orgId, int people, long offset, int count) {
        jdbi.useTransaction(handle -> {
            handle.execute("SET LOCAL synchronous_commit = off");
            long first = handle.select("SELECT min(id) FROM people WHERE org_id = ?", orgId)
                    .mapTo(Long.class)
                    .one();
            long cycle = handle.select("SELECT max(id) FROM goal_cycles WHERE org_id = ?", orgId)
                    .mapTo(Long.class)
                    .one();
            insertGoals(handle, orgId, cycle, first, people - StatsData.BOTS, offset, count, -60);
        });
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE goals"));
    }

    static long insertCycle(Handle handle, long orgId) {
        return handle.select(
                        """
                        INSERT INTO goal_cycles (org_id, name, starts_on, ends_on)
                        SELECT ?, 'Q' || extract(quarter FROM now())::int || ' ' || extract(year FROM now())::int,
                               date_trunc('quarter', now())::date,
                               (date_trunc('quarter', now()) + interval '3 months' - interval '1 day')::date
                        RETURNING id""",
                        orgId)
                .mapTo(Long.class)
                .one();
    }

    /**
     * Goals {@code offset + 1 … offset + count}; {@code days} &gt; 0: updated within that many days, &lt; 0: 20 days to
     * that many days ago. Ids follow the numbers, so parents (numbers 1–600 of the first batch) come first.
     */
    static void insertGoals(
            Handle handle, long orgId, long cycle, long first, int humans, long offset, int count, int days) {
        handle.createUpdate(
                        """
                        WITH drawn AS MATERIALIZED (
                            SELECT i, random() AS v, random() AS s, random() AS m, random() AS second,
                                   1 + (floor(:humans * power(random(), 2))::bigint * 7919) % :humans AS owner
                            FROM generate_series(:offset + 1, :offset + :count) i)
                        INSERT INTO goals (org_id, cycle_id, parent_id, title, measure, start_value, target_value, unit,
                                           current_value, status, visibility, due_on, created_by, source_key,
                                           created_at, updated_at, company)
                        SELECT :org, :cycle,
                               CASE WHEN :offset = 0 AND i BETWEEN 101 AND 600 THEN :firstGoal + (i % 100)
                                    WHEN :offset = 0 AND i BETWEEN 601 AND 3100 THEN :firstGoal + 100 + (i % 500)
                               END,
                               (ARRAY['Ship the billing migration', 'Reduce churn in the pilot', 'Hire two engineers',
                                      'Publish the onboarding guide', 'Grow enterprise revenue'])[1 + i % 5]
                                   || ' ' || i,
                               (ARRAY['percent', 'percent', 'number', 'number', 'done'])[1 + (i % 5)],
                               0, CASE WHEN i % 5 IN (2, 3) THEN 10 + i % 990 WHEN i % 5 = 4 THEN 1 ELSE 100 END,
                               CASE WHEN i % 5 IN (2, 3) THEN 'customers' END,
                               CASE WHEN i % 5 = 4 THEN floor(m * 2) ELSE floor(m * 100) END,
                               CASE WHEN s < 0.6 THEN 'on_track' WHEN s < 0.8 THEN 'at_risk'
                                    WHEN s < 0.9 THEN 'off_track' ELSE 'done' END,
                               CASE WHEN :offset = 0 AND i <= 3100 OR v < 0.7 THEN 'everyone'
                                    WHEN v < 0.9 THEN 'team' ELSE 'private' END,
                               (date_trunc('quarter', now()) + interval '3 months' - interval '1 day')::date
                                   - (i % 60)::int,
                               :first + CASE WHEN :offset = 0 AND i <= 100 THEN 0 ELSE owner - 1 END,
                               'bench-goal:' || i, now() - interval '80 days',
                               CASE WHEN :days > 0 THEN now() - random() * :days * interval '1 day'
                                    ELSE now() - interval '20 days' - random() * (-:days - 20) * interval '1 day' END,
                               :offset = 0 AND i <= 100
                        FROM drawn ORDER BY i""")
                .bind("humans", humans)
                .bind("first", first)
                .bind("org", orgId)
                .bind("cycle", cycle)
                .bind("offset", offset)
                .bind("count", count)
                .bind("days", days)
                .bind("firstGoal", offset == 0 ? nextGoalId(handle) : 0L)
                .execute();
        handle.execute(
                """
                INSERT INTO goal_owners (org_id, goal_id, person_id)
                SELECT org_id, id, created_by FROM goals WHERE org_id = ? AND source_key LIKE 'bench-goal:%'
                ON CONFLICT DO NOTHING""",
                orgId);
        handle.execute(
                """
                INSERT INTO goal_owners (org_id, goal_id, person_id)
                SELECT g.org_id, g.id, p.id FROM goals g JOIN people p ON p.org_id = g.org_id AND p.id = g.created_by + 1
                WHERE g.org_id = ? AND g.id % 10 = 3 AND p.active AND NOT p.is_bot
                ON CONFLICT DO NOTHING""",
                orgId);
    }

    private static long nextGoalId(Handle handle) {
        return handle.select("SELECT coalesce(max(id), 0) + 1 FROM goals")
                .mapTo(Long.class)
                .one();
    }

    private static void insertUpdates(Handle handle, long orgId, int updates) {
        handle.createUpdate(
                        """
                        WITH bounds AS (SELECT min(id) AS lo, max(id) AS hi FROM goals WHERE org_id = :org),
                        drawn AS MATERIALIZED (
                            SELECT i, lo + floor(random() * (hi - lo + 1))::bigint AS goal, random() AS v
                            FROM generate_series(1, :updates) i, bounds)
                        INSERT INTO goal_updates (org_id, goal_id, person_id, old_value, new_value, old_status,
                                                  new_status, comment, source_key, created_at)
                        SELECT :org, g.id, g.created_by, floor(d.v * 50), floor(d.v * 50) + 5, 'on_track',
                               g.status, CASE WHEN d.i % 3 = 0 THEN 'waiting on finance ' || d.i END,
                               'bench-update:' || d.i, now() - random() * interval '90 days'
                        FROM drawn d JOIN goals g ON g.id = d.goal ORDER BY d.i""")
                .bind("org", orgId)
                .bind("updates", updates)
                .execute();
    }

    private static Loaded loaded(Handle handle, long orgId, int people) {
        long first = handle.select("SELECT min(id) FROM people WHERE org_id = ?", orgId)
                .mapTo(Long.class)
                .one();
        List<long[]> teams = handle.select(
                        """
                        SELECT m.id, count(*) FROM people m JOIN people r ON r.manager_id = m.id
                        WHERE m.org_id = ? AND m.active AND r.active AND NOT r.is_bot
                        GROUP BY m.id ORDER BY count(*) DESC, m.id""",
                        orgId)
                .map((rs, ctx) -> new long[] {rs.getLong(1) - first + 1, rs.getLong(2)})
                .list();
        return new Loaded(
                orgId,
                people,
                StatsData.count(handle, "goals"),
                StatsData.count(handle, "goal_updates"),
                teams.stream().map(team -> (int) team[0]).toList(),
                (int) teams.get(0)[1]);
    }
}
