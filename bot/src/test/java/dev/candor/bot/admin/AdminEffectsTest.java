package dev.candor.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What HR changes is what the kudos feature then does: the settings are read by the real KudosService. */
class AdminEffectsTest {
    private static final Mention ANA = new Mention("U0ANA", "Ana");

    private static AdminFixture fixture;
    private Actor hr;
    private Actor gil;

    @BeforeAll
    static void start() {
        fixture = new AdminFixture();
    }

    @BeforeEach
    void organisations() {
        fixture.nextOrganisations();
        hr = fixture.person(Platform.SLACK, "U0HR", "Hana", "UTC", Role.HR_ADMIN);
        gil = fixture.person(Platform.SLACK, "U0GIL", "Gil", "Europe/Lisbon", Role.EMPLOYEE);
        fixture.person(Platform.SLACK, "U0ANA", "Ana", "UTC", Role.EMPLOYEE);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void leaderboardPeriodsAreRecountedInTheNewTimeZone() {
        fixture.kudos(gil, ANA, "thanks for the late-night fix");
        // 20:00 UTC on 31 October is already 1 November in Auckland.
        fixture.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE kudos SET created_at = '2026-10-31T20:00:00Z' WHERE org_id = ?", gil.orgId()));

        fixture.candor(hr, "admin timezone Pacific/Auckland");

        List<String> months = fixture.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT DISTINCT period_start::text FROM kudos_tallies"
                                + " WHERE org_id = :org AND period_kind = 'month'")
                        .bind("org", gil.orgId())
                        .mapTo(String.class)
                        .list());
        assertThat(months).containsExactly("2026-11-01");
    }

    @Test
    void aSecondKudosIsRefusedAfterTheAllowanceBecomesOneADay() {
        fixture.candor(hr, "admin allowance 1 per day");

        String first = fixture.kudos(gil, ANA, "thanks for the release notes").fallbackText();
        String second = fixture.kudos(gil, ANA, "thanks for the demo as well").fallbackText();

        assertThat(first).contains("You have 0 of 1 kudos left today");
        assertThat(second).contains("You've given all 1 of your kudos today", "Nothing was sent");
        assertThat(kudosCount()).isEqualTo(1);
    }

    @Test
    void hrAdminsGiveWithoutLimitOnceExempt() {
        fixture.candor(hr, "admin allowance 1 per week");
        fixture.candor(hr, "admin allowance hr-exempt on");

        fixture.kudos(hr, ANA, "thanks for the release notes");
        String second = fixture.kudos(hr, ANA, "thanks for the demo as well").fallbackText();

        assertThat(second).contains("As an HR admin you can give as many kudos as you like");
        assertThat(kudosCount()).isEqualTo(2);
    }

    @Test
    void anUnknownTagGetsDidYouMeanOnceValuesAreDefined() {
        String before = fixture.kudos(gil, ANA, "thanks for owning the release #ownrship")
                .fallbackText();
        fixture.candor(hr, "admin values add ownership :muscle: Ownership — we own outcomes");

        String after = fixture.kudos(gil, ANA, "thanks for owning the incident #ownrship")
                .fallbackText();

        assertThat(before).contains("Kudos to");
        assertThat(after).contains("#ownrship isn't one of our values — did you mean #ownership?");
        assertThat(kudosCount()).isEqualTo(1);
    }

    @Test
    void aKudosWithoutAValueIsRefusedOnceAValueIsRequired() {
        fixture.candor(hr, "admin values add craft Craft");
        fixture.candor(hr, "admin values require on");

        String without =
                fixture.kudos(gil, ANA, "thanks for the careful review").fallbackText();
        String with =
                fixture.kudos(gil, ANA, "thanks for the careful review #Craft").fallbackText();

        assertThat(without).contains("Please tag the value this kudos is about: #craft.");
        assertThat(with).contains("Kudos to");
        assertThat(kudosCount()).isEqualTo(1);
    }

    @Test
    void aShortKudosIsRefusedAfterTheMinimumLengthRises() {
        fixture.candor(hr, "admin min-length 40");

        String answer = fixture.kudos(gil, ANA, "thanks for the review!").fallbackText();

        assertThat(answer).contains("kudos need at least 40 characters");
        assertThat(kudosCount()).isZero();
    }

    @Test
    void recognitionGoesToTheChannelNamedByItsSlackLink() {
        Actor admin = hr;
        var answer = AdminFixture.privately(fixture.route(
                admin,
                AdminFixture.SLACK_GENERAL,
                "candor",
                "admin kudos-channel #kudos",
                List.of(),
                List.of("C0KUDOS")));

        fixture.kudos(gil, ANA, "thanks for the release notes");

        assertThat(fixture.settings(hr.orgId()).slackKudosChannel()).isEqualTo("C0KUDOS");
        assertThat(Texts.of(answer))
                .contains("Kudos channel in Slack: where each kudos is given → #kudos (C0KUDOS)")
                .contains("/invite @Candor")
                .contains("Undo: /candor admin kudos-channel off");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .containsExactly(new AuditRows(
                        hr.personId(), "kudos-channel slack", "where each kudos is given", "#kudos (C0KUDOS)"));
        assertThat(postTargets()).containsExactly("C0KUDOS");

        fixture.candor(hr, "admin kudos-channel off");
        fixture.kudos(gil, ANA, "thanks for the demo recording");
        assertThat(postTargets()).containsExactly("C0KUDOS", "C0GENERAL");
    }

    private long kudosCount() {
        return fixture.jdbi()
                .withHandle(handle -> handle.select("SELECT count(*) FROM kudos WHERE org_id = ?", hr.orgId())
                        .mapTo(Long.class)
                        .one());
    }

    private List<String> postTargets() {
        return fixture.jdbi().withHandle(handle -> handle.select(
                        "SELECT target FROM outbox WHERE org_id = ? AND idempotency_key LIKE 'kudos:%:post' ORDER BY id",
                        hr.orgId())
                .mapTo(String.class)
                .list());
    }
}
