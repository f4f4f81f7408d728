package dev.candor.storage.people;

import dev.candor.storage.Platform;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Person.class)
@RegisterConstructorMapper(PlatformIdentity.class)
/** Everything about people; the lookups of every request are in {@link PersonLookupDao}. */
public interface PersonDao extends PersonLookupDao {

    @SqlQuery("SELECT * FROM people WHERE org_id = :orgId AND id IN (<ids>)")
    List<Person> listByIds(@Bind("orgId") long orgId, @BindList("ids") List<Long> ids);

    @SqlQuery("SELECT * FROM people WHERE org_id = :orgId AND lower(email) = lower(:email)")
    Optional<Person> findByEmail(@Bind("orgId") long orgId, @Bind("email") String email);

    @SqlQuery(
            """
            SELECT p.* FROM people p
            JOIN platform_identities i ON i.org_id = p.org_id AND i.person_id = p.id
            WHERE i.org_id = :orgId AND i.aad_object_id = :aad
            """)
    Optional<Person> findByAadObjectId(@Bind("orgId") long orgId, @Bind("aad") String aadObjectId);

    @SqlQuery("SELECT * FROM people WHERE org_id = :orgId ORDER BY id")
    List<Person> listByOrg(@Bind("orgId") long orgId);

    /** The names of an organisation's active people with a role, alphabetically, e.g. whom to ask for a change. */
    @SqlQuery(
            """
            SELECT name FROM people WHERE org_id = :orgId AND role = :role AND active AND NOT is_bot
            ORDER BY lower(name), id LIMIT :limit
            """)
    List<String> listNamesByRole(@Bind("orgId") long orgId, @Bind("role") Role role, @Bind("limit") int limit);

    /** True when imported people with an email still wait to be linked to an account on this platform. */
    @SqlQuery(
            """
            SELECT EXISTS (SELECT 1 FROM people p
                           WHERE p.org_id = :orgId AND p.email IS NOT NULL AND NOT EXISTS (
                               SELECT 1 FROM platform_identities i
                               WHERE i.org_id = p.org_id AND i.person_id = p.id AND i.platform = :platform))
            """)
    boolean hasUnlinkedPeople(@Bind("orgId") long orgId, @Bind("platform") Platform platform);

    @SqlQuery(
            """
            INSERT INTO people (org_id, name, email, timezone, locale, role, is_bot)
            VALUES (:orgId, :name, :email, :timezone, :locale, 'employee', :isBot)
            RETURNING *
            """)
    Person insert(
            @Bind("orgId") long orgId,
            @Bind("name") String name,
            @Bind("email") String email,
            @Bind("timezone") String timezone,
            @Bind("locale") String locale,
            @Bind("isBot") boolean isBot);

    /**
     * A new person with where their zone came from: {@code timezone} is what recognition uses, the platform's and the
     * directory's zones (either may be null) what the asking engine chooses from.
     */
    @SqlQuery(
            """
            INSERT INTO people (org_id, name, email, timezone, profile_timezone, directory_timezone, locale, role,
                                is_bot)
            VALUES (:orgId, :name, :email, :timezone, :profileTimezone, :directoryTimezone, :locale, 'employee',
                    :isBot)
            RETURNING *
            """)
    Person insertWithZones(
            @Bind("orgId") long orgId,
            @Bind("name") String name,
            @Bind("email") String email,
            @Bind("timezone") String timezone,
            @Bind("profileTimezone") String profileTimezone,
            @Bind("directoryTimezone") String directoryTimezone,
            @Bind("locale") String locale,
            @Bind("isBot") boolean isBot);

    /** Stores what the platform profile says; the email is kept when another person already has it. */
    @SqlUpdate(
            """
            UPDATE people SET name = :name,
                   email = CASE WHEN :email IS NULL OR EXISTS (
                                    SELECT 1 FROM people o WHERE o.org_id = :orgId AND o.id <> :id
                                    AND lower(o.email) = lower(:email))
                                THEN email ELSE :email END,
                   timezone = COALESCE(:timezone, timezone), profile_timezone = COALESCE(:timezone, profile_timezone),
                   is_bot = :isBot, profile_synced = true,
                   updated_at = now()
            WHERE org_id = :orgId AND id = :id
            """)
    int updateProfile(
            @Bind("orgId") long orgId,
            @Bind("id") long id,
            @Bind("name") String name,
            @Bind("email") String email,
            @Bind("timezone") String timezone,
            @Bind("isBot") boolean isBot);

    /** The zone the platform told Candor in a request (Teams clientInfo): recognition's zone and the profile's. */
    @SqlUpdate(
            """
            UPDATE people SET timezone = :timezone, profile_timezone = :timezone, updated_at = now()
            WHERE org_id = :orgId AND id = :id
            """)
    int updateTimezone(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("timezone") String timezone);

    @SqlUpdate("UPDATE people SET active = :active, updated_at = now() WHERE org_id = :orgId AND id = :id")
    int setActive(@Bind("orgId") long orgId, @Bind("id") long id, @Bind("active") boolean active);

    /** Links a platform account to a person; false when that account already belongs to someone. */
    @SqlUpdate(
            """
            INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id, aad_object_id)
            VALUES (:orgId, :personId, :platform, :userId, :aad)
            ON CONFLICT DO NOTHING
            """)
    boolean insertIdentity(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("platform") Platform platform,
            @Bind("userId") String platformUserId,
            @Bind("aad") String aadObjectId);

    /** A Teams person imported by AAD object id gets their Bot Framework id when they first write. */
    @SqlUpdate(
            """
            UPDATE platform_identities SET platform_user_id = :userId
            WHERE org_id = :orgId AND platform = 'teams' AND aad_object_id = :aad AND platform_user_id = :aad
            """)
    int upgradeTeamsIdentity(@Bind("orgId") long orgId, @Bind("aad") String aadObjectId, @Bind("userId") String userId);

    @SqlQuery("SELECT * FROM platform_identities WHERE org_id = :orgId AND person_id = :personId ORDER BY platform")
    List<PlatformIdentity> listIdentities(@Bind("orgId") long orgId, @Bind("personId") long personId);

    @SqlQuery(
            """
            SELECT * FROM platform_identities WHERE org_id = :orgId AND person_id = :personId AND platform = :platform
            ORDER BY platform_user_id LIMIT 1
            """)
    Optional<PlatformIdentity> findIdentity(
            @Bind("orgId") long orgId, @Bind("personId") long personId, @Bind("platform") Platform platform);

    /**
     * Writes an imported directory row over a person's record: {@code timezone} is recognition's zone,
     * {@code directoryTimezone} the one the directory says (null when it says none). Every field is written, so a
     * caller keeps a stored location or start date by passing it back.
     */
    @SqlUpdate(
            """
            UPDATE people SET name = :name, email = :email, timezone = :timezone,
                   directory_timezone = :directoryTimezone, department = :department,
                   role = :role, manager_id = :managerId, location = :location, start_date = :startDate,
                   active = true, updated_at = now()
            WHERE org_id = :orgId AND id = :id
            """)
    int updateDirectoryEntry(
            @Bind("orgId") long orgId,
            @Bind("id") long id,
            @Bind("name") String name,
            @Bind("email") String email,
            @Bind("timezone") String timezone,
            @Bind("directoryTimezone") String directoryTimezone,
            @Bind("department") String department,
            @Bind("role") Role role,
            @Bind("managerId") Long managerId,
            @Bind("location") String location,
            @Bind("startDate") LocalDate startDate);

    /** Moves a platform account to the person the directory says it belongs to. */
    @SqlUpdate(
            """
            INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id, aad_object_id)
            VALUES (:orgId, :personId, :platform, :userId, :aad)
            ON CONFLICT (org_id, platform, platform_user_id) DO UPDATE
                SET person_id = EXCLUDED.person_id,
                    aad_object_id = COALESCE(EXCLUDED.aad_object_id, platform_identities.aad_object_id)
            """)
    void upsertIdentity(
            @Bind("orgId") long orgId,
            @Bind("personId") long personId,
            @Bind("platform") Platform platform,
            @Bind("userId") String platformUserId,
            @Bind("aad") String aadObjectId);

    /** Every platform account of an organisation, so a directory import can match rows without a query each. */
    @SqlQuery("SELECT * FROM platform_identities WHERE org_id = :orgId ORDER BY person_id, platform")
    List<PlatformIdentity> listIdentitiesByOrg(@Bind("orgId") long orgId);

    /**
     * Gives a Teams account, known by its AAD object id, to another person. Keyed by the object id because the
     * platform user id may already be the Bot Framework id that replaced the import's placeholder.
     */
    @SqlUpdate(
            """
            UPDATE platform_identities SET person_id = :personId
            WHERE org_id = :orgId AND platform = 'teams' AND aad_object_id = :aad
            """)
    int reassignTeamsIdentity(
            @Bind("orgId") long orgId, @Bind("aad") String aadObjectId, @Bind("personId") long personId);
}
