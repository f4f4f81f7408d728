package dev.candor.storage.oneonone;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * A read of check-ins' rounds and answers for 1:1 agendas. Only a check-in owned by the 1:1's manager counts: a
 * report's answers to another manager's check-in are that manager's to read, not this one's.
 */
@RegisterConstructorMapper(LatestCheckinAnswer.class)
public interface LatestCheckinDao {

    /**
     * For each of these 1:1s whose report answered a check-in of the 1:1's manager: the latest such answer (by when the
     * ask opened) with the questionnaire version it answered. One index probe per 1:1 ({@code asks_person}).
     */
    @SqlQuery(
            """
            SELECT o.id AS one_on_one_id, l.period, l.questions_json, l.values_json
            FROM one_on_ones o
            JOIN LATERAL (
                SELECT r.period, v.questions::text AS questions_json, w.answer_values::text AS values_json
                FROM asks a
                JOIN rounds r ON r.org_id = a.org_id AND r.id = a.round_id AND r.feature = 'checkin'
                JOIN checkins c ON c.org_id = r.org_id AND r.subject = 'checkin:' || c.id
                JOIN answers w ON w.ask_id = a.id
                JOIN questionnaire_versions v
                    ON v.questionnaire_id = r.questionnaire_id AND v.version = w.questionnaire_version
                WHERE a.org_id = o.org_id AND a.person_id = o.report_id AND a.state = 'answered'
                  AND c.owner_id = o.manager_id
                ORDER BY a.opens_at DESC, a.id DESC
                LIMIT 1) l ON true
            WHERE o.id = ANY(:ids)
            """)
    List<LatestCheckinAnswer> listLatest(@Bind("ids") long[] oneOnOneIds);
}
