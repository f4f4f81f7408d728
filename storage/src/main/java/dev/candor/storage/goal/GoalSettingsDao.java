package dev.candor.storage.goal;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Goal settings, with the defaults for an organisation that never changed them. */
@RegisterConstructorMapper(GoalSettings.class)
public interface GoalSettingsDao {

    @SqlQuery(
            """
            SELECT coalesce(s.company_by_anyone, false) AS company_by_anyone, coalesce(s.stale_days, 14) AS stale_days
            FROM organisations o LEFT JOIN goal_settings s ON s.org_id = o.id WHERE o.id = :orgId
            """)
    GoalSettings get(@Bind("orgId") long orgId);

    /** Makes the organisation's row and locks it, so that two changes at once are applied one after the other. */
    @SqlQuery(
            """
            INSERT INTO goal_settings (org_id) VALUES (:orgId) ON CONFLICT (org_id) DO UPDATE SET org_id = EXCLUDED.org_id
            RETURNING org_id
            """)
    long lock(@Bind("orgId") long orgId);

    @SqlUpdate(
            """
            UPDATE goal_settings SET company_by_anyone = :companyByAnyone, stale_days = :staleDays
            WHERE org_id = :orgId
            """)
    void set(
            @Bind("orgId") long orgId,
            @Bind("companyByAnyone") boolean companyByAnyone,
            @Bind("staleDays") int staleDays);
}
