package dev.candor.storage.org;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** An organisation by id, apart from the rest of {@link OrganisationDao}, for the requests that only read it. */
@RegisterConstructorMapper(Organisation.class)
public interface OrganisationLookupDao {

    @SqlQuery("SELECT * FROM organisations WHERE id = :id")
    Optional<Organisation> findById(@Bind("id") long id);
}
