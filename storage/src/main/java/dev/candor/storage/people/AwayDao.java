package dev.candor.storage.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Whether people are away: the date they gave with {@code /candor away}, and what their chat status says. */
@RegisterConstructorMapper(Away.class)
public interface AwayDao {

    @SqlQuery(
            """
            SELECT away_until AS until, status_away, status_away_until AS status_until
            FROM people WHERE org_id = :orgId AND id = :id
            """)
    Optional<Away> find(@Bind("orgId") long orgId, @Bind("id") long personId);

    /** {@code /candor away until DATE}: away through that day. */
    @SqlUpdate("UPDATE people SET away_until = :until, updated_at = now() WHERE org_id = :orgId AND id = :id")
    int setUntil(@Bind("orgId") long orgId, @Bind("id") long personId, @Bind("until") LocalDate lastDayAway);

    /**
     * {@code /candor away off}: back, whatever said they were away. A status that still says away counts again when
     * it next changes.
     */
    @SqlUpdate(
            """
            UPDATE people SET away_until = NULL, status_away = false, status_away_until = NULL, updated_at = now()
            WHERE org_id = :orgId AND id = :id
            """)
    int clear(@Bind("orgId") long orgId, @Bind("id") long personId);

    /** What the person's chat status says now: away (until it expires, or changes when null), or not. */
    @SqlUpdate(
            """
            UPDATE people SET status_away = :away,
                   status_away_until = CASE WHEN :away THEN CAST(:until AS timestamptz) END, updated_at = now()
            WHERE org_id = :orgId AND id = :id
              AND (status_away, status_away_until)
                  IS DISTINCT FROM (:away, CASE WHEN :away THEN CAST(:until AS timestamptz) END)
            """)
    int setStatus(
            @Bind("orgId") long orgId,
            @Bind("id") long personId,
            @Bind("away") boolean away,
            @Bind("until") Instant expires);
}
