package dev.candor.storage.people;

import dev.candor.storage.Platform;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The person lookups nearly every request makes, apart from {@link PersonDao}: attaching a JDBI SqlObject prepares
 * every method of its type, so the hot path attaches this small type instead of the whole DAO.
 */
@RegisterConstructorMapper(Person.class)
public interface PersonLookupDao {

    @SqlQuery("SELECT * FROM people WHERE org_id = :orgId AND id = :id")
    Optional<Person> findById(@Bind("orgId") long orgId, @Bind("id") long id);

    @SqlQuery(
            """
            SELECT p.* FROM people p
            JOIN platform_identities i ON i.org_id = p.org_id AND i.person_id = p.id
            WHERE i.org_id = :orgId AND i.platform = :platform AND i.platform_user_id = :userId
            """)
    Optional<Person> findByPlatformUser(
            @Bind("orgId") long orgId, @Bind("platform") Platform platform, @Bind("userId") String platformUserId);
}
