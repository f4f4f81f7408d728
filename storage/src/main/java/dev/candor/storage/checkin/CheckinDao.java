package dev.candor.storage.checkin;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Check-in setups and their picked people. */
@RegisterConstructorMapper(Checkin.class)
public interface CheckinDao {
    String COLUMNS =
            """
            id, org_id, owner_id, name, audience, audience_channel, cadence, weekday, local_time, deadline_days,
            questionnaire_id, standup_channel, starts_on, active
            """;

    /** Stores a new setup (its id ignored) with its picked people; returns it. */
    @Transaction
    default Checkin insert(Checkin checkin, List<Long> members) {
        Checkin stored = insertRow(checkin);
        replaceMembers(stored.orgId(), stored.id(), members);
        return stored;
    }

    /** Changes a setup of the organisation (not its owner or questionnaire) and its picked people. */
    @Transaction
    default Optional<Checkin> update(Checkin checkin, List<Long> members) {
        Optional<Checkin> stored = updateRow(checkin);
        stored.ifPresent(updated -> replaceMembers(updated.orgId(), updated.id(), members));
        return stored;
    }

    @SqlQuery(
            """
            INSERT INTO checkins (org_id, owner_id, name, audience, audience_channel, cadence, weekday, local_time,
                                  deadline_days, questionnaire_id, standup_channel, starts_on, active)
            VALUES (:orgId, :ownerId, :name, :audience, :audienceChannel, :cadence, :weekday, :localTime,
                    :deadlineDays, :questionnaireId, :standupChannel, :startsOn, :active)
            RETURNING\s"""
                    + COLUMNS)
    Checkin insertRow(@BindMethods Checkin checkin);

    @SqlQuery(
            """
            UPDATE checkins SET name = :name, audience = :audience, audience_channel = :audienceChannel,
                   cadence = :cadence, weekday = :weekday, local_time = :localTime, deadline_days = :deadlineDays,
                   standup_channel = :standupChannel, active = :active, updated_at = now()
            WHERE org_id = :orgId AND id = :id
            RETURNING\s"""
                    + COLUMNS)
    Optional<Checkin> updateRow(@BindMethods Checkin checkin);

    default void replaceMembers(long orgId, long checkinId, List<Long> personIds) {
        deleteMembers(orgId, checkinId);
        insertMembers(
                orgId, checkinId, personIds.stream().mapToLong(Long::longValue).toArray());
    }

    @SqlUpdate("DELETE FROM checkin_members WHERE org_id = :orgId AND checkin_id = :id")
    void deleteMembers(@Bind("orgId") long orgId, @Bind("id") long checkinId);

    @SqlUpdate(
            """
            INSERT INTO checkin_members (org_id, checkin_id, person_id)
            SELECT :orgId, :id, unnest(CAST(:people AS bigint[])) ON CONFLICT DO NOTHING
            """)
    void insertMembers(@Bind("orgId") long orgId, @Bind("id") long checkinId, @Bind("people") long[] personIds);

    @SqlQuery("SELECT person_id FROM checkin_members WHERE org_id = :orgId AND checkin_id = :id ORDER BY person_id")
    List<Long> listMembers(@Bind("orgId") long orgId, @Bind("id") long checkinId);

    @SqlQuery("SELECT " + COLUMNS + " FROM checkins WHERE org_id = :orgId AND id = :id")
    Optional<Checkin> find(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM checkins WHERE org_id = :orgId AND owner_id = :ownerId ORDER BY id")
    List<Checkin> listByOwner(@Bind("orgId") long orgId, @Bind("ownerId") long ownerId);

    @SqlQuery("SELECT " + COLUMNS + " FROM checkins WHERE org_id = :orgId ORDER BY id")
    List<Checkin> listByOrg(@Bind("orgId") long orgId);

    /** Every active setup of every organisation, for the sweep that opens their rounds. */
    @SqlQuery("SELECT " + COLUMNS + " FROM checkins WHERE active ORDER BY id")
    List<Checkin> listActive();

    /** The active, human people whose manager in the directory is {@code managerId}. */
    @SqlQuery(
            """
            SELECT id FROM people
            WHERE org_id = :orgId AND manager_id = :managerId AND active AND NOT is_bot ORDER BY name, id
            """)
    List<Long> listReports(@Bind("orgId") long orgId, @Bind("managerId") long managerId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM people WHERE org_id = :orgId AND manager_id = :personId AND active)")
    boolean hasReports(@Bind("orgId") long orgId, @Bind("personId") long personId);

    /**
     * The active setups that ask this person: their manager's for reports, those that picked them, and those of a
     * channel whose rounds asked them before (a channel's members are known to the platform, not here).
     */
    @SqlQuery(
            "SELECT " + COLUMNS
                    + """
             FROM checkins c WHERE c.org_id = :orgId AND c.active AND (
                (c.audience = 'reports' AND c.owner_id = (SELECT manager_id FROM people WHERE id = :personId))
                OR c.id IN (SELECT checkin_id FROM checkin_members WHERE person_id = :personId)
                OR (c.audience = 'channel' AND EXISTS (
                    SELECT 1 FROM rounds r JOIN asks a ON a.round_id = r.id
                    WHERE r.org_id = c.org_id AND r.feature = 'checkin' AND r.subject = 'checkin:' || c.id
                      AND a.person_id = :personId)))
            ORDER BY c.id
            """)
    List<Checkin> listAsking(@Bind("orgId") long orgId, @Bind("personId") long personId);
}
