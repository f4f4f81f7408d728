package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.candor.storage.org.Organisation;
import dev.candor.storage.people.Person;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code location} and {@code start_date} columns, which pulse breakdowns and review cycles read. */
class DirectoryImportOptionalColumnsTest {
    private static final String WITH_BOTH = ImportFixture.HEADER + ",location,start_date";
    private static final String ANA = "ana@example.com,Ana Lima,,Leadership,Europe/Lisbon,hr_admin,,";
    private static final String BEN = "ben@example.com,Ben Okafor,ana@example.com,Sales,,,,";

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
    void importsLocationAndStartDateTrimmedInAnyPosition() {
        ImportResult result = fixture.importFile(
                fixture.write(
                        """
                location,email,name,manager_email,department,timezone,role,slack_user_id,start_date,teams_user_id
                "  Berlin, Friedrichstraße ",ana@example.com,Ana Lima,,,,,, 2019-11-04 ,
                ,ben@example.com,Ben Okafor,ana@example.com,,,,,,
                """));

        assertThat(result.created()).isEqualTo(2);
        assertThat(placeOf("ana@example.com")).isEqualTo(tuple("Berlin, Friedrichstraße", LocalDate.of(2019, 11, 4)));
        assertThat(placeOf("ben@example.com")).isEqualTo(tuple(null, null));
    }

    @Test
    void aFileWithoutTheColumnsLeavesStoredValuesAlone() {
        fixture.importFile(fixture.write(lines(WITH_BOTH, ANA + ",Lisbon,2020-01-06", BEN + ",Berlin,2024-03-18")));

        ImportResult result = fixture.importFile(fixture.csv(ANA, BEN));

        assertThat(result.summary()).isEqualTo("Imported 2 people into Acme (org %d): 2 unchanged.", acme.id());
        assertThat(placeOf("ana@example.com")).isEqualTo(tuple("Lisbon", LocalDate.of(2020, 1, 6)));
        assertThat(placeOf("ben@example.com")).isEqualTo(tuple("Berlin", LocalDate.of(2024, 3, 18)));
    }

    @Test
    void aFileWithOneOfTheColumnsLeavesTheOtherAlone() {
        fixture.importFile(fixture.write(lines(WITH_BOTH, ANA + ",Lisbon,2020-01-06")));

        ImportResult result =
                fixture.importFile(fixture.write(lines(ImportFixture.HEADER + ",location", ANA + ",Porto")));

        assertThat(result.updated()).isEqualTo(1);
        assertThat(placeOf("ana@example.com")).isEqualTo(tuple("Porto", LocalDate.of(2020, 1, 6)));
    }

    @Test
    void aChangedLocationOrStartDateCountsAsUpdatedAndAnEmptyCellClearsIt() {
        fixture.importFile(fixture.write(lines(
                WITH_BOTH,
                ANA + ",Lisbon,2020-01-06",
                BEN + ",Berlin,2024-03-18",
                "cy@example.com,Cy,,,,,,,Remote,2025-02-03")));

        ImportResult result = fixture.importFile(fixture.write(
                lines(WITH_BOTH, ANA + ",Lisbon,2020-01-06", BEN + ",Munich,2024-03-18", "cy@example.com,Cy,,,,,,,,")));

        assertThat(result)
                .extracting(ImportResult::created, ImportResult::updated, ImportResult::unchanged)
                .containsExactly(0, 2, 1);
        assertThat(placeOf("ben@example.com")).isEqualTo(tuple("Munich", LocalDate.of(2024, 3, 18)));
        assertThat(placeOf("cy@example.com")).isEqualTo(tuple(null, null));
    }

    @Test
    void refusesBadStartDatesAndLongLocationsWithTheirLinesAndWritesNothing() {
        fixture.importFile(fixture.write(lines(WITH_BOTH, ANA + ",Lisbon,2020-01-06")));

        ImportResult result = fixture.importFile(fixture.write(lines(
                WITH_BOTH,
                ANA + ",Porto,18/03/2024",
                "b@example.com,B,,,,,,,,2024-02-30",
                "c@example.com,C,,,,,,,,2024-3-18",
                "d@example.com,D,,,,,,,,2027-03-03",
                "e@example.com,E,,,,,,," + "x".repeat(101) + ",",
                "f@example.com,F,,,,,,," + "é".repeat(100) + ",2027-03-02")));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "line 2: start_date \"18/03/2024\" is not a date like 2024-03-18 (year-month-day)",
                        "line 3: start_date \"2024-02-30\" is not a date like 2024-03-18 (year-month-day)",
                        "line 4: start_date \"2024-3-18\" is not a date like 2024-03-18 (year-month-day)",
                        "line 5: start_date 2027-03-03 is more than a year ahead; check the year",
                        "line 6: location is 101 characters long; shorten it to at most 100");
        assertThat(fixture.people.listByOrg(acme.id())).hasSize(1);
        assertThat(placeOf("ana@example.com")).isEqualTo(tuple("Lisbon", LocalDate.of(2020, 1, 6)));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private Tuple placeOf(String email) {
        Person person = fixture.person(acme.id(), email);
        return tuple(person.location(), person.startDate());
    }
}
