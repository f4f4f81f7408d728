package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ask in Teams through JWT-signed activities: the Answer button brings the form as a card in the person's 1:1
 * chat, mistakes redraw it with what was typed, a good answer is stored and the card says so.
 */
class TeamsAskTest {
    private static final String ANA_AAD = "6f1c3b2a-0000-4a1b-8c2d-00000000a0a1";
    private static final Questionnaire QUESTIONS = new Questionnaire(
            new Question.Mood("mood", "How was your week?", true),
            new Question.Text("well", "What went well?", true, true, 200));

    private TeamsServer teams;
    private long askId;

    @BeforeEach
    void start() throws Exception {
        teams = new TeamsServer();
        teams.post(
                ana(TestActivity.message(teams.microsoft.serviceUrl(), "help")).json());
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        long anaId =
                Rows.count(teams.jdbi(), "SELECT person_id FROM platform_identities WHERE platform_user_id = '29:ana'");
        Asking asking = teams.candor.asking();
        asking.features().register(new Demo());
        QuestionnaireVersion version = asking.createQuestionnaire(orgId, "demo", QUESTIONS, null);
        RoundTiming timing = new RoundTiming(
                Opening.now(), Deadline.at(LocalDateTime.parse("2099-01-15T17:00")), ReminderPlan.none());
        Round round = asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        "demo",
                        "demo:1",
                        "1",
                        version.questionnaireId(),
                        1,
                        timing,
                        false,
                        List.of(anaId),
                        null))
                .orElseThrow()
                .round();
        askId = Rows.count(teams.jdbi(), "SELECT id FROM asks WHERE round_id = " + round.id());
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void answersInTheCardOfThePersonalChatWithMistakesShownAndNothingLost() throws Exception {
        ObjectNode press = JsonNodeFactory.instance
                .objectNode()
                .put("action", "ask.answer")
                .put("value", "" + askId);
        teams.post(ana(TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "ask-dm-1", press))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        JsonNode form = Cards.of(replies.get(0));
        assertThat(Cards.input(form, "mood").path("style").asText()).isEqualTo("expanded");
        teams.microsoft.reset();

        teams.post(ana(TestActivity.cardSubmit(
                        teams.microsoft.serviceUrl(), "form-1", Cards.filledIn(form, Map.of("well", "Shipped"))))
                .json());
        JsonNode redrawn = Cards.of(onlyUpdate());
        assertThat(redrawn.toString()).contains("Please answer this question.");
        assertThat(Cards.input(redrawn, "well").path("value").asText()).isEqualTo("Shipped");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM answers")).isZero();
        teams.microsoft.reset();

        teams.post(ana(TestActivity.cardSubmit(
                        teams.microsoft.serviceUrl(),
                        "form-1",
                        Cards.filledIn(form, Map.of("mood", "5", "well", "Shipped"))))
                .json());
        assertThat(Cards.of(onlyUpdate()).toString()).contains("Answered ✓");
        assertThat(Rows.strings(teams.jdbi(), "SELECT answer_values::text FROM answers WHERE ask_id = " + askId))
                .containsExactly("{\"mood\": 5, \"well\": \"Shipped\"}");
        assertThat(Rows.strings(teams.jdbi(), "SELECT state FROM asks WHERE id = " + askId))
                .containsExactly("answered");
    }

    private LoggedRequest onlyUpdate() {
        List<LoggedRequest> updates = teams.microsoft.updates();
        assertThat(updates).hasSize(1);
        return updates.get(0);
    }

    private static TestActivity ana(TestActivity activity) {
        return activity.from("29:ana", "Ana Lopez", ANA_AAD).inPersonalChat("a:dm-ana");
    }

    private static final class Demo implements AskFeature {
        @Override
        public String name() {
            return "demo";
        }

        @Override
        public AskText text(Handle handle, Round round) {
            return new AskText("Weekly check-in", "Maria Lopez");
        }

        @Override
        public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
            return false;
        }
    }
}
