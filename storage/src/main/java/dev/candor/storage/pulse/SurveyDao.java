package dev.candor.storage.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Pulse surveys and the people a survey of picked people asks. */
@RegisterConstructorMapper(Survey.class)
public interface SurveyDao {
    String COLUMNS =
            """
            id, org_id, name, template, questionnaire_id, anonymous, min_group, audience, audience_departments,
            audience_manager_id, audience_channel, audience_platform, cadence, opens_on, opens_time, day_of_week,
            deadline_days, reminders, state, created_by, created_at, launched_at, closed_at
            """;

    /** Stores a new survey (its id, state and times ignored: a draft) with its picked people; returns it. */
    @Transaction
    default Survey insert(Survey survey, List<Long> people) {
        Survey stored = insertRow(survey, survey.departmentsArray());
        replacePeople(stored.orgId(), stored.id(), people);
        return stored;
    }

    @SqlQuery(
            """
            INSERT INTO pulse_surveys (org_id, name, template, questionnaire_id, anonymous, min_group, audience,
                                       audience_departments, audience_manager_id, audience_channel, audience_platform,
                                       cadence, opens_on, opens_time, day_of_week, deadline_days, reminders,
                                       created_by)
            VALUES (:orgId, :name, :template, :questionnaireId, :anonymous, :minGroup, :audience,
                    CAST(:departments AS text[]), :audienceManagerId, :audienceChannel, :audiencePlatform, :cadence,
                    :opensOn, :opensTime, :dayOfWeek, :deadlineDays, :reminders, :createdBy)
            RETURNING\s"""
                    + COLUMNS)
    Survey insertRow(@BindMethods Survey survey, @Bind("departments") String[] departments);

    default void replacePeople(long orgId, long surveyId, List<Long> personIds) {
        deletePeople(orgId, surveyId);
        insertPeople(
                orgId, surveyId, personIds.stream().mapToLong(Long::longValue).toArray());
    }

    @SqlUpdate("DELETE FROM pulse_survey_people WHERE org_id = :orgId AND survey_id = :id")
    void deletePeople(@Bind("orgId") long orgId, @Bind("id") long surveyId);

    @SqlUpdate(
            """
            INSERT INTO pulse_survey_people (org_id, survey_id, person_id)
            SELECT :orgId, :id, unnest(CAST(:people AS bigint[])) ON CONFLICT DO NOTHING
            """)
    void insertPeople(@Bind("orgId") long orgId, @Bind("id") long surveyId, @Bind("people") long[] personIds);

    @SqlQuery("SELECT person_id FROM pulse_survey_people WHERE org_id = :orgId AND survey_id = :id ORDER BY person_id")
    List<Long> listPeople(@Bind("orgId") long orgId, @Bind("id") long surveyId);

    @SqlQuery("SELECT " + COLUMNS + " FROM pulse_surveys WHERE org_id = :orgId AND id = :id")
    Optional<Survey> find(@Bind("orgId") long orgId, @Bind("id") long id);

    /** The organisation's surveys, the latest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM pulse_surveys WHERE org_id = :orgId ORDER BY id DESC")
    List<Survey> listByOrg(@Bind("orgId") long orgId);

    /** Launched surveys that may open rounds, in every organisation (the engine's series sweep). */
    @SqlQuery("SELECT " + COLUMNS + " FROM pulse_surveys WHERE state = 'active' ORDER BY id")
    List<Survey> listActive();

    /**
     * Moves a survey from one of {@code from} to {@code to}, stamping launch and close; empty when it was in none of
     * them (e.g. closed already).
     */
    @SqlQuery(
            """
            UPDATE pulse_surveys SET state = :to,
                   launched_at = CASE WHEN :to = 'active' THEN COALESCE(launched_at, :now) ELSE launched_at END,
                   closed_at = CASE WHEN :to = 'closed' THEN :now ELSE closed_at END
            WHERE org_id = :orgId AND id = :id AND state = ANY(CAST(:from AS text[]))
            RETURNING\s"""
                    + COLUMNS)
    Optional<Survey> move(
            @Bind("orgId") long orgId,
            @Bind("id") long id,
            @Bind("from") String[] from,
            @Bind("to") SurveyState to,
            @Bind("now") Instant now);
}
