package dev.candor.bench;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The data {@code /feedback me} and {@code /feedback team} are measured on, generated inside PostgreSQL: the people
 * of {@link StatsData} (one organisation, a few bots, 2 % who left) under a manager tree, and {@code feedback} pieces
 * of feedback spread evenly over the last two years.
 *
 * <p>The tree is laid out breadth first: person 1 leads, and each manager in turn takes the next people as reports,
 * 3 to 17 of them (10 on average), every 53rd manager 40; about 470 people manage someone. Receivers are skewed as
 * for kudos ({@code floor(n · random()²)}, spread over the tree by a permutation so that the most recognised are not
 * all at its top); a fifth of the feedback comes from the recipient's manager, the rest from anyone. Visibilities are
 * about 70 % private, 22 % with the manager and 8 % for the manager alone (never from that manager to themselves),
 * with {@code manager_id} the recipient's manager unless private, as {@code FeedbackGiving} stores it.
 */
final class FeedbackData {
    private FeedbackData() {}

    /**
     * @param managers person numbers with at least one active report, the 10 biggest teams first
     * @param mostReceived the 10 active people who received most
     * @param managerOf each person's manager number, 0 for none (index: person number)
     */
    record Loaded(
            long orgId,
            long firstPersonId,
            int people,
            long feedback,
            List<Integer> managers,
            int biggestTeam,
            List<Integer> mostReceived,
            long mostReceivedCount,
            int[] managerOf,
            List<String> visibilities) {}

    static Loaded generate(Jdbi jdbi, int people, int feedback) {
        long orgId = jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL synchronous_commit = off");
            handle.execute("SET LOCAL work_mem = '256MB'");
            handle.execute("SELECT setseed(0.42)");
            long org = StatsData.insertOrganisation(handle);
            long first = StatsData.insertPeople(handle, org, people);
            insertTree(handle, org, first, people - StatsData.BOTS);
            insertFeedback(handle, org, first, people - StatsData.BOTS, feedback);
            return org;
        });
        // What autovacuum does to a live table; here, before the measurements rather than during them.
        jdbi.useHandle(handle -> handle.execute("VACUUM ANALYZE"));
        return jdbi.withHandle(handle -> loaded(handle, orgId, people));
    }

    static void insertTree(Handle handle, long orgId, long first, int humans) {
        handle.createUpdate(
                        """
                WITH sizes AS (
                    SELECT m, CASE WHEN m % 53 = 0 THEN 40 ELSE 3 + (m * 7) % 15 END AS size
                    FROM generate_series(1, :humans) m),
                ranges AS (
                    SELECT m, sum(size) OVER (ORDER BY m) - size + 2 AS first_report,
                           sum(size) OVER (ORDER BY m) + 1 AS last_report
                    FROM sizes),
                reports AS (
                    SELECT m, generate_series(first_report, least(last_report, :humans)) AS n
                    FROM ranges WHERE first_report <= :humans)
                UPDATE people p SET manager_id = :first + r.m - 1
                FROM reports r WHERE p.org_id = :org AND p.id = :first + r.n - 1""")
                .bind("humans", humans)
                .bind("first", first)
                .bind("org", orgId)
                .execute();
        handle.execute(
                """
                UPDATE people SET role = 'manager'
                WHERE org_id = ? AND id IN (SELECT manager_id FROM people WHERE org_id = ?)""",
                orgId,
                orgId);
    }

    /** Person {@code n} (1-based) of the humans is {@code first + n - 1}; ids follow time like live feedback. */
    static void insertFeedback(Handle handle, long orgId, long first, int humans, int feedback) {
        handle.createUpdate(
                        """
                        WITH drawn AS MATERIALIZED (
                            SELECT i, 1 + (floor(:humans * power(random(), 2))::bigint * 7919) % :humans AS r,
                                   1 + floor(random() * :humans)::int AS g, random() AS by_manager,
                                   random() AS shown, random() AS thanked,
                                   now() - interval '730 days' + (i::float8 / :feedback) * interval '730 days' AS at
                            FROM generate_series(1, :feedback) i),
                        chosen AS (
                            SELECT d.i, d.at, d.thanked, p.id AS recipient, p.manager_id AS boss,
                                   CASE WHEN d.by_manager < 0.2 AND p.manager_id IS NOT NULL THEN p.manager_id
                                        WHEN d.g = d.r THEN :first + d.g % :humans
                                        ELSE :first + d.g - 1 END AS giver,
                                   CASE WHEN p.manager_id IS NULL OR d.shown < 0.7 THEN 'private'
                                        WHEN d.shown < 0.9 OR d.by_manager < 0.2 THEN 'with_manager'
                                        ELSE 'manager_only' END AS visibility
                            FROM drawn d JOIN people p ON p.id = :first + d.r - 1)
                        INSERT INTO feedback (org_id, giver_id, recipient_id, manager_id, visibility, body, source_key,
                                              created_at, thanked_at)
                        SELECT :org, giver, recipient, CASE WHEN visibility <> 'private' THEN boss END, visibility,
                               'What went well: ' || (ARRAY['the launch demo', 'the incident review', 'onboarding Li',
                                   'the Q4 plan', 'the customer call'])[1 + i % 5] || ', ' || md5(i::text)
                                   || '. What could be better: ' || md5((i + 1)::text) || '.',
                               'bench:' || i, at, CASE WHEN thanked < 0.3 THEN at + interval '2 hours' END
                        FROM chosen ORDER BY i""")
                .bind("humans", humans)
                .bind("first", first)
                .bind("feedback", feedback)
                .bind("org", orgId)
                .execute();
    }

    private static Loaded loaded(Handle handle, long orgId, int people) {
        long first = handle.select("SELECT min(id) FROM people WHERE org_id = ?", orgId)
                .mapTo(Long.class)
                .one();
        int[] managerOf = new int[people + 1];
        handle.select("SELECT id, manager_id FROM people WHERE org_id = ? AND manager_id IS NOT NULL", orgId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .forEach(pair -> managerOf[(int) (pair[0] - first + 1)] = (int) (pair[1] - first + 1));
        List<long[]> teams = handle.select(
                        """
                        SELECT m.id, count(*) FROM people m JOIN people r ON r.manager_id = m.id
                        WHERE m.org_id = ? AND m.active AND r.active AND NOT r.is_bot
                        GROUP BY m.id ORDER BY count(*) DESC, m.id""",
                        orgId)
                .map((rs, ctx) -> new long[] {rs.getLong(1) - first + 1, rs.getLong(2)})
                .list();
        List<long[]> received = handle.select(
                        """
                        SELECT f.recipient_id, count(*) FROM feedback f JOIN people p ON p.id = f.recipient_id
                        WHERE f.org_id = ? AND p.active GROUP BY f.recipient_id ORDER BY count(*) DESC LIMIT 10""",
                        orgId)
                .map((rs, ctx) -> new long[] {rs.getLong(1) - first + 1, rs.getLong(2)})
                .list();
        List<String> visibilities = handle.select(
                        """
                        SELECT visibility || ' ' || count(*) FROM feedback WHERE org_id = ?
                        GROUP BY visibility ORDER BY visibility""",
                        orgId)
                .mapTo(String.class)
                .list();
        return new Loaded(
                orgId,
                first,
                people,
                StatsData.count(handle, "feedback"),
                teams.stream().map(team -> (int) team[0]).toList(),
                (int) teams.get(0)[1],
                received.stream().map(person -> (int) person[0]).toList(),
                received.get(0)[1],
                managerOf,
                visibilities);
    }
}
