package dev.candor.bot.checkin;

import static dev.candor.bot.checkin.CheckinFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Reply;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.Platform;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Setting up and sending check-ins through the production router on both platforms: the engine's questionnaire
 * rules in the setup form, whom Candor can't reach, {@code /checkin} opening the form, {@code /checkin send}'s answer.
 */
class CheckinSetupAndSendTest {
    /** Friday 10:00 UTC: 11:00 in Berlin, 05:00 in New York (quiet hours), 18:00 in Shanghai. */
    static final Clock FRIDAY = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theEnginesRulesForQuestionsShowNextToThemAndNothingIsSaved(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            Form form = ((Reply.OpenForm) fixture.checkin(fixture.maya, "setup")).form();
            String sixteen = IntStream.rangeClosed(1, 16)
                    .mapToObj(n -> "text: Question " + n + "?")
                    .collect(Collectors.joining("\n"));
            String onlyOneOption = "mood: How are you?\nchoice: Where did you work? [Office]";
            String tooLong = "text: " + "x".repeat(301);

            assertThat(errorOf(fixture.submit(fixture.maya, form, Map.of("questions", List.of(sixteen)))))
                    .contains("up to 15 questions: remove 1.");
            assertThat(errorOf(fixture.submit(fixture.maya, form, Map.of("questions", List.of(onlyOneOption)))))
                    .isEqualTo("Question 2 has 1 option(s): give it 2 to 10.");
            assertThat(errorOf(fixture.submit(fixture.maya, form, Map.of("questions", List.of(tooLong)))))
                    .isEqualTo("Question 1 is 301 characters long: shorten it to 300.");
            assertThat(fixture.base.jdbi().onDemand(CheckinDao.class).listByOrg(fixture.maya.orgId()))
                    .isEmpty();
            assertThat(fixture.count("SELECT count(*) FROM questionnaires WHERE org_id = ?", fixture.maya.orgId()))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void hrSetsUpACheckinForAManagersTeamWhoOwnsItAndIsTold(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform, FRIDAY)) {
            Form managers = ((Reply.OpenForm) fixture.checkin(fixture.maya, "setup")).form();
            Form hrs = ((Reply.OpenForm) fixture.checkin(fixture.hana, "setup")).form();
            assertThat(managers.inputs()).extracting(Form.Input::id).doesNotContain("owner");
            assertThat(hrs.inputs()).extracting(Form.Input::id).contains("owner");

            String saved =
                    text(fixture.submit(fixture.hana, hrs, Map.of("owner", List.of(fixture.maya.platformUserId()))));

            assertThat(saved).startsWith("✅ Check-in \"Weekly check-in\"").contains("It is Maya's");
            long id = fixture.base.jdbi().withHandle(handle -> handle.select(
                            "SELECT id FROM checkins WHERE owner_id = ?", fixture.maya.personId())
                    .mapTo(Long.class)
                    .one());
            assertThat(fixture.count(
                            "SELECT count(*) FROM outbox WHERE idempotency_key = ? AND target = ?"
                                    + " AND payload::text LIKE '%Hana set up the check-in%'",
                            "checkin:" + id + ":owner:" + fixture.maya.personId(), fixture.maya.platformUserId()))
                    .isEqualTo(1);
            assertThat(text(fixture.checkin(fixture.maya, "send"))).startsWith("📨 \"Weekly check-in\" (2026-W49)");
            assertThat(fixture.count(
                            "SELECT count(*) FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.subject = ?"
                                    + " AND a.person_id IN (?, ?)",
                            "checkin:" + id,
                            fixture.ana.personId(),
                            fixture.li.personId()))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void directReportsOfSomeoneNobodyReportsToAreRefusedInTheForm(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            Form hrs = ((Reply.OpenForm) fixture.checkin(fixture.hana, "setup")).form();

            assertThat(errorsOf(fixture.submit(fixture.hana, hrs, Map.of())))
                    .containsOnlyKeys("audience")
                    .containsValue("Nobody reports to you in the directory: pick the people to ask instead, or ask HR"
                            + " to import the directory.");
            assertThat(errorsOf(
                            fixture.submit(fixture.hana, hrs, Map.of("owner", List.of(fixture.ana.platformUserId())))))
                    .containsOnlyKeys("owner");
            assertThat(fixture.count("SELECT count(*) FROM checkins WHERE org_id = ?", fixture.hana.orgId()))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void editingKeepsTheIdsOfUnchangedQuestionsInTheNewVersion(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            long id = fixture.setUpDefault(fixture.maya);
            Form edit = ((Reply.OpenForm) fixture.press(fixture.maya, "checkin.edit", String.valueOf(id))).form();
            fixture.submit(
                    fixture.maya,
                    edit,
                    Map.of(
                            "questions",
                            List.of("text: What is blocking you?\nscale: How focused were you? [Scattered | Sharp]\n"
                                    + "mood: How are you feeling this week?")));

            List<Question> before = questions(fixture, id, 1);
            List<Question> after = questions(fixture, id, 2);
            assertThat(after).extracting(Question::id).containsExactly("q3", "q5", "q1");
            assertThat(before).extracting(Question::id).containsExactly("q1", "q2", "q3", "q4");
            assertThat(after.get(1))
                    .isEqualTo(new Question.Scale("q5", "How focused were you?", true, "Scattered", "Sharp"));
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void sendSaysWhoGotItNowWhoGetsItLaterAndWhomCandorCannotReach(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform, FRIDAY)) {
            Actor sam = fixture.report(platform == Platform.SLACK ? "U0SAM" : "29:sam", "Sam", "Europe/Paris");
            fixture.refusesChatWith(sam);
            fixture.setUpDefault(fixture.maya);

            Reply sent = fixture.checkin(fixture.maya, "send");

            assertThat(text(sent))
                    .startsWith("📨 \"Weekly check-in\" (2026-W49) sent to 1; Ana gets it at 08:00 their time.")
                    .contains("Candor can't reach Sam, so they won't get the check-in")
                    .contains(platform == Platform.SLACK ? "Candor is invited" : "install Candor for their team");
            assertThat(dev.candor.bot.admin.AdminFixture.privately(sent)
                            .blocks()
                            .toString())
                    .contains(
                            platform == Platform.SLACK
                                    ? "Slack won't open a direct message with them (user_not_found)."
                                    : "Teams won't let Candor message them");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void savingASetupNamesWhomCandorCannotReach(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform, FRIDAY)) {
            fixture.refusesChatWith(fixture.li);
            Form form = ((Reply.OpenForm) fixture.checkin(fixture.maya, "setup")).form();

            String saved = text(fixture.submit(fixture.maya, form, Map.of()));

            assertThat(saved).startsWith("✅ Check-in \"Weekly check-in\"").contains("Candor can't reach Li,");
            assertThat(saved).doesNotContain("Ana");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void checkinAloneOpensThePendingFormOrSaysWhenItComes(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform, FRIDAY)) {
            fixture.setUpDefault(fixture.maya);
            fixture.checkin(fixture.maya, "send");

            Reply li = fixture.checkin(fixture.li, "");
            Reply ana = fixture.checkin(fixture.ana, "");

            Form form = ((Reply.OpenForm) li).form();
            assertThat(form.formId()).isEqualTo("ask.answer");
            assertThat(form.inputs()).hasSize(4);
            assertThat(text(ana))
                    .isEqualTo("Nothing to answer now. Your next check-in from Maya, \"Weekly check-in\", comes"
                            + " Friday 08:00 your time (2026-12-04).");
        }
    }

    private static String errorOf(Reply reply) {
        return ((Reply.FormErrors) reply).errors().get("questions");
    }

    private static List<Question> questions(CheckinFixture fixture, long checkinId, int version) {
        Checkin checkin = fixture.base
                .jdbi()
                .onDemand(CheckinDao.class)
                .find(fixture.maya.orgId(), checkinId)
                .orElseThrow();
        String json = fixture.base.jdbi().withHandle(handle -> handle.select(
                        "SELECT questions::text FROM questionnaire_versions WHERE questionnaire_id = ? AND version = ?",
                        checkin.questionnaireId(),
                        version)
                .mapTo(String.class)
                .one());
        return QuestionsJson.readQuestionnaire(json).questions();
    }

    private static Map<String, String> errorsOf(Reply reply) {
        assertThat(reply).isInstanceOf(Reply.FormErrors.class);
        return ((Reply.FormErrors) reply).errors();
    }
}
