package dev.candor.storage.pulse;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Changing a survey before it is launched: its settings and its picked people. */
public interface SurveyEditDao {

    /** A draft's settings as {@code survey} has them; false when it is not a draft (any more). */
    @SqlUpdate(
            """
            UPDATE pulse_surveys SET name = :name, template = :template, questionnaire_id = :questionnaireId,
                   anonymous = :anonymous, min_group = :minGroup, audience = :audience,
                   audience_departments = CAST(:audienceDepartments AS text[]),
                   audience_manager_id = :audienceManagerId, audience_channel = :audienceChannel,
                   audience_platform = :audiencePlatform, cadence = :cadence, opens_on = :opensOn,
                   opens_time = :opensTime, day_of_week = :dayOfWeek, deadline_days = :deadlineDays,
                   reminders = :reminders
            WHERE org_id = :orgId AND id = :id AND state = 'draft'
            """)
    boolean update(@BindMethods Survey survey);

    /** The survey's picked people become exactly these. */
    @Transaction
    default void replacePeople(long orgId, long surveyId, List<Long> personIds) {
        deletePeople(orgId, surveyId);
        insertPeople(orgId, surveyId, personIds);
    }

    @SqlUpdate("DELETE FROM pulse_survey_people WHERE org_id = :orgId AND survey_id = :surveyId")
    void deletePeople(@Bind("orgId") long orgId, @Bind("surveyId") long surveyId);

    @SqlBatch(
            """
            INSERT INTO pulse_survey_people (org_id, survey_id, person_id) VALUES (:orgId, :surveyId, :personId)
            ON CONFLICT DO NOTHING
            """)
    void insertPeople(
            @Bind("orgId") long orgId, @Bind("surveyId") long surveyId, @Bind("personId") List<Long> personIds);

    @SqlQuery("SELECT person_id FROM pulse_survey_people WHERE org_id = :orgId AND survey_id = :surveyId")
    List<Long> listPeople(@Bind("orgId") long orgId, @Bind("surveyId") long surveyId);
}
