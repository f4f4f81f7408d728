package dev.candor.storage.goal;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Goal settings, with the defaults for an organisation that never changed them. */
@RegisterConstructorMapper(GoalSettings.class)
public interface GoalSettingsDao {

    @SqlQuery(
            """
            SELECT coalesce(s.company_by_anyone, false) AS company_by_anyone, coalesce(s.stale_days, 14) AS stale_days
            FROM organisations o LEFT JOIN goal_settings s ON s.org_id = o.id WHERE o.id = :orgId
            """)
    GoalSettings get(@Bind("orgId") long orgId);
}
