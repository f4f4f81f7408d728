package dev.candor.storage.pulse;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Changing a survey's settings before it is launched. */
public interface SurveyEditDao {

    /** A draft's settings as {@code survey} has them; false when it is not a draft (any more). */
    @SqlUpdate(
            """
            UPDATE pulse_surveys SET name = :name, template = :template, questionnaire_id = :questionnaireId,
                   anonymous = :anonymous, min_group = :minGroup, audience = :audience,
                   audience_departments = CAST(:departments AS text[]),
                   audience_manager_id = :audienceManagerId, audience_channel = :audienceChannel,
                   audience_platform = :audiencePlatform, cadence = :cadence, opens_on = :opensOn,
                   opens_time = :opensTime, day_of_week = :dayOfWeek, deadline_days = :deadlineDays,
                   reminders = :reminders
            WHERE org_id = :orgId AND id = :id AND state = 'draft'
            """)
    boolean update(@BindMethods Survey survey, @Bind("departments") String[] departments);
}
