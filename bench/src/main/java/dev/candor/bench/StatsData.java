package dev.candor.bench;

import dev.candor.storage.kudos.KudosTallyDao;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The data the leaderboard and {@code /kudos me} are measured on, generated inside PostgreSQL: one organisation in
 * Europe/Berlin, {@code people} people (a few bots, 2 % who left but keep their history), and {@code kudos} kudos
 * spread evenly over the last two years. Givers are uniform; receivers are skewed (a few people receive a lot, as
 * in real teams), one to three per kudos; 60 % carry one value and 10 % two. The tallies are then counted from the
 * kudos by {@link KudosTallyDao#rebuild}, the bulk twin of what every give does.
 */
final class StatsData {
    static final String TEAM_ID = "T0BENCH";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final List<String> VALUES = List.of("ownership", "craft", "care", "courage", "curiosity", "customers");
    static final int BOTS = 5;

    private StatsData() {}

    record Loaded(long orgId, long firstPersonId, int people, long kudos, long recipients, long tallies) {}

    static Loaded generate(Jdbi jdbi, int people, int kudos) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL synchronous_commit = off");
            handle.execute("SET LOCAL work_mem = '256MB'");
            handle.execute("SELECT setseed(0.42)");
            long orgId = insertOrganisation(handle);
            long first = insertPeople(handle, orgId, people);
            for (String value : VALUES) {
                handle.execute(
                        "INSERT INTO company_values (org_id, tag, name) VALUES (?, ?, initcap(?))",
                        orgId,
                        value,
                        value);
            }
            // Enough allowance for the give measurements: nobody is refused for having given too much.
            handle.execute("INSERT INTO kudos_settings (org_id, allowance_amount) VALUES (?, 1000)", orgId);
            insertKudos(handle, orgId, first, people - BOTS, kudos);
            return new Loaded(orgId, first, people, kudos, count(handle, "kudos_recipients"), 0);
        });
    }

    /** The organisation, Slack workspace {@link #TEAM_ID} in {@link #ZONE}. */
    static long insertOrganisation(Handle handle) {
        return handle.createQuery(
                        "INSERT INTO organisations (name, slack_team_id, timezone) VALUES ('Bench', ?, ?) RETURNING id")
                .bind(0, TEAM_ID)
                .bind(1, ZONE.getId())
                .mapTo(Long.class)
                .one();
    }

    /**
     * {@code people} people with Slack ids {@link StatsRun#userId}(1…): the last {@link #BOTS} are bots, every 50th
     * left; returns the id of person 1 (person {@code n} is {@code first + n - 1}).
     */
    static long insertPeople(Handle handle, long orgId, int people) {
        handle.execute(
                """
                INSERT INTO people (org_id, name, timezone, is_bot, active, profile_synced)
                SELECT ?, 'Person ' || lpad(i::text, 5, '0'),
                       (ARRAY['Europe/Berlin', 'Europe/Lisbon', 'America/New_York', 'Asia/Kolkata'])[1 + i % 4],
                       i > ? - ?, i % 50 <> 0, true
                FROM generate_series(1, ?) i ORDER BY i""",
                orgId, people, BOTS, people);
        long first = handle.createQuery("SELECT min(id) FROM people WHERE org_id = ?")
                .bind(0, orgId)
                .mapTo(Long.class)
                .one();
        handle.execute(
                """
                INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)
                SELECT org_id, id, 'slack', 'U' || lpad((id - ? + 1)::text, 8, '0') FROM people WHERE org_id = ?""",
                first,
                orgId);
        return first;
    }

    /** Person {@code n} (1-based) of the humans is {@code first + n - 1}; ids follow time like live kudos. */
    static void insertKudos(Handle handle, long orgId, long first, int humans, int kudos) {
        handle.execute(
                """
                CREATE TEMP TABLE bench_kudos ON COMMIT DROP AS
                SELECT i, nextval('kudos_id_seq') AS kudos_id, 1 + floor(random() * ?)::int AS giver,
                       1 + floor(? * power(random(), 2))::int AS r1, random() AS many, random() AS tagged,
                       now() - interval '730 days' + (i::float8 / ?) * interval '730 days' AS at
                FROM generate_series(1, ?) i""",
                humans,
                humans,
                kudos,
                kudos);
        handle.execute(
                """
                INSERT INTO kudos (id, org_id, giver_id, message, platform, conversation_id, created_at)
                SELECT kudos_id, ?, ? + giver - 1, 'thanks for ' || md5(i::text), 'slack', 'C0GENERAL', at
                FROM bench_kudos ORDER BY kudos_id""",
                orgId,
                first);
        // One recipient, or two or three near the first; never the giver.
        handle.execute(
                """
                INSERT INTO kudos_recipients (kudos_id, org_id, person_id, created_at)
                SELECT DISTINCT kudos_id, ?, ? + r - 1, at FROM (
                    SELECT kudos_id, giver, at, CASE WHEN r1 = giver THEN r1 % ? + 1 ELSE r1 END AS r
                    FROM bench_kudos
                    UNION ALL
                    SELECT kudos_id, giver, at, (r1 + 6) % ? + 1 FROM bench_kudos WHERE many > 0.8
                    UNION ALL
                    SELECT kudos_id, giver, at, (r1 + 12) % ? + 1 FROM bench_kudos WHERE many > 0.95) candidates
                WHERE r <> giver""",
                orgId, first, humans, humans, humans);
        String values = VALUES.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", "));
        handle.execute(
                """
                INSERT INTO kudos_values (kudos_id, org_id, tag)
                SELECT kudos_id, ?, (ARRAY[%1$s])[1 + i %% 6] FROM bench_kudos WHERE tagged < 0.7
                UNION ALL
                SELECT kudos_id, ?, (ARRAY[%1$s])[1 + (i + 1) %% 6] FROM bench_kudos WHERE tagged < 0.1"""
                        .formatted(values),
                orgId,
                orgId);
    }

    /** Counts the tallies from the kudos, as a zone change or a repair would. */
    static long countTallies(Jdbi jdbi, long orgId) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET LOCAL work_mem = '256MB'");
            handle.attach(KudosTallyDao.class).rebuild(orgId, ZONE);
            return count(handle, "kudos_tallies");
        });
    }

    /** Fails loudly when the tallies disagree with the kudos: received all time = recipients, given = received. */
    static void check(Jdbi jdbi, long orgId) {
        jdbi.useHandle(handle -> {
            long recipients = count(handle, "kudos_recipients");
            List<Long> sums = handle.createQuery(
                            """
                            SELECT unnest(ARRAY[sum(received), sum(given)]) FROM kudos_tallies
                            WHERE org_id = ? AND period_kind = 'all' AND tag = ''""")
                    .bind(0, orgId)
                    .mapTo(Long.class)
                    .list();
            if (sums.get(0) != recipients || sums.get(1) != recipients) {
                throw new IllegalStateException("tallies " + sums + " disagree with " + recipients + " recipients");
            }
        });
    }

    static void analyze(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("ANALYZE"));
    }

    static long count(Handle handle, String table) {
        return handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class)
                .one();
    }
}
