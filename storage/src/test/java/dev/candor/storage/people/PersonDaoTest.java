package dev.candor.storage.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonDaoTest {
    private static final String AAD = "6f1c2e4a-3b5d-4e7f-9a1b-2c3d4e5f6a7b";
    private static final LocalDate JOINED = LocalDate.of(2024, 3, 18);

    private Database database;
    private PersonDao people;
    private long orgId;

    @BeforeEach
    void open() {
        database = TestDatabase.fresh();
        people = database.jdbi().onDemand(PersonDao.class);
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T1", "Acme")
                .id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewPersonHasNoLocationOrStartDate() {
        Person person = people.insert(orgId, "Ana", "ana@example.com", "UTC", "en", false);

        assertThat(person.location()).isNull();
        assertThat(person.startDate()).isNull();
    }

    @Test
    void everyLookupReadsTheLocationAndStartDateADirectoryEntryWrote() {
        long id = people.insertWithZones(orgId, "Ana", "ana@example.com", "UTC", null, null, "en", false)
                .id();
        people.insertIdentity(orgId, id, Platform.SLACK, "U1", null);
        people.insertIdentity(orgId, id, Platform.TEAMS, AAD, AAD);

        people.updateDirectoryEntry(
                orgId, id, "Ana", "ana@example.com", "UTC", null, null, Role.EMPLOYEE, null, "Berlin", JOINED);

        List<Person> found = List.of(
                people.findById(orgId, id).orElseThrow(),
                people.findByEmail(orgId, "ANA@example.com").orElseThrow(),
                people.findByPlatformUser(orgId, Platform.SLACK, "U1").orElseThrow(),
                people.findByAadObjectId(orgId, AAD).orElseThrow(),
                people.listByIds(orgId, List.of(id)).get(0),
                people.listByOrg(orgId).get(0));
        assertThat(found).allSatisfy(person -> assertThat(person)
                .extracting(Person::location, Person::startDate)
                .containsExactly("Berlin", JOINED));
    }

    @Test
    void aDirectoryEntryWithoutThemClearsThem() {
        long id = people.insert(orgId, "Ana", "ana@example.com", "UTC", "en", false)
                .id();
        people.updateDirectoryEntry(
                orgId, id, "Ana", "ana@example.com", "UTC", null, null, Role.EMPLOYEE, null, "Berlin", JOINED);

        people.updateDirectoryEntry(
                orgId, id, "Ana", "ana@example.com", "UTC", null, null, Role.EMPLOYEE, null, null, null);

        assertThat(people.findById(orgId, id).orElseThrow())
                .extracting(Person::location, Person::startDate)
                .containsExactly(null, null);
    }
}
