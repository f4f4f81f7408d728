package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Platform;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.people.Person;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a person's zone came from: the platform's profile, the people import, or neither. Recognition keeps counting in
 * whichever zone Candor heard last (as before); the asking engine ranks them platform, directory, organisation.
 */
class PersonZonesTest {
    private static final String TENANT = "b1f7a3c2-0000-4000-8000-00000000cafe";

    private ImportFixture fixture;
    private PeopleDirectory directory;
    private WorkingTimeLoader loader;
    private Organisation acme;

    @BeforeEach
    void setUp(@TempDir Path folder) {
        fixture = new ImportFixture(folder);
        acme = fixture.slackOrg("T0ZONES", "Acme");
        fixture.organisations.replaceTimezone(acme.id(), "Asia/Tokyo");
        // Slack's users.info, as the profile source gives it: Ana is in Berlin. Looked up at once (no thread pool).
        ProfileSource slack =
                (team, user) -> Optional.of(new Profile("Ana", "ana@acme.test", "Europe/Berlin", false, false));
        directory = new PeopleDirectory(fixture.database.jdbi(), Map.of(Platform.SLACK, slack), Runnable::run);
        loader = new WorkingTimeLoader(fixture.database.jdbi(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void theSlackProfilesZoneOutranksTheDirectorysThoughRecognitionTakesTheLatest() {
        Actor ana = directory.actorFor(PlatformUser.slack("T0ZONES", "U0ANA", "ana"));
        fixture.importFile(fixture.csv("ana@acme.test,Ana,,,America/Chicago,,U0ANA,"), acme.id(), null, null);

        Person stored = fixture.person(acme.id(), "ana@acme.test");
        assertThat(stored)
                .extracting(Person::timezone, Person::profileTimezone, Person::directoryTimezone)
                .containsExactly("America/Chicago", "Europe/Berlin", "America/Chicago");
        assertThat(zoneOf(ana.personId())).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void theDirectorysZoneCountsForSomeoneWhoseProfileSaysNoneAndStaysWhenACellIsEmpty() {
        fixture.importFile(fixture.csv("ben@acme.test,Ben,,,America/New_York,,,"), acme.id(), null, null);
        fixture.importFile(fixture.csv("ben@acme.test,Ben Okafor,,,,,,"), acme.id(), null, null);

        Person ben = fixture.person(acme.id(), "ben@acme.test");
        assertThat(ben)
                .extracting(Person::name, Person::profileTimezone, Person::directoryTimezone)
                .containsExactly("Ben Okafor", null, "America/New_York");
        assertThat(zoneOf(ben.id())).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void someoneNobodyToldCandorAboutGetsTheOrganisationsZone() {
        fixture.importFile(fixture.csv("cy@acme.test,Cy,,,,,,"), acme.id(), null, null);

        Person cy = fixture.person(acme.id(), "cy@acme.test");
        assertThat(cy.timezone()).as("recognition's default, as before").isEqualTo("UTC");
        assertThat(zoneOf(cy.id())).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void teamsClientInfoIsThePlatformsZoneAndWinsBackRecognitionAfterAnImport() {
        PlatformUser dee = new PlatformUser(
                Platform.TEAMS, TENANT, "29:dee", "Dee", null, "Europe/Lisbon", "en-US", "https://smba.test/");
        Actor first = directory.actorFor(dee);
        long orgId = first.orgId();
        fixture.database
                .jdbi()
                .useHandle(handle ->
                        handle.execute("UPDATE people SET email = 'dee@acme.test' WHERE id = ?", first.personId()));
        fixture.importFile(fixture.csv("dee@acme.test,Dee,,,Asia/Kolkata,,,29:dee"), orgId, null, null);
        assertThat(fixture.person(orgId, "dee@acme.test").timezone()).isEqualTo("Asia/Kolkata");

        Actor next = directory.actorFor(dee);

        assertThat(next.zone()).as("recognition: the zone Teams sent last").isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(fixture.person(orgId, "dee@acme.test"))
                .extracting(Person::profileTimezone, Person::directoryTimezone)
                .containsExactly("Europe/Lisbon", "Asia/Kolkata");
        assertThat(loader.of(orgId, List.of(next.personId()))
                        .get(next.personId())
                        .zone())
                .isEqualTo(ZoneId.of("Europe/Lisbon"));
    }

    private ZoneId zoneOf(long personId) {
        return loader.of(acme.id(), List.of(personId)).get(personId).zone();
    }
}
