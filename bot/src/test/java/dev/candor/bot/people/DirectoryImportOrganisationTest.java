package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.org.Organisation;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryImportOrganisationTest {
    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private ImportFixture fixture;
    private Path file;

    @BeforeEach
    void setUp(@TempDir Path folder) {
        fixture = new ImportFixture(folder);
        file = fixture.csv("ana@example.com,Ana,,,,,,");
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void importsIntoTheOnlyOrganisationWhenNoFlagIsGiven() {
        Organisation acme = fixture.slackOrg("T0ACME", "Acme");

        ImportResult result = fixture.importFile(file);

        assertThat(result.organisation()).isEqualTo(acme);
        assertThat(fixture.people.findByEmail(acme.id(), "ana@example.com")).isPresent();
    }

    @Test
    void refusesWithoutFlagsWhenThereIsNoOrganisation() {
        ImportResult result = fixture.importFile(file);

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly("there is no organisation yet: pass --slack-team T… or --teams-tenant <tenant-guid>"
                        + " to create it");
    }

    @Test
    void refusesWithoutFlagsWhenThereAreSeveralOrganisationsAndListsThem() {
        Organisation acme = fixture.slackOrg("T0ACME", "Acme");
        Organisation beta = fixture.organisations.upsertTeams(TENANT, "Beta", null);

        ImportResult result = fixture.importFile(file);

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(("there are 2 organisations; pass --slack-team or --teams-tenant (or --org <id>) to"
                                + " choose one: org %d Acme (Slack T0ACME), org %d Beta (Teams %s)")
                        .formatted(acme.id(), beta.id(), TENANT));
    }

    @Test
    void importsIntoTheOrganisationGivenById() {
        fixture.slackOrg("T0ACME", "Acme");
        Organisation beta = fixture.organisations.upsertTeams(TENANT, "Beta", null);

        ImportResult result = fixture.importFile(file, beta.id(), null, null);

        assertThat(result.organisation().id()).isEqualTo(beta.id());
        assertThat(fixture.people.findByEmail(beta.id(), "ana@example.com")).isPresent();
    }

    @Test
    void refusesAnUnknownOrganisationId() {
        Organisation acme = fixture.slackOrg("T0ACME", "Acme");

        ImportResult result = fixture.importFile(file, 999L, null, null);

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly("--org 999: there is no such organisation; existing: org %d Acme (Slack T0ACME)"
                        .formatted(acme.id()));
    }

    @Test
    void createsTheOrganisationOfANewSlackTeamNamedByItsId() {
        ImportResult result = fixture.importFile(file, null, "T0NEW", null);

        assertThat(result.organisation())
                .extracting(Organisation::name, Organisation::slackTeamId, Organisation::teamsTenantId)
                .containsExactly("T0NEW", "T0NEW", null);
        assertThat(fixture.organisations.listAll()).hasSize(1);
    }

    @Test
    void linksTheTeamsTenantToTheOrganisationFoundBySlackTeam() {
        Organisation acme = fixture.slackOrg("T0ACME", "Acme");

        ImportResult result = fixture.importFile(file, null, "T0ACME", TENANT.toUpperCase());

        assertThat(result.organisation().id()).isEqualTo(acme.id());
        assertThat(fixture.organisations.findByTeamsTenant(TENANT))
                .map(Organisation::id)
                .contains(acme.id());
        assertThat(fixture.organisations.listAll()).hasSize(1);
    }

    @Test
    void linksTheSlackTeamToTheOrganisationFoundByTenant() {
        Organisation beta = fixture.organisations.upsertTeams(TENANT, "Beta", null);

        ImportResult result = fixture.importFile(file, null, "T0BETA", TENANT);

        assertThat(result.organisation())
                .extracting(Organisation::id, Organisation::slackTeamId)
                .containsExactly(beta.id(), "T0BETA");
    }

    @Test
    void refusesFlagsThatNameDifferentOrganisations() {
        Organisation acme = fixture.slackOrg("T0ACME", "Acme");
        Organisation beta = fixture.organisations.upsertTeams(TENANT, "Beta", null);

        ImportResult result = fixture.importFile(file, null, "T0ACME", TENANT);

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(("the flags name different organisations: --slack-team T0ACME is org %d Acme"
                                + " (Slack T0ACME), --teams-tenant %s is org %d Beta (Teams %s)")
                        .formatted(acme.id(), TENANT, beta.id(), TENANT));
    }

    @Test
    void refusesToMoveAnOrganisationToAnotherSlackTeam() {
        Organisation acme = fixture.slackOrg("T0ACME", "Acme");

        ImportResult result = fixture.importFile(file, acme.id(), "T0OTHER", null);

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly("org %d Acme (Slack T0ACME) is already linked to Slack team T0ACME, not T0OTHER"
                        .formatted(acme.id()));
    }

    @Test
    void refusesMalformedFlagsTogetherWithTheFileProblems() {
        Path bad = fixture.csv("bob@,Bob,,,,,,");

        ImportResult result = fixture.importFile(bad, null, "t0acme", "not-a-guid");

        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .containsExactly(
                        "--slack-team \"t0acme\" must be a Slack team id: T followed by upper-case letters and digits",
                        "--teams-tenant \"not-a-guid\" must be a Microsoft Entra tenant id (a GUID)",
                        "line 2: email \"bob@\" is not a valid email address");
    }

    @Test
    void createsNoOrganisationWhenTheFileIsRefused() {
        ImportResult result = fixture.importFile(fixture.csv("bob@,Bob,,,,,,"), null, "T0NEW", TENANT);

        assertThat(result.succeeded()).isFalse();
        assertThat(fixture.organisations.listAll()).isEmpty();
    }
}
