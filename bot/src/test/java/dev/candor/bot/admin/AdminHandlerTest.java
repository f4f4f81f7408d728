package dev.candor.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.TextCommand;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.people.Role;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /candor admin …} through the production router and a real database: who may, what changes, the audit. */
class AdminHandlerTest {
    private static AdminFixture fixture;
    private Actor hr;

    @BeforeAll
    static void start() {
        fixture = new AdminFixture();
    }

    @BeforeEach
    void organisations() {
        fixture.nextOrganisations();
        hr = fixture.person(Platform.SLACK, "U0HR", "Hana", "Europe/Berlin", Role.HR_ADMIN);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void refusesEveryoneButHrAdminsAndNamesWhomToAsk() {
        for (String name : List.of("Zoe", "Li", "Bo", "Cy", "Ana")) {
            fixture.person(Platform.SLACK, "U0" + name.toUpperCase(), name, "UTC", Role.HR_ADMIN);
        }
        Actor employee = fixture.person(Platform.SLACK, "U0EVE", "Eve", "UTC", Role.EMPLOYEE);
        Actor manager = fixture.person(Platform.SLACK, "U0MAX", "Max", "UTC", Role.MANAGER);

        List<Message> answers = Stream.of(
                        "admin allowance 1 per day",
                        "admin values add ownership Ownership",
                        "admin timezone Europe/Lisbon",
                        "admin kudos-channel here",
                        "admin",
                        "admin audit")
                .flatMap(text -> Stream.of(fixture.candor(employee, text), fixture.candor(manager, text)))
                .toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.fallbackText())
                .contains("Only HR admins can change Candor's settings")
                .endsWith("Ask one of: Ana, Bo, Cy, Hana, Li."));
        assertThat(fixture.settings(hr.orgId())).isEqualTo(KudosSettings.defaults(hr.orgId()));
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId())).isEmpty();
        assertThat(count("SELECT count(*) FROM company_values WHERE org_id = ?", hr.orgId()))
                .isZero();
        assertThat(count("SELECT count(*) FROM organisations WHERE id = ? AND timezone <> 'UTC'", hr.orgId()))
                .isZero();
    }

    @Test
    void saysHowToGetAnHrAdminWhenThereIsNone() {
        Actor teams = fixture.person(Platform.TEAMS, "29:eve", "Eve", "UTC", Role.EMPLOYEE);

        assertThat(fixture.candor(teams, "admin allowance 1 per day").fallbackText())
                .contains("Only HR admins", "Nobody is an HR admin yet", "role hr_admin");
    }

    @Test
    void showsTheCurrentSettingsAndEveryCommandWithAnExample() {
        Message overview = fixture.candor(hr, "admin");

        assertThat(fixture.candor(hr, "admin help")).isEqualTo(overview);
        assertThat(Texts.of(overview))
                .contains("Candor settings")
                .contains("Values: none yet — any #tag is accepted")
                .contains("Allowance: 5 per day · HR admins included")
                .contains("Kudos channel: where each kudos is given")
                .contains("Weekly digest: Fridays at 16:00 · UTC")
                .contains("Reaction kudos: :clap:")
                .contains("/candor admin allowance <number> per day|week|month")
                .contains("e.g. /candor admin values add ownership :muscle: Ownership — we own outcomes")
                .contains("/candor admin kudos-channel #channel|here|off")
                .contains("/candor admin audit");
    }

    @Test
    void changesTheAllowanceAndSaysOldNewAndHowToUndo() {
        Message answer = fixture.candor(hr, "admin allowance 10 per week");

        KudosSettings settings = fixture.settings(hr.orgId());
        assertThat(settings.allowanceAmount()).isEqualTo(10);
        assertThat(settings.allowancePeriod()).isEqualTo(AllowancePeriod.WEEK);
        assertThat(Texts.of(answer))
                .contains("Allowance: 5 per day → 10 per week")
                .contains("Undo: /candor admin allowance 5 per day");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .containsExactly(new AuditRows(hr.personId(), "allowance", "5 per day", "10 per week"));
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                change(
                        "allowance 3 per month",
                        "allowance",
                        "5 per day",
                        "3 per month",
                        s -> s.allowanceAmount() + " " + s.allowancePeriod(),
                        "3 MONTH"),
                change("ALLOWANCE 7 a Week", "allowance", "5 per day", "7 per week", s -> s.allowanceAmount(), 7),
                change(
                        "allowance hr-exempt on",
                        "allowance hr-exempt",
                        "off",
                        "on",
                        KudosSettings::hrAdminsExempt,
                        true),
                change("values require on", "values require", "off", "on", KudosSettings::valueRequired, true),
                change(
                        "digest monday 9:30",
                        "digest",
                        "Fridays at 16:00",
                        "Mondays at 09:30",
                        s -> s.digestDay() + " " + s.digestTime(),
                        "1 09:30"),
                change(
                        "digest off",
                        "digest",
                        "Fridays at 16:00",
                        "off (Fridays at 16:00 when on)",
                        KudosSettings::digestEnabled,
                        false),
                change(
                        "reaction-emoji :raised_hands:",
                        "reaction-emoji",
                        ":clap:",
                        ":raised_hands:",
                        KudosSettings::reactionEmoji,
                        "raised_hands"),
                change(
                        "reaction-emoji tada",
                        "reaction-emoji",
                        ":clap:",
                        ":tada:",
                        KudosSettings::reactionEmoji,
                        "tada"),
                change(
                        "min-length 0",
                        "min-length",
                        "10 characters",
                        "0 characters",
                        KudosSettings::minMessageLength,
                        0),
                change("gap-weeks 4", "gap-weeks", "6 weeks", "4 weeks", KudosSettings::gapWeeks, 4),
                change(
                        "kudos-channel C0KUDOS42",
                        "kudos-channel slack",
                        "where each kudos is given",
                        "channel C0KUDOS42",
                        KudosSettings::slackKudosChannel,
                        "C0KUDOS42"));
    }

    private static Arguments change(
            String command,
            String action,
            String before,
            String after,
            Function<KudosSettings, Object> read,
            Object expected) {
        return Arguments.of(command, action, before, after, read, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void changesEachSettingWithOneAuditRow(
            String command,
            String action,
            String before,
            String after,
            Function<KudosSettings, Object> read,
            Object expected) {
        Message answer = fixture.candor(hr, "admin " + command);

        assertThat(read.apply(fixture.settings(hr.orgId()))).isEqualTo(expected);
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .containsExactly(new AuditRows(hr.personId(), action, before, after));
        assertThat(Texts.of(answer)).contains(before + " → " + after).contains("Undo: /candor admin ");
    }

    @Test
    void turningTheDigestBackOnKeepsItsDayAndTime() {
        fixture.candor(hr, "admin digest tue 08:00");
        fixture.candor(hr, "admin digest off");
        Message answer = fixture.candor(hr, "admin digest on");

        KudosSettings settings = fixture.settings(hr.orgId());
        assertThat(settings.digestEnabled()).isTrue();
        assertThat(settings.digestDay()).isEqualTo(2);
        assertThat(Texts.of(answer))
                .contains("off (Tuesdays at 08:00 when on) → Tuesdays at 08:00")
                .contains("Undo: /candor admin digest tuesday 08:00, then /candor admin digest off")
                .contains("organisation's time zone, UTC");
    }

    @Test
    void writesNothingWhenTheSettingAlreadyIsWhatWasAsked() {
        Message answer = fixture.candor(hr, "admin allowance 5 per day");

        assertThat(answer.fallbackText()).isEqualTo("Allowance is already 5 per day — nothing changed.");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId())).isEmpty();
    }

    @Test
    void setsTheOrganisationsTimeZoneInItsCanonicalSpelling() {
        Message answer = fixture.candor(hr, "admin timezone america/new_york");

        assertThat(timezone(hr)).isEqualTo("America/New_York");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId()))
                .containsExactly(new AuditRows(hr.personId(), "timezone", "UTC", "America/New_York"));
        assertThat(Texts.of(answer))
                .contains("Organisation time zone: UTC → America/New_York")
                .contains("Undo: /candor admin timezone UTC")
                .contains("The weekly digest goes out Fridays at 16:00 America/New_York.");
    }

    @Test
    void suggestsZonesForACityAndRefusesOffsets() {
        Message city = fixture.candor(hr, "admin timezone new york");
        Message offset = fixture.candor(hr, "admin timezone +02:00");

        assertThat(Texts.of(city)).contains("did you mean America/New_York?", "Nothing was changed");
        assertThat(Texts.of(offset)).contains("isn't a time zone I know", "Area/City", "e.g. /candor admin timezone");
        assertThat(timezone(hr)).isEqualTo("UTC");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId())).isEmpty();
    }

    @Test
    void showsTheLastTenChangesNewestFirstInTheReadersTimeZone() {
        for (int weeks = 1; weeks <= 12; weeks++) {
            fixture.candor(hr, "admin gap-weeks " + weeks);
        }
        fixture.jdbi()
                .useHandle(handle -> handle.execute("UPDATE audit_log SET created_at = '2030-01-01T00:30:00Z'"
                        + " WHERE id = (SELECT max(id) FROM audit_log)"));
        Actor tokyo = fixture.person(Platform.SLACK, "U0KEN", "Ken", "Asia/Tokyo", Role.HR_ADMIN);

        String audit = Texts.of(fixture.candor(tokyo, "admin audit"));

        assertThat(audit.lines().filter(line -> line.contains("gap-weeks"))).hasSize(10);
        assertThat(audit)
                .contains("1 Jan 2030 09:30  Hana · gap-weeks: 11 weeks → 12 weeks")
                .contains("Hana · gap-weeks: 2 weeks → 3 weeks")
                .doesNotContain("1 week → 2 weeks")
                .contains("Times in Asia/Tokyo.");
        assertThat(audit.indexOf("11 weeks → 12 weeks")).isLessThan(audit.indexOf("10 weeks → 11 weeks"));
    }

    @Test
    void sendsCandorHelpToTheHelpAndAdminWordsToAdministration() {
        assertThat(fixture.candor(hr, "help").fallbackText()).startsWith("Candor commands:");
        assertThat(fixture.candor(hr, "").fallbackText()).startsWith("Candor commands:");
        assertThat(TextCommand.parse("admin allowance 2 per week"))
                .isEqualTo(new TextCommand("candor", "admin allowance 2 per week"));
        assertThat(TextCommand.parse("candor admin allowance 2 per week"))
                .isEqualTo(new TextCommand("candor", "admin allowance 2 per week"));
    }

    @Test
    void changesOnlyTheAdminsOwnOrganisation() {
        Actor teamsHr = fixture.person(Platform.TEAMS, "29:hr", "Tess", "UTC", Role.HR_ADMIN);

        fixture.candor(hr, "admin allowance 2 per week");
        fixture.candor(hr, "admin values add ownership Ownership");

        assertThat(fixture.settings(teamsHr.orgId())).isEqualTo(KudosSettings.defaults(teamsHr.orgId()));
        assertThat(Texts.of(fixture.candor(teamsHr, "admin values"))).contains("No values yet");
        assertThat(fixture.candor(teamsHr, "admin audit").fallbackText())
                .isEqualTo("No settings have been changed yet.");
        assertThat(AuditRows.of(fixture.jdbi(), teamsHr.orgId())).isEmpty();
    }

    @Test
    void refusesHereInADirectMessage() {
        ConversationRef dm = new ConversationRef(Platform.SLACK, "D0HR", ConversationKind.DM, null);

        Message answer = AdminFixture.privately(fixture.route(hr, dm, "candor", "admin kudos-channel here", List.of()));

        assertThat(Texts.of(answer)).contains("This is a private chat", "Nothing was changed");
        assertThat(fixture.settings(hr.orgId()).slackKudosChannel()).isNull();
    }

    @Test
    void storesATeamsChannelWithoutItsThreadOnceCandorCanPostThere() {
        Actor teamsHr = fixture.person(Platform.TEAMS, "29:hr", "Tess", "UTC", Role.HR_ADMIN);

        String before = Texts.of(fixture.candor(teamsHr, "admin kudos-channel here"));
        fixture.jdbi()
                .onDemand(ConversationDao.class)
                .upsert(
                        teamsHr.orgId(),
                        Platform.TEAMS,
                        "19:general@thread.tacv2",
                        ConversationKind.CHANNEL,
                        null,
                        "{}");
        String after = Texts.of(fixture.candor(teamsHr, "admin kudos-channel here"));

        assertThat(before).contains("I can't post in that channel yet", "@Candor admin kudos-channel here|off");
        assertThat(after).contains("where each kudos is given → channel 19:general@thread.tacv2");
        assertThat(fixture.settings(teamsHr.orgId()).teamsKudosChannel()).isEqualTo("19:general@thread.tacv2");
        assertThat(fixture.settings(teamsHr.orgId()).slackKudosChannel()).isNull();
        assertThat(AuditRows.of(fixture.jdbi(), teamsHr.orgId()))
                .extracting(AuditRows::action)
                .containsExactly("kudos-channel teams");
    }

    @Test
    void concurrentChangesToDifferentSettingsAreAllKept() throws Exception {
        List<String> commands = List.of(
                "allowance 7 per week",
                "allowance hr-exempt on",
                "values require on",
                "digest monday 09:00",
                "reaction-emoji tada",
                "min-length 20",
                "gap-weeks 3",
                "kudos-channel C0KUDOS42",
                "timezone Europe/Berlin",
                "working-days mon-thu",
                "quiet-hours 21:00-07:00",
                "values add craft Craft");
        ExecutorService pool = Executors.newFixedThreadPool(commands.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Message>> answers = commands.stream()
                    .map(command -> pool.submit(() -> {
                        start.await();
                        return fixture.candor(hr, "admin " + command);
                    }))
                    .toList();
            start.countDown();
            for (Future<Message> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS).fallbackText()).startsWith("✅");
            }
        } finally {
            pool.shutdownNow();
        }

        KudosSettings settings = fixture.settings(hr.orgId());
        assertThat(settings)
                .extracting(
                        KudosSettings::allowanceAmount,
                        KudosSettings::hrAdminsExempt,
                        KudosSettings::valueRequired,
                        KudosSettings::digestDay,
                        KudosSettings::reactionEmoji,
                        KudosSettings::minMessageLength,
                        KudosSettings::gapWeeks,
                        KudosSettings::slackKudosChannel)
                .containsExactly(7, true, true, 1, "tada", 20, 3, "C0KUDOS42");
        assertThat(timezone(hr)).isEqualTo("Europe/Berlin");
        String workingTime = fixture.jdbi().withHandle(handle -> handle.select(
                        "SELECT quiet_from || '-' || quiet_until || ' ' || working_days::text"
                                + " FROM organisations WHERE id = ?",
                        hr.orgId())
                .mapTo(String.class)
                .one());
        assertThat(workingTime).isEqualTo("21:00:00-07:00:00 {1,2,3,4}");
        assertThat(AuditRows.of(fixture.jdbi(), hr.orgId())).hasSize(commands.size());
    }

    private long count(String sql, Object... arguments) {
        return fixture.jdbi()
                .withHandle(handle ->
                        handle.select(sql, arguments).mapTo(Long.class).one());
    }

    private String timezone(Actor actor) {
        return fixture.jdbi()
                .withHandle(handle -> handle.select("SELECT timezone FROM organisations WHERE id = ?", actor.orgId())
                        .mapTo(String.class)
                        .one());
    }
}
