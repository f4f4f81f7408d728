package dev.candor.storage.org;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** An organisation by id, apart from the rest of {@link OrganisationDao}, for the requests that only read it. */
@RegisterConstructorMapper(Organisation.class)
@RegisterConstructorMapper(OrganisationLookupDao.SettingsStamp.class)
public interface OrganisationLookupDao {

    /**
     * The organisation's time zone, and a version that changes with every change to its recognition settings or
     * company values (database triggers keep it): what is needed to know whether settings kept in memory are current.
     */
    record SettingsStamp(String timezone, long settingsVersion) {}

    @SqlQuery("SELECT * FROM organisations WHERE id = :id")
    Optional<Organisation> findById(@Bind("id") long id);

    @SqlQuery("SELECT timezone, settings_version FROM organisations WHERE id = :id")
    Optional<SettingsStamp> findSettingsStamp(@Bind("id") long id);
}
