package dev.candor.storage.pulse;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Who a survey asks, from the directory as it is now: active people who are not bots, in id order. A channel's
 * members come from the chat platform instead (the scheduler's {@code ChannelMembers}).
 */
public interface AudienceDao {

    @SqlQuery("SELECT id FROM people WHERE org_id = :orgId AND active AND NOT is_bot ORDER BY id")
    List<Long> everyone(@Bind("orgId") long orgId);

    @SqlQuery(
            """
            SELECT id FROM people
            WHERE org_id = :orgId AND active AND NOT is_bot AND department = ANY(CAST(:departments AS text[]))
            ORDER BY id
            """)
    List<Long> inDepartments(@Bind("orgId") long orgId, @Bind("departments") List<String> departments);

    /**
     * Everyone under the manager, any depth (not the manager): UNION rather than UNION ALL, so that a cycle in an
     * imported directory ends instead of recursing forever.
     */
    @SqlQuery(
            """
            WITH RECURSIVE below (id) AS (
                SELECT id FROM people WHERE org_id = :orgId AND manager_id = :managerId
                UNION
                SELECT p.id FROM people p JOIN below ON p.manager_id = below.id WHERE p.org_id = :orgId
            )
            SELECT p.id FROM people p JOIN below ON below.id = p.id
            WHERE p.active AND NOT p.is_bot AND p.id <> :managerId
            ORDER BY p.id
            """)
    List<Long> organisationOf(@Bind("orgId") long orgId, @Bind("managerId") long managerId);

    @SqlQuery(
            """
            SELECT p.id FROM pulse_survey_people s JOIN people p ON p.org_id = s.org_id AND p.id = s.person_id
            WHERE s.org_id = :orgId AND s.survey_id = :surveyId AND p.active AND NOT p.is_bot
            ORDER BY p.id
            """)
    List<Long> picked(@Bind("orgId") long orgId, @Bind("surveyId") long surveyId);

    /** The departments of the directory's active people, for choosing among them. */
    @SqlQuery(
            """
            SELECT DISTINCT department FROM people
            WHERE org_id = :orgId AND active AND NOT is_bot AND department IS NOT NULL AND department <> ''
            ORDER BY department
            """)
    List<String> departments(@Bind("orgId") long orgId);

    /** The names of the organisation's HR admins: who to ask for a survey. */
    @SqlQuery(
            """
            SELECT name FROM people WHERE org_id = :orgId AND role = 'hr_admin' AND active AND NOT is_bot
            ORDER BY name LIMIT 5
            """)
    List<String> hrAdmins(@Bind("orgId") long orgId);
}
