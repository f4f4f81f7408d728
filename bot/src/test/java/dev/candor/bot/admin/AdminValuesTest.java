package dev.candor.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.people.Role;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code values add|remove|require} and the list: stored, audited old → new, undoable. */
class AdminValuesTest {
    private static AdminFixture fixture;
    private Actor hr;

    @BeforeAll
    static void start() {
        fixture = new AdminFixture();
    }

    @BeforeEach
    void organisations() {
        fixture.nextOrganisations();
        hr = fixture.person(Platform.SLACK, "U0HR", "Hana", "UTC", Role.HR_ADMIN);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void addsAValueWithEmojiNameAndDescription() {
        String answer =
                Texts.of(fixture.candor(hr, "admin values add #Ownership :muscle: Ownership — we own outcomes"));

        assertThat(values())
                .extracting(CompanyValue::tag, CompanyValue::emoji, CompanyValue::name, CompanyValue::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ownership", ":muscle:", "Ownership", "we own outcomes"));
        assertThat(answer)
                .contains("Value #ownership: added #ownership :muscle: Ownership — we own outcomes")
                .contains("Undo: /candor admin values remove ownership");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .containsExactly(new AuditRows(
                        hr.personId(), "values add", null, "#ownership :muscle: Ownership — we own outcomes"));
    }

    @Test
    void acceptsOtherDashesAUnicodeEmojiAndNoDescription() {
        fixture.candor(hr, "admin values add craft 🛠️ Craft -- we sweat the details");
        fixture.candor(hr, "admin values add customer-first Customer first");

        assertThat(values())
                .extracting(CompanyValue::tag, CompanyValue::emoji, CompanyValue::name, CompanyValue::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("craft", "🛠️", "Craft", "we sweat the details"),
                        org.assertj.core.groups.Tuple.tuple("customer-first", null, "Customer first", null));
    }

    @Test
    void redefiningAValueAuditsTheOldDefinitionAndOffersItBack() {
        fixture.candor(hr, "admin values add ownership :muscle: Ownership — we own outcomes");

        String answer = Texts.of(fixture.candor(hr, "admin values add ownership Ownership — we finish what we start"));

        assertThat(values()).singleElement().satisfies(value -> {
            assertThat(value.emoji()).isNull();
            assertThat(value.description()).isEqualTo("we finish what we start");
        });
        assertThat(answer)
                .contains("#ownership :muscle: Ownership — we own outcomes → #ownership Ownership — we finish what we"
                        + " start")
                .contains("Undo: /candor admin values add ownership :muscle: Ownership — we own outcomes");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId())).hasSize(2).last().satisfies(row -> {
            assertThat(row.oldValue()).isEqualTo("#ownership :muscle: Ownership — we own outcomes");
            assertThat(row.newValue()).isEqualTo("#ownership Ownership — we finish what we start");
        });
    }

    @Test
    void removesAValueAndSaysHowToAddItBack() {
        fixture.candor(hr, "admin values add ownership :muscle: Ownership — we own outcomes");

        String answer = Texts.of(fixture.candor(hr, "admin values remove #OWNERSHIP"));

        assertThat(values()).isEmpty();
        assertThat(answer)
                .contains("Value #ownership: removed (was #ownership :muscle: Ownership — we own outcomes)")
                .contains("Undo: /candor admin values add ownership :muscle: Ownership — we own outcomes");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .last()
                .isEqualTo(new AuditRows(
                        hr.personId(), "values remove", "#ownership :muscle: Ownership — we own outcomes", null));
    }

    @Test
    void listsTheValuesAndWhetherATagIsRequired() {
        fixture.candor(hr, "admin values add ownership :muscle: Ownership — we own outcomes");
        fixture.candor(hr, "admin values add craft Craft");
        fixture.candor(hr, "admin values require on");

        String list = Texts.of(fixture.candor(hr, "admin values"));

        assertThat(list)
                .contains("#craft Craft\n#ownership :muscle: Ownership — we own outcomes")
                .contains("Every kudos must tag one of them.");
        assertThat(Texts.of(fixture.candor(hr, "admin"))).contains("Values: #craft, #ownership · a tag is required");
    }

    @Test
    void warnsThatRequiringAValueWaitsForTheFirstValue() {
        String answer = Texts.of(fixture.candor(hr, "admin values require on"));

        assertThat(answer).contains("There are no values yet, so this applies once you add one");
    }

    private List<CompanyValue> values() {
        return fixture.jdbi().onDemand(CompanyValueDao.class).list(hr.orgId());
    }
}
