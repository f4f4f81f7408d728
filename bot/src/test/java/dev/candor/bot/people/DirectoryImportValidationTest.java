package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.org.Organisation;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryImportValidationTest {
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
    void reportsEveryProblemWithItsLineAndImportsNothing() {
        ImportResult result = fixture.importFile(fixture.csv(
                "ana@example.com,Ana,,,,,,",
                "bob@,Bob,,,,boss,,",
                "carol@example.com,,nobody@example.com,,Mars/Olympus,,u123,abc",
                "ANA@example.com,Ana Again,,,,,,",
                "dan@example.com,Dan,Dan@example.com,,,,U0DAN,",
                "eve@example.com,Eve,,,,,U0DAN,29:eve",
                "fay@example.com,Fay,,,,,,29:eve"));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "line 3: email \"bob@\" is not a valid email address",
                        "line 3: role \"boss\" must be employee, manager or hr_admin",
                        "line 4: name is empty",
                        "line 4: timezone \"Mars/Olympus\" is not a known IANA time zone (e.g. Europe/Berlin)",
                        "line 4: slack_user_id \"u123\" must look like a Slack user id: U or W followed by upper-case"
                                + " letters and digits (e.g. U024BE7LH)",
                        "line 4: teams_user_id \"abc\" must be an AAD object id (a GUID such as"
                                + " 6f1c2e4a-3b5d-4e7f-9a1b-2c3d4e5f6a7b) or a Bot Framework user id starting with 29:",
                        "line 4: manager_email nobody@example.com is neither in this file nor in Candor",
                        "line 5: email ana@example.com is also on line 2",
                        "line 6: dan@example.com cannot be their own manager; leave manager_email empty",
                        "line 7: slack_user_id U0DAN is also on line 6",
                        "line 8: teams_user_id 29:eve is also on line 7");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(fixture.people.listByOrg(acme.id())).isEmpty();
    }

    @Test
    void summaryListsOneProblemPerLine() {
        ImportResult result = fixture.importFile(fixture.csv("ana@example.com,Ana,,,,chief,,", "bob@,Bob,,,,,,"));

        assertThat(result.summary())
                .isEqualTo(
                        """
                        Nothing imported: 2 problems in people-1.csv:
                          line 2: role "chief" must be employee, manager or hr_admin
                          line 3: email "bob@" is not a valid email address""");
    }

    @Test
    void refusesATwoPersonManagerCycle() {
        ImportResult result = fixture.importFile(
                fixture.csv("ana@example.com,Ana,ben@example.com,,,,,", "ben@example.com,Ben,ana@example.com,,,,,"));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "line 2: manager cycle: ana@example.com -> ben@example.com -> ana@example.com (lines 2, 3)");
    }

    @Test
    void refusesAThreePersonManagerCycleNamedFromItsFirstLine() {
        ImportResult result = fixture.importFile(fixture.csv(
                "top@example.com,Top,,,,,,",
                "cy@example.com,Cy,ann@example.com,,,,,",
                "ann@example.com,Ann,bo@example.com,,,,,",
                "bo@example.com,Bo,cy@example.com,,,,,",
                "dee@example.com,Dee,ann@example.com,,,,,"));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly("line 3: manager cycle: cy@example.com -> ann@example.com -> bo@example.com"
                        + " -> cy@example.com (lines 3, 4, 5)");
    }

    @Test
    void refusesACycleThroughPeopleAlreadyStored() {
        fixture.importFile(fixture.csv("ana@example.com,Ana,,,,,,", "ben@example.com,Ben,ana@example.com,,,,,"));

        ImportResult result = fixture.importFile(fixture.csv("ana@example.com,Ana,ben@example.com,,,,,"));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "line 2: manager cycle: ana@example.com -> ben@example.com (in Candor) -> ana@example.com");
        assertThat(fixture.managerIdOf(acme.id(), "ana@example.com")).isNull();
    }

    @Test
    void refusesAnUnknownManager() {
        ImportResult result =
                fixture.importFile(fixture.csv("ana@example.com,Ana,,,,,,", "ben@example.com,Ben,carol@x.com,,,,,"));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly("line 3: manager_email carol@x.com is neither in this file nor in Candor");
        assertThat(fixture.people.listByOrg(acme.id())).isEmpty();
    }

    @Test
    void refusesTwoRowsThatAreTheSameStoredPerson() {
        fixture.importFile(fixture.csv("old@example.com,Pat,,,,,U0PAT,"));

        ImportResult result =
                fixture.importFile(fixture.csv("old@example.com,Pat,,,,,,", "new@example.com,Pat,,,,,U0PAT,"));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly("line 3: slack_user_id U0PAT belongs to old@example.com in Candor,"
                        + " who line 2 already names (by email old@example.com)");
    }

    @Test
    void countsLinesOfQuotedLineBreaksWhenReporting() {
        ImportResult result = fixture.importFile(fixture.csv(
                "ana@example.com,Ana,,\"Research\nand\nDevelopment\",,,,", "ben@example.com,Ben,,,,chief,,"));

        assertThat(result.problems()).extracting(ImportProblem::line).containsExactly(5);
    }

    @Test
    void namesAMissingHeaderColumn() {
        ImportResult result = fixture.importFile(fixture.write(
                "email,name,manager_email,department,timezone,role,slack_user_id\nana@example.com,Ana,,,,,\n"));

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "line 1: missing column teams_user_id; the header must be " + ImportFixture.HEADER_HELP);
        assertThat(fixture.people.listByOrg(acme.id())).isEmpty();
    }
}
