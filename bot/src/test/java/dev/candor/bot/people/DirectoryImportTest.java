package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.candor.storage.Platform;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PlatformIdentity;
import dev.candor.storage.people.Role;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryImportTest {
    private static final String GUID = "6f1c2e4a-3b5d-4e7f-9a1b-2c3d4e5f6a7b";
    private static final String[] GOOD = {
        "ana@example.com,Ana Lima,,Leadership,Europe/Lisbon,hr_admin,U0ANA,",
        "ben@example.com,Ben Okafor,carol@example.com,Engineering,america/new_york,,U0BEN,29:1abcBen",
        "Carol@Example.com,Carol Chen,ana@example.com,Engineering,,Manager,W0CAROL," + GUID.toUpperCase()
    };

    private ImportFixture fixture;
    private Organisation acme;

    @BeforeEach
    void setUp(@TempDir Path folder) {
        fixture = new ImportFixture(folder);
        acme = fixture.slackOrg("T0ACME", "Acme");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void importsPeopleWithManagersDepartmentsRolesTimezonesAndIdentities() {
        ImportResult result = fixture.importFile(fixture.csv(GOOD));

        assertThat(result.summary()).isEqualTo("Imported 3 people into Acme (org %d): 3 created.", acme.id());
        Person ana = person("ana@example.com");
        Person ben = person("ben@example.com");
        Person carol = person("carol@example.com");
        assertThat(ana)
                .extracting(Person::managerId, Person::role, Person::timezone, Person::department)
                .containsExactly(null, Role.HR_ADMIN, "Europe/Lisbon", "Leadership");
        assertThat(ben)
                .extracting(Person::managerId, Person::role, Person::timezone, Person::name)
                .containsExactly(carol.id(), Role.EMPLOYEE, "America/New_York", "Ben Okafor");
        assertThat(carol)
                .extracting(Person::managerId, Person::role, Person::timezone, Person::email)
                .containsExactly(ana.id(), Role.MANAGER, "UTC", "Carol@Example.com");
        assertThat(fixture.identities(acme.id(), "ben@example.com"))
                .extracting(PlatformIdentity::platform, PlatformIdentity::platformUserId, PlatformIdentity::aadObjectId)
                .containsExactly(tuple(Platform.SLACK, "U0BEN", null), tuple(Platform.TEAMS, "29:1abcBen", null));
        assertThat(fixture.identities(acme.id(), "carol@example.com"))
                .extracting(PlatformIdentity::platform, PlatformIdentity::platformUserId, PlatformIdentity::aadObjectId)
                .containsExactly(tuple(Platform.SLACK, "W0CAROL", null), tuple(Platform.TEAMS, GUID, GUID));
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        Path file = fixture.csv(GOOD);
        fixture.importFile(file);
        var before = fixture.people.listByOrg(acme.id());
        OffsetDateTime lastWrite = lastUpdate();

        ImportResult again = fixture.importFile(file);

        assertThat(again.summary()).isEqualTo("Imported 3 people into Acme (org %d): 3 unchanged.", acme.id());
        assertThat(fixture.people.listByOrg(acme.id())).isEqualTo(before);
        assertThat(lastUpdate()).isEqualTo(lastWrite);
        assertThat(identityCount()).isEqualTo(5);
    }

    @Test
    void importingAnEditedFileUpdatesPeopleAndLeavesOthersAlone() {
        fixture.importFile(fixture.csv(GOOD));
        Person chatOnly = fixture.provisionFromSlack(acme.id(), "Someone from chat", "U0CHAT");

        ImportResult result = fixture.importFile(fixture.csv(
                "ana@example.com,Ana Lima,,Leadership,Europe/Lisbon,hr_admin,U0ANA,",
                "ben@example.com,Ben Okafor,ana@example.com,Sales,America/New_York,,U0BEN,29:1abcBen",
                "carol@example.com,Carol Chen-Park,ana@example.com,,,employee,W0CAROL," + GUID,
                "dan@example.com,Dan Wu,ben@example.com,Sales,,,,"));

        assertThat(result)
                .extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged)
                .containsExactly(1, 2, 1);
        Person ana = person("ana@example.com");
        assertThat(person("ben@example.com"))
                .extracting(Person::managerId, Person::department)
                .containsExactly(ana.id(), "Sales");
        assertThat(person("carol@example.com"))
                .extracting(Person::name, Person::department, Person::role)
                .containsExactly("Carol Chen-Park", null, Role.EMPLOYEE);
        assertThat(person("dan@example.com").managerId())
                .isEqualTo(person("ben@example.com").id());
        assertThat(fixture.people.findById(acme.id(), chatOnly.id())).contains(chatOnly);
    }

    @Test
    void updatesAPersonProvisionedFromSlackInsteadOfDuplicatingThem() {
        Person provisioned = fixture.provisionFromSlack(acme.id(), "ben", "U0BEN");

        ImportResult result = fixture.importFile(fixture.csv(GOOD));

        assertThat(result)
                .extracting(ImportResult::created, ImportResult::updated)
                .containsExactly(2, 1);
        assertThat(fixture.people.listByOrg(acme.id())).hasSize(3);
        assertThat(person("ben@example.com"))
                .extracting(Person::id, Person::name, Person::managerId)
                .containsExactly(
                        provisioned.id(),
                        "Ben Okafor",
                        person("carol@example.com").id());
    }

    @Test
    void updatesAPersonProvisionedFromTeamsByTheirAadObjectId() {
        Person provisioned = fixture.people.insert(acme.id(), "Carol", null, "Asia/Tokyo", "en", false);
        fixture.people.insertIdentity(acme.id(), provisioned.id(), Platform.TEAMS, "29:carolWrote", GUID);

        ImportResult result = fixture.importFile(fixture.csv(GOOD));

        assertThat(result.created()).isEqualTo(2);
        Person carol = person("carol@example.com");
        assertThat(carol).extracting(Person::id, Person::timezone).containsExactly(provisioned.id(), "Asia/Tokyo");
        assertThat(fixture.identities(acme.id(), "carol@example.com"))
                .extracting(PlatformIdentity::platformUserId)
                .containsExactly("W0CAROL", "29:carolWrote");
    }

    @Test
    void acceptsAManagerAlreadyStored() {
        fixture.importFile(fixture.csv("ana@example.com,Ana Lima,,,,,,"));

        ImportResult result = fixture.importFile(fixture.csv("eve@example.com,Eve Adams,ANA@example.com,,,,,"));

        assertThat(result.succeeded()).isTrue();
        assertThat(person("eve@example.com").managerId())
                .isEqualTo(person("ana@example.com").id());
    }

    @Test
    void readsQuotedValuesWithCommasQuotesAndLineBreaks() {
        ImportResult result = fixture.importFile(fixture.csv(
                "\"ana@example.com\",\"Lima, Ana \"\"Nani\"\"\",,\"Research,\nBerlin\",,,,",
                "ben@example.com,Ben,ana@example.com,,,,,"));

        assertThat(result.succeeded()).isTrue();
        assertThat(person("ana@example.com"))
                .extracting(Person::name, Person::department)
                .containsExactly("Lima, Ana \"Nani\"", "Research,\nBerlin");
    }

    @Test
    void readsAFileWithByteOrderMarkAndCrLf() {
        String text = "\uFEFF" + ImportFixture.HEADER + "\r\n" + String.join("\r\n", GOOD) + "\r\n";

        ImportResult result = fixture.importFile(fixture.write(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.created()).isEqualTo(3);
        assertThat(person("carol@example.com").name()).isEqualTo("Carol Chen");
    }

    @Test
    void importsTheExampleFile() throws URISyntaxException {
        Path example = Path.of(getClass().getResource("/people-example.csv").toURI());

        ImportResult result = fixture.importFile(example);

        assertThat(result.summary()).isEqualTo("Imported 4 people into Acme (org %d): 4 created.", acme.id());
        assertThat(person("dana.ortiz@example.com").name()).isEqualTo("Ortiz, Dana");
        assertThat(person("ben.okafor@example.com"))
                .extracting(Person::location, Person::startDate)
                .containsExactly("New York", LocalDate.of(2024, 3, 18));
    }

    private Person person(String email) {
        return fixture.person(acme.id(), email);
    }

    private OffsetDateTime lastUpdate() {
        return fixture.database.jdbi().withHandle(handle -> handle.select("SELECT max(updated_at) FROM people")
                .mapTo(OffsetDateTime.class)
                .one());
    }

    private int identityCount() {
        return fixture.database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM platform_identities")
                .mapTo(Integer.class)
                .one());
    }
}
