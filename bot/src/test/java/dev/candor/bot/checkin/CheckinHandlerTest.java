package dev.candor.bot.checkin;

import static dev.candor.bot.checkin.CheckinFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.Reply;
import dev.candor.storage.Platform;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /checkin} through the production router on both platforms, on a real database. */
class CheckinHandlerTest {

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aManagerGetsTheSetupFormFilledWithGoodDefaults(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            Form form = ((Reply.OpenForm) fixture.checkin(fixture.maya, "setup")).form();

            assertThat(form.formId()).isEqualTo("checkin.setup");
            assertThat(input(form, "questions", Form.TextInput.class).initial())
                    .contains("mood: How are you feeling this week?")
                    .contains("text: What is blocking you?");
            assertThat(input(form, "audience", Form.ChoiceInput.class).initial())
                    .containsExactly("reports");
            assertThat(input(form, "day", Form.ChoiceInput.class).initial()).containsExactly("friday");
            assertThat(input(form, "time", Form.TimeInput.class).initial()).isEqualTo("14:00");
            assertThat(input(form, "deadline", Form.NumberInput.class).initial())
                    .isEqualTo("2");
            assertThat(input(form, "destination", Form.ChoiceInput.class).initial())
                    .containsExactly("private");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void someoneWithoutReportsCannotSetUpACheckin(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            assertThat(text(fixture.checkin(fixture.ana, "setup"))).contains("set up by managers");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void namesTheCommandsAsThePersonsPlatformTypesThem(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            String checkin = platform == Platform.SLACK ? "/checkin" : "@Candor checkin";

            assertThat(text(fixture.checkin(fixture.ana, "what")))
                    .startsWith(checkin + " — answer your pending check-in")
                    .contains("\n" + checkin + " setup — set up or edit your team's check-ins (managers)");
            assertThat(text(fixture.checkin(fixture.ana, "team")))
                    .isEqualTo("You have no check-ins yet: " + checkin + " setup makes one.");
            if (platform == Platform.TEAMS) {
                assertThat(text(fixture.checkin(fixture.ana, "what"))).doesNotContain("/checkin");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void savingEditedQuestionsMakesANewQuestionnaireVersion(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            long id = fixture.setUpDefault(fixture.maya);
            Reply list = fixture.checkin(fixture.maya, "setup");
            Form edit = ((Reply.OpenForm) fixture.press(fixture.maya, "checkin.edit", String.valueOf(id))).form();
            Reply saved = fixture.submit(
                    fixture.maya,
                    edit,
                    Map.of(
                            "questions", List.of("mood: How are you?\nyes/no: Did you ship? (optional)"),
                            "cadence", List.of("biweekly")));

            assertThat(text(list)).isEqualTo("Your check-ins: 1");
            assertThat(text(saved)).contains("asks your direct reports every other Friday at 14:00");
            Checkin checkin = fixture.base
                    .jdbi()
                    .onDemand(CheckinDao.class)
                    .find(fixture.maya.orgId(), id)
                    .orElseThrow();
            assertThat(fixture.count(
                            "SELECT max(version) FROM questionnaire_versions WHERE questionnaire_id = ?",
                            checkin.questionnaireId()))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aMistakeInTheQuestionsIsShownNextToThemAndNothingIsSaved(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            Form form = ((Reply.OpenForm) fixture.checkin(fixture.maya, "setup")).form();
            Reply reply = fixture.submit(fixture.maya, form, Map.of("questions", List.of("rating: How was it?")));

            assertThat(((Reply.FormErrors) reply).errors().get("questions"))
                    .startsWith("Line 1: \"rating\" is not a question type.");
            assertThat(fixture.base.jdbi().onDemand(CheckinDao.class).listByOrg(fixture.maya.orgId()))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void sendOpensThisPeriodsRoundForEveryReportOnce(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            long id = fixture.setUpDefault(fixture.maya);
            String first = text(fixture.checkin(fixture.maya, "send"));
            String second = text(fixture.checkin(fixture.maya, "send"));

            assertThat(first).startsWith("📨 \"Weekly check-in\"").contains("sent to");
            assertThat(second).contains("was already sent: 0 of 2 answered");
            assertThat(fixture.count(
                            "SELECT count(*) FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.subject = ?",
                            Checkin.subject(id)))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aPersonWithoutAnOpenCheckinHearsWhenTheNextOneComes(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            fixture.setUpDefault(fixture.maya);

            assertThat(text(fixture.checkin(fixture.ana, "")))
                    .contains("Your next check-in from Maya, \"Weekly check-in\", comes Friday 14:00 your time");
            assertThat(text(fixture.checkin(fixture.omar, ""))).contains("no check-in asks you yet");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aPeerAndAnotherManagerCannotSeeTheTeamsAnswersNorHrUntilSwitchedOn(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            long id = fixture.setUpDefault(fixture.maya);
            fixture.checkin(fixture.maya, "send");
            int round = fixture.count("SELECT max(id)::int FROM rounds WHERE subject = ?", Checkin.subject(id));

            assertThat(text(fixture.checkin(fixture.maya, "team"))).startsWith("Weekly check-in: 0 of 2 answered");
            assertThat(text(fixture.checkin(fixture.ana, "team"))).contains("no check-ins yet");
            assertThat(text(fixture.checkin(fixture.omar, "team Weekly"))).contains("no check-ins yet");
            assertThat(text(fixture.checkin(fixture.hana, "team Weekly")))
                    .isEqualTo("Only the check-in's owner can see its answers.");
            assertThat(text(fixture.press(fixture.ana, "checkin.reply", round + ":" + fixture.li.personId())))
                    .contains("Only the check-in's owner");
            fixture.base.candor(fixture.hana, "admin checkins visible-to-hr on");
            assertThat(text(fixture.checkin(fixture.hana, "team Weekly"))).startsWith("Weekly check-in: 0 of 2");
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void hrSeesEverySetupWithNumbersOnly(Platform platform) {
        try (CheckinFixture fixture = new CheckinFixture(platform)) {
            fixture.setUpDefault(fixture.maya);
            fixture.checkin(fixture.maya, "send");

            String overview =
                    fixture.base.candor(fixture.hana, "admin checkins").blocks().toString();
            String refused = fixture.base.candor(fixture.ana, "admin checkins").fallbackText();

            assertThat(overview)
                    .contains("Weekly check-in")
                    .contains("Owner: Maya")
                    .contains("0% (0 of 2)");
            assertThat(refused).contains("Only HR admins");
        }
    }

    private static <T extends Form.Input> T input(Form form, String id, Class<T> type) {
        return form.inputs().stream()
                .filter(input -> input.id().equals(id))
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }
}
