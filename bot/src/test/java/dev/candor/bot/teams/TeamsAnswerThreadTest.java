package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.ask.AnswerThreads;
import dev.candor.bot.ask.AskForms;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.storage.Platform;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.people.Role;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyAudience;
import dev.candor.storage.pulse.SurveyCadence;
import dev.candor.storage.pulse.SurveyDao;
import dev.candor.storage.pulse.SurveyTemplate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HR replies to an anonymous survey comment in Teams; the author reads it and answers back without their name. */
class TeamsAnswerThreadTest {
    private TeamsServer teams;
    private long orgId;
    private Round round;

    @BeforeEach
    void start() throws Exception {
        teams = new TeamsServer();
        for (String name : List.of("hana", "ana", "li", "mo")) {
            teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), "help"))
                    .json());
        }
        orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        teams.jdbi()
                .useHandle(handle -> handle.execute("UPDATE people SET role = 'hr_admin' WHERE id = ?", id("hana")));
        round = anonymousSurveyRound();
        answer("ana", "The on-call rota burns people out");
        answer("li", "More pairing please");
        answer("mo", null);
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    @AfterEach
    void stop() {
        teams.close();
    }

    @Test
    void hrRepliesTheAuthorReadsItAndAnswersBackWithoutTheirName() throws Exception {
        JsonNode results = Cards.of(say("hana", "pulse results December pulse"));
        List<String> threads = results.findParents("action").stream()
                .filter(data -> data.path("action").asText().equals(AnswerThreads.REPLY))
                .map(data -> data.path("value").asText())
                .toList();
        assertThat(threads)
                .as("a Reply button under each comment of HR's results")
                .hasSize(2);
        assertThat(results.toString()).doesNotContain("Ana");
        String thread = threads.stream()
                .filter(id -> commentOf(id).startsWith("The on-call"))
                .findFirst()
                .orElseThrow();

        JsonNode form = Cards.of(press("hana", AnswerThreads.REPLY, thread));
        assertThat(form.toString())
                .contains("The on-call rota burns people out")
                .doesNotContain("Ana");
        Goldens.assertMatches(
                "thread-reply-form.json", Cards.json(form.toString().replace(thread, "<thread>")));
        teams.microsoft.reset();
        teams.post(in(
                        "hana",
                        TestActivity.cardSubmit(
                                teams.microsoft.serviceUrl(),
                                "thread-form",
                                Cards.filledIn(form, Map.of("message", "We are changing the rota in January."))))
                .json());
        assertThat(said()).contains("got a notice");
        assertThat(Rows.strings(teams.jdbi(), "SELECT target FROM outbox WHERE idempotency_key LIKE 'thread:notice:%'"))
                .hasSize(3);

        assertThat(Cards.of(press("li", AnswerThreads.MINE, Long.toString(round.id())))
                        .toString())
                .contains("None of the replies are to an answer of yours.");
        JsonNode mine = Cards.of(press("ana", AnswerThreads.MINE, Long.toString(round.id())));
        assertThat(mine.toString()).contains("We are changing the rota in January.", "Answer back");
        Goldens.assertMatches("thread-mine.json", Cards.json(mine.toString().replace(thread, "<thread>")));

        JsonNode answerForm = Cards.of(press("ana", AnswerThreads.ANSWER, thread));
        teams.microsoft.reset();
        teams.post(in(
                        "ana",
                        TestActivity.cardSubmit(
                                teams.microsoft.serviceUrl(),
                                "thread-answer-form",
                                Cards.filledIn(answerForm, Map.of("message", "January works, thank you"))))
                .json());
        assertThat(said()).contains("Sent without your name to Hana.");
        assertThat(
                        Rows.strings(
                                teams.jdbi(),
                                "SELECT target || ' ' || payload::text FROM outbox WHERE idempotency_key LIKE 'thread:answer:%'"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .startsWith("29:hana ")
                        .contains("January works, thank you")
                        .doesNotContain("Ana"));
    }

    private Round anonymousSurveyRound() {
        Asking asking = teams.candor.asking();
        QuestionnaireVersion version = asking.createQuestionnaire(
                orgId,
                Survey.FEATURE,
                new Questionnaire(
                        new Question.Nps("enps", "How likely are you to recommend working here?", true),
                        new Question.Text("comment", "Anything to add?", false, true, 500)),
                id("hana"));
        Survey survey = teams.jdbi()
                .onDemand(SurveyDao.class)
                .insert(
                        new Survey(
                                0,
                                orgId,
                                "December pulse",
                                SurveyTemplate.ENPS,
                                version.questionnaireId(),
                                true,
                                3,
                                SurveyAudience.EVERYONE,
                                List.of(),
                                null,
                                null,
                                null,
                                SurveyCadence.ONCE,
                                null,
                                LocalTime.of(10, 0),
                                1,
                                5,
                                true,
                                null,
                                id("hana"),
                                null,
                                null,
                                null),
                        List.of());
        Round opened = asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        Survey.FEATURE,
                        survey.subject(),
                        "once",
                        version.questionnaireId(),
                        version.version(),
                        new RoundTiming(
                                Opening.now(),
                                Deadline.at(LocalDateTime.parse("2099-01-15T17:00")),
                                ReminderPlan.none()),
                        true,
                        List.of(id("ana"), id("li"), id("mo")),
                        id("hana")))
                .orElseThrow()
                .round();
        asking.rounds().openNow(opened.id());
        return opened;
    }

    private void answer(String name, String comment) {
        long person = id(name);
        long ask = Rows.count(
                teams.jdbi(), "SELECT id FROM asks WHERE round_id = " + round.id() + " AND person_id = " + person);
        Actor actor = new Actor(
                orgId,
                "tenant",
                person,
                Platform.TEAMS,
                "29:" + name,
                name,
                Role.EMPLOYEE,
                ZoneId.of("UTC"),
                Locale.ENGLISH);
        Map<String, List<String>> values = comment == null
                ? Map.of("enps", List.of("9"))
                : Map.of("enps", List.of("9"), "comment", List.of(comment));
        teams.candor
                .asking()
                .handler()
                .handle(new FormSubmission(
                        actor,
                        new ConversationRef(Platform.TEAMS, "a:dm-" + name, ConversationKind.DM, null),
                        AskForms.FORM_ID,
                        values,
                        Long.toString(ask),
                        "teams:form:" + ask,
                        null));
    }

    private LoggedRequest press(String name, String action, String value) throws Exception {
        teams.microsoft.reset();
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("action", action).put("value", value);
        teams.post(in(name, TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), data))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private LoggedRequest say(String name, String text) throws Exception {
        teams.microsoft.reset();
        teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), text))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    /** The comment a conversation is about, read from the database as only the test may. */
    private String commentOf(String thread) {
        return Rows.strings(
                        teams.jdbi(),
                        "SELECT a.answer_values->>'comment' FROM answer_threads t JOIN answers a"
                                + " ON a.round_id = t.round_id AND a.edit_key = t.author_key WHERE t.id = '" + thread
                                + "'")
                .get(0);
    }

    private String said() {
        StringBuilder said = new StringBuilder();
        teams.microsoft.replies().forEach(call -> said.append(call.getBodyAsString()));
        teams.microsoft.updates().forEach(call -> said.append(call.getBodyAsString()));
        return said.toString();
    }

    private long id(String name) {
        return Rows.count(
                teams.jdbi(), "SELECT person_id FROM platform_identities WHERE platform_user_id = '29:" + name + "'");
    }

    private static TestActivity in(String name, TestActivity activity) {
        String display = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        return activity.from("29:" + name, display, aad(name)).inPersonalChat("a:dm-" + name);
    }

    private static String aad(String name) {
        return "6f1c3b2a-0000-4a1b-8c2d-0000000000" + Integer.toHexString(name.hashCode() & 0xff);
    }
}
