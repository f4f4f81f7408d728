package dev.candor.storage.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Pulse surveys of an organisation. */
@RegisterConstructorMapper(Survey.class)
public interface SurveyDao {
    String COLUMNS =
            """
            id, org_id, name, template, questionnaire_id, anonymous, min_group, audience, audience_departments,
            audience_manager_id, audience_channel, audience_platform, cadence, opens_on, opens_time, day_of_week,
            deadline_days, reminders, state, created_by, created_at, launched_at, closed_at
            """;

    /** Stores a new survey (its id, state and timestamps are the database's). */
    @SqlQuery(
            """
            INSERT INTO pulse_surveys (org_id, name, template, questionnaire_id, anonymous, min_group, audience,
                                       audience_departments, audience_manager_id, audience_channel,
                                       audience_platform, cadence, opens_on, opens_time, day_of_week,
                                       deadline_days, reminders, created_by)
            VALUES (:orgId, :name, :template, :questionnaireId, :anonymous, :minGroup, :audience,
                    CAST(:audienceDepartments AS text[]), :audienceManagerId, :audienceChannel, :audiencePlatform,
                    :cadence, :opensOn, :opensTime, :dayOfWeek, :deadlineDays, :reminders, :createdBy)
            RETURNING\s"""
                    + COLUMNS)
    Survey insert(@BindMethods Survey survey);

    @SqlQuery("SELECT " + COLUMNS + " FROM pulse_surveys WHERE org_id = :orgId AND id = :id")
    Optional<Survey> find(@Bind("orgId") long orgId, @Bind("id") long id);

    /** The organisation's surveys, the newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM pulse_surveys WHERE org_id = :orgId ORDER BY id DESC")
    List<Survey> listByOrg(@Bind("orgId") long orgId);

    @SqlUpdate(
            """
            UPDATE pulse_surveys SET state = :state,
                   launched_at = CASE WHEN :state = 'active' THEN COALESCE(launched_at, :now) ELSE launched_at END,
                   closed_at = CASE WHEN :state = 'closed' THEN :now ELSE closed_at END
            WHERE org_id = :orgId AND id = :id
            """)
    boolean setState(
            @Bind("orgId") long orgId, @Bind("id") long id, @Bind("state") String state, @Bind("now") Instant now);
}
