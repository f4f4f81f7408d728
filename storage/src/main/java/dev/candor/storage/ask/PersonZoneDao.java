package dev.candor.storage.ask;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * People's time zones for planning asks, in one statement for any number of them. The working-time settings (quiet
 * hours, working days, away) are not stored yet; until they are, the engine uses the defaults.
 */
@RegisterConstructorMapper(PersonZone.class)
public interface PersonZoneDao {

    @SqlQuery(
            """
            SELECT p.id AS person_id, p.timezone, p.profile_synced, o.timezone AS org_timezone
            FROM people p JOIN organisations o ON o.id = p.org_id
            WHERE p.org_id = :orgId AND p.id = ANY(:ids)
            """)
    List<PersonZone> list(@Bind("orgId") long orgId, @Bind("ids") long[] personIds);

    default List<PersonZone> list(long orgId, Collection<Long> personIds) {
        return list(orgId, personIds.stream().mapToLong(Long::longValue).toArray());
    }
}
