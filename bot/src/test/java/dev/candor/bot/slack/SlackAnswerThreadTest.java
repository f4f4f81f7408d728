package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
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
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.ask.Round;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Role;
import dev.candor.storage.pulse.Survey;
import dev.candor.storage.pulse.SurveyAudience;
import dev.candor.storage.pulse.SurveyCadence;
import dev.candor.storage.pulse.SurveyDao;
import dev.candor.storage.pulse.SurveyTemplate;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HR replies to an anonymous survey comment in Slack: everyone who answered gets the same notice, only the author can
 * read the reply and answer back, and HR gets the answer without a name.
 */
class SlackAnswerThreadTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final byte[] KEY = new byte[32];

    private final FakeSlack slack = new FakeSlack();
    private final Database database = TestDatabase.fresh();
    private final Map<String, Long> people = new HashMap<>();
    private Candor candor;
    private SlackClient client;
    private long orgId;
    private Round round;

    @BeforeEach
    void start() {
        java.util.Arrays.fill(KEY, (byte) 7);
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()).withEncryptionKey(KEY),
                database,
                new Candor.Options(Clock.fixed(NOW, ZoneOffset.UTC), DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        for (String name : List.of("Hana", "Ana", "Li", "Mo")) {
            slack.user("U0" + name.toUpperCase(Locale.ROOT), name, name + "@acme.test", "Europe/Lisbon", false);
            people.put(name, person(name, name.equals("Hana") ? "hr_admin" : "employee"));
        }
        round = anonymousSurveyRound();
        answer("Ana", "The on-call rota burns people out");
        answer("Li", "More pairing please");
        answer("Mo", "");
    }

    @AfterEach
    void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void hrRepliesEveryoneWhoAnsweredIsNoticedAlikeAndOnlyTheAuthorReadsAndAnswersBack() throws Exception {
        JsonNode results = command("results December pulse", "U0HANA");
        assertThat(results.findValues("action_id"))
                .as("a Reply button under each comment of HR's results")
                .filteredOn(id -> id.asText().equals(AnswerThreads.REPLY))
                .hasSize(2);
        String thread = threadUnder(results, "The on-call rota burns people out");
        assertThat(results.toString()).doesNotContain("Ana", "U0");

        JsonNode form = openedForm(press("U0HANA", AnswerThreads.REPLY, thread, "hana"));
        assertThat(form.toString())
                .contains("The on-call rota burns people out")
                .doesNotContain("Ana");
        Golden.assertMatches("thread-reply-form", Golden.withoutMetadata(form));
        JsonNode sent = submit("U0HANA", form, "V0REPLY", "Thanks, we are changing the rota in January.");
        assertThat(sent.toString()).contains("got a notice", "nobody learns who they are");

        List<String> notices = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT target || ' ' || payload::text FROM outbox WHERE idempotency_key LIKE 'thread:notice:%'"
                                + " ORDER BY target")
                .mapTo(String.class)
                .list());
        assertThat(notices).hasSize(3);
        assertThat(notices.stream()
                        .map(notice -> notice.substring(notice.indexOf(' ')))
                        .distinct())
                .as("one and the same notice to each answerer: it singles out nobody")
                .hasSize(1)
                .allSatisfy(payload -> assertThat(payload)
                        .contains("Hana replied to an anonymous answer")
                        .doesNotContain("rota"));

        assertThat(pressForReply("U0LI", AnswerThreads.MINE, Long.toString(round.id()), "li"))
                .contains("None of the replies are to an answer of yours.");
        String mine = pressForReply("U0ANA", AnswerThreads.MINE, Long.toString(round.id()), "ana");
        assertThat(mine)
                .contains("The on-call rota burns people out", "Thanks, we are changing the rota", "Answer back");
        Golden.assertMatches("thread-mine", new ObjectMapper().readTree(mine.replace(thread, "<thread>")));

        assertThat(pressForReply("U0LI", AnswerThreads.ANSWER, thread, "li-answer"))
                .contains("someone else's answer");
        JsonNode answerForm = openedForm(press("U0ANA", AnswerThreads.ANSWER, thread, "ana-answer"));
        JsonNode answered = submit("U0ANA", answerForm, "V0BACK", "January works, thank you");
        assertThat(answered.toString()).contains("Sent without your name to Hana.");

        String toHana = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT target || ' ' || payload::text FROM outbox WHERE idempotency_key LIKE 'thread:answer:%'")
                .mapTo(String.class)
                .one());
        assertThat(toHana)
                .startsWith("U0HANA ")
                .contains("answered back", "January works, thank you")
                .doesNotContain("Ana");
        String stored = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT string_agg(coalesce(sender_id::text, 'author') || ':' || body, ' | ' ORDER BY seq)"
                                + " FROM answer_thread_messages")
                .mapTo(String.class)
                .one());
        assertThat(stored)
                .isEqualTo(people.get("Hana") + ":Thanks, we are changing the rota in January. | author:January works,"
                        + " thank you");
    }

    @Test
    void onlyThoseWhoReadTheResultsMayReply() throws Exception {
        String thread = threadOn("More pairing please");

        assertThat(pressForReply("U0ANA", AnswerThreads.REPLY, thread, "ana"))
                .contains("Only the people who read this survey's results can reply");
        assertThat(pressForReply(
                        "U0HANA", AnswerThreads.REPLY, UUID.randomUUID().toString(), "hana"))
                .contains("Only the people who read");
    }

    /** The value of the Reply button in the block after the comment's quote. */
    private static String threadUnder(JsonNode message, String comment) {
        JsonNode blocks = message.get("blocks");
        for (int i = 0; i < blocks.size() - 1; i++) {
            if (blocks.get(i).toString().contains(comment)) {
                JsonNode button = blocks.get(i + 1).path("elements").get(0);
                assertThat(button.path("action_id").asText()).isEqualTo(AnswerThreads.REPLY);
                return button.path("value").asText();
            }
        }
        throw new AssertionError("no comment " + comment + " in " + message);
    }

    private JsonNode command(String text, String user) throws Exception {
        HttpResponse<String> response = client.post(
                SlackClient.formBody(SlackClient.slashCommand("/pulse", text, user, "C0HR")),
                "application/x-www-form-urlencoded",
                NOW.getEpochSecond(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return Golden.parse(response.body());
    }

    private String threadOn(String comment) {
        return database.jdbi().inTransaction(handle -> {
            UUID answer = handle.select(
                            "SELECT id FROM answers WHERE round_id = ? AND answer_values->>'comment' = ?",
                            round.id(),
                            comment)
                    .mapTo(UUID.class)
                    .one();
            return candor.asking()
                    .threads()
                    .threadFor(handle, orgId, round.id(), answer, "comment")
                    .orElseThrow();
        });
    }

    private Round anonymousSurveyRound() {
        Asking asking = candor.asking();
        QuestionnaireVersion version = asking.createQuestionnaire(
                orgId,
                Survey.FEATURE,
                new Questionnaire(
                        new Question.Nps("enps", "How likely are you to recommend working here?", true),
                        new Question.Text("comment", "Anything to add?", false, true, 500)),
                people.get("Hana"));
        Survey survey = database.jdbi()
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
                                people.get("Hana"),
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
                                Deadline.at(LocalDateTime.parse("2026-12-04T17:00")),
                                ReminderPlan.none()),
                        true,
                        List.of(people.get("Ana"), people.get("Li"), people.get("Mo")),
                        people.get("Hana")))
                .orElseThrow()
                .round();
        asking.rounds().openNow(opened.id());
        return opened;
    }

    private void answer(String name, String comment) {
        long person = people.get(name);
        long ask = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT id FROM asks WHERE round_id = ? AND person_id = ?", round.id(), person)
                .mapTo(Long.class)
                .one());
        Actor actor = new Actor(
                orgId,
                SlackRequests.TEAM,
                person,
                Platform.SLACK,
                "U0" + name.toUpperCase(Locale.ROOT),
                name,
                Role.EMPLOYEE,
                ZoneId.of("Europe/Lisbon"),
                Locale.ENGLISH);
        Map<String, List<String>> values = comment.isEmpty()
                ? Map.of("enps", List.of("8"))
                : Map.of("enps", List.of("8"), "comment", List.of(comment));
        candor.asking()
                .handler()
                .handle(new FormSubmission(
                        actor,
                        new ConversationRef(Platform.SLACK, "D0" + name, ConversationKind.DM, null),
                        AskForms.FORM_ID,
                        values,
                        Long.toString(ask),
                        "slack:view:V" + ask,
                        null));
    }

    private String press(String userId, String actionId, String value, String hook) throws Exception {
        String action = SlackRequests.blockAction(userId, actionId, value, "D0" + userId, slack.responseUrl(hook));
        assertThat(interaction(action).statusCode()).isEqualTo(200);
        return Golden.parse(action).get("trigger_id").asText();
    }

    /** Presses and returns what Candor answered privately through the response URL. */
    private String pressForReply(String userId, String actionId, String value, String hook) throws Exception {
        press(userId, actionId, value, hook);
        await(hook + " is answered")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !slack.responses(hook).isEmpty());
        return new ObjectMapper().readTree(slack.responses(hook).get(0)).toString();
    }

    private JsonNode openedForm(String triggerId) throws Exception {
        return Golden.parse(slack.calls("views.open").stream()
                .filter(call -> triggerId.equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no views.open with trigger " + triggerId))
                .get("view"));
    }

    private JsonNode submit(String userId, JsonNode view, String viewId, String text) throws Exception {
        ObjectNode state = new ObjectMapper().createObjectNode();
        state.putObject("message")
                .putObject("message")
                .put("type", "plain_text_input")
                .put("value", text);
        HttpResponse<String> response = interaction(SlackRequests.viewSubmission(userId, view, viewId, state));
        assertThat(response.statusCode()).isEqualTo(200);
        return Golden.parse(response.body());
    }

    private HttpResponse<String> interaction(String payload) throws Exception {
        return client.post(
                SlackClient.formBody(Map.of("payload", payload)),
                "application/x-www-form-urlencoded",
                NOW.getEpochSecond(),
                Map.of());
    }

    private long person(String name, String role) {
        return database.jdbi().withHandle(handle -> {
            long id = handle.select(
                            "INSERT INTO people (org_id, name, timezone, role) VALUES (?, ?, 'Europe/Lisbon', ?)"
                                    + " RETURNING id",
                            orgId,
                            name,
                            role)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', ?)",
                    orgId,
                    id,
                    "U0" + name.toUpperCase(Locale.ROOT));
            return id;
        });
    }
}
