package dev.candor.storage.feedback;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The feedback visibilities an organisation allows; defaults when HR never changed them. */
@RegisterConstructorMapper(FeedbackSettings.class)
public interface FeedbackSettingsDao {

    @SqlQuery(
            """
            SELECT coalesce(s.with_manager, true) AS with_manager, coalesce(s.manager_only, true) AS manager_only,
                   coalesce(s.anonymous_requests, true) AS anonymous_requests, coalesce(s.speak_up, true) AS speak_up,
                   s.speak_up_to, coalesce(s.subject_sees, 'anonymous') AS subject_sees
            FROM (SELECT 1) one LEFT JOIN feedback_settings s ON s.org_id = :orgId
            """)
    FeedbackSettings get(@Bind("orgId") long orgId);

    /** Locks the organisation's settings row (made first if need be) so that two changes are audited in order. */
    @SqlUpdate(
            """
            INSERT INTO feedback_settings (org_id) VALUES (:orgId)
            ON CONFLICT (org_id) DO UPDATE SET updated_at = feedback_settings.updated_at
            """)
    void lock(@Bind("orgId") long orgId);

    @SqlUpdate(
            """
            UPDATE feedback_settings SET with_manager = :withManager, manager_only = :managerOnly,
                anonymous_requests = :anonymousRequests, speak_up = :speakUp, speak_up_to = :speakUpTo,
                subject_sees = :subjectSees, updated_at = now()
            WHERE org_id = :orgId
            """)
    void set(@Bind("orgId") long orgId, @BindMethods FeedbackSettings settings);
}
