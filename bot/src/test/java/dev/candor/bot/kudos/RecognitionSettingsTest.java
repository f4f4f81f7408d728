package dev.candor.bot.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.org.OrganisationDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settings kept in memory are never stale: every change, made by whichever node or by hand in SQL, shows on the next
 * read. Here the changes go straight to the database, as another node's would.
 */
class RecognitionSettingsTest {
    private Database database;
    private RecognitionSettings settings;
    private long orgId;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        settings = new RecognitionSettings(database.jdbi());
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T0ACME", "Acme")
                .id();
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void startsWithTheDefaults() {
        RecognitionSettings.Snapshot snapshot = settings.get(orgId);

        assertThat(snapshot.settings()).isEqualTo(KudosSettings.defaults(orgId));
        assertThat(snapshot.values()).isEmpty();
        assertThat(snapshot.timezone()).isEqualTo("UTC");
    }

    @Test
    void seesEveryChangeOfSettingsOnTheNextRead() {
        settings.get(orgId);

        KudosSettingsDao dao = database.jdbi().onDemand(KudosSettingsDao.class);
        dao.save(KudosSettings.defaults(orgId).withAllowance(3, AllowancePeriod.WEEK));
        assertThat(settings.get(orgId).settings().allowanceAmount()).isEqualTo(3);

        dao.save(KudosSettings.defaults(orgId).withAllowance(7, AllowancePeriod.WEEK));
        assertThat(settings.get(orgId).settings().allowanceAmount()).isEqualTo(7);

        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM kudos_settings WHERE org_id = ?", orgId));
        assertThat(settings.get(orgId).settings()).isEqualTo(KudosSettings.defaults(orgId));
    }

    @Test
    void seesValuesAddedAndRemovedOnTheNextRead() {
        CompanyValueDao values = database.jdbi().onDemand(CompanyValueDao.class);
        assertThat(settings.get(orgId).values()).isEmpty();

        values.save(orgId, "ownership", "Ownership", ":muscle:", "we finish what we start");
        assertThat(settings.get(orgId).values()).extracting(CompanyValue::tag).containsExactly("ownership");

        values.save(orgId, "ownership", "Owning it", ":muscle:", "we finish what we start");
        assertThat(settings.get(orgId).values()).extracting(CompanyValue::name).containsExactly("Owning it");

        values.delete(orgId, "ownership");
        assertThat(settings.get(orgId).values()).isEmpty();
    }

    @Test
    void readsTheTimeZoneEveryTime() {
        settings.get(orgId);

        database.jdbi()
                .useHandle(handle ->
                        handle.execute("UPDATE organisations SET timezone = 'Europe/Madrid' WHERE id = ?", orgId));

        assertThat(settings.get(orgId).timezone()).isEqualTo("Europe/Madrid");
    }

    @Test
    void keepsOneOrganisationsSettingsApartFromAnothers() {
        long other = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T0OTHER", "Other")
                .id();
        database.jdbi()
                .onDemand(KudosSettingsDao.class)
                .save(KudosSettings.defaults(other).withAllowance(2, AllowancePeriod.DAY));

        assertThat(settings.get(other).settings().allowanceAmount()).isEqualTo(2);
        assertThat(settings.get(orgId).settings()).isEqualTo(KudosSettings.defaults(orgId));
    }
}
