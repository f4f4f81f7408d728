package dev.candor.storage.checkin;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Names and platform accounts of people, in one statement for any number of them. */
@RegisterConstructorMapper(Contact.class)
public interface ContactDao {

    default List<Contact> list(long orgId, Collection<Long> personIds) {
        return list(orgId, personIds.stream().mapToLong(Long::longValue).toArray());
    }

    /** By name; a person with several accounts appears once (the first platform). */
    @SqlQuery(
            """
            SELECT DISTINCT ON (p.name, p.id) p.id AS person_id, p.name, i.platform, i.platform_user_id
            FROM people p
            LEFT JOIN platform_identities i ON i.org_id = p.org_id AND i.person_id = p.id
            WHERE p.org_id = :orgId AND p.id = ANY(:ids)
            ORDER BY p.name, p.id, i.platform
            """)
    List<Contact> list(@Bind("orgId") long orgId, @Bind("ids") long[] personIds);
}
