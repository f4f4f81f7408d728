package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.checkin.ChannelMembers;
import dev.candor.scheduler.pulse.PulseRounds;
import dev.candor.scheduler.pulse.PulseSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Pulse audiences and schedules in Teams, from JWT-signed activities: Hana (HR) surveys Maya's whole organisation
 * (every level under her), picked people, and picked people once at a later date, whose round the engine's series job
 * opens then; Ana answers in her chat and her answer is stored with no link to her; Maya reads her own organisation's
 * results, which wait for enough answers and then count nobody outside it. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsPulseAudienceTest {
    /** Friday 11:00 in Berlin, where everyone works: asks go out at once. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

    private static final List<String> PEOPLE = List.of("hana", "maya", "ana", "li", "sam", "nia", "omar", "pia");

    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(clock);
        for (String name : PEOPLE) {
            teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), "help"))
                    .json());
        }
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'hr_admin' WHERE id = ?", person("hana"));
            handle.execute("UPDATE people SET role = 'manager' WHERE id = ?", person("maya"));
            handle.execute("UPDATE people SET manager_id = ? WHERE id = ?", person("maya"), person("ana"));
            handle.execute("UPDATE people SET manager_id = ? WHERE id = ?", person("ana"), person("li"));
            handle.execute("UPDATE people SET manager_id = ? WHERE id = ?", person("li"), person("sam"));
            handle.execute(
                    "UPDATE people SET manager_id = ? WHERE id IN (?, ?, ?)",
                    person("hana"),
                    person("nia"),
                    person("omar"),
                    person("pia"));
            handle.execute(
                    "INSERT INTO people (org_id, name, timezone, manager_id, active, is_bot) VALUES"
                            + " (?, 'Ola', 'Europe/Berlin', ?, false, false),"
                            + " (?, 'Deploybot', 'UTC', ?, true, true)",
                    orgId,
                    person("maya"),
                    orgId,
                    person("li"));
        });
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @BeforeEach
    void reset() {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    @Test
    @Order(1)
    void aManagersOrganisationIsEveryoneUnderThemAtAnyDepth() throws Exception {
        JsonNode preview = createSurvey(
                Map.of("name", "Maya's org", "audience", "organisation", "manager", "29:maya", "min_group", "3"));
        assertThat(preview.toString()).contains("goes to 3 people (everyone under Maya), now.");

        JsonNode launched = answer(hanaSubmits(filledIn(preview, Map.of())));

        assertThat(launched.toString()).contains("\\\"Maya's org\\\" launched: 3 people asked now");
        assertThat(asked("Maya's org")).containsExactly("Ana", "Li", "Sam");
    }

    @Test
    @Order(2)
    void aSurveyOfPickedPeopleAsksExactlyThem() throws Exception {
        JsonNode preview = createSurvey(
                Map.of("name", "Picked pulse", "audience", "people", "people", "29:li,29:nia", "min_group", "3"));
        assertThat(preview.toString()).contains("goes to 2 people (picked people), now.");

        JsonNode launched = answer(hanaSubmits(filledIn(preview, Map.of())));

        assertThat(launched.toString()).contains("\\\"Picked pulse\\\" launched: 2 people asked now");
        assertThat(asked("Picked pulse")).containsExactly("Li", "Nia");
    }

    @Test
    @Order(3)
    void anaAnswersInHerChatAndTheAnswerIsStoredWithNoLinkToHer() throws Exception {
        awaitAskSent("ana", "Maya's org");

        JsonNode done = answerSurvey("ana", "Maya's org", "9");

        assertThat(done.toString()).contains("Answered ✓");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT coalesce(a.ask_id::text, 'no ask') || ' ' || coalesce(a.submitted_at::text, 'no time')"
                                + " FROM answers a WHERE a.round_id = ?",
                        round("Maya's org")))
                .containsExactly("no ask no time");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT a.state || ' ' || coalesce(a.answered_at::text, 'no time') FROM asks a"
                                + " WHERE a.round_id = ? AND a.person_id = ?",
                        round("Maya's org"),
                        person("ana")))
                .containsExactly("answered no time");
    }

    @Test
    @Order(4)
    void aManagerSeesOnlyHerOrganisationsResultsOnceItHasEnoughAnswers() throws Exception {
        // Maya's organisation is a line three deep (Ana under her, Li under Ana, Sam under Li): no team below hers
        // holds 3 of the round's people, so all three answers count in hers.
        JsonNode preview = createSurvey(Map.of("name", "Company pulse", "audience", "everyone", "min_group", "3"));
        answer(hanaSubmits(filledIn(preview, Map.of())));
        assertThat(asked("Company pulse")).containsExactly("Ana", "Hana", "Li", "Maya", "Nia", "Omar", "Pia", "Sam");
        answerSurvey("ana", "Company pulse", "9");
        // Hana has no manager: her answer is in no manager's organisation.
        answerSurvey("hana", "Company pulse", "7");

        String waiting = say("maya", "pulse results Company pulse");

        assertThat(waiting)
                .contains("Results of your organisation show when it has at least 3 answers")
                .doesNotContain("eNPS");

        for (String name : List.of("li", "sam")) {
            answerSurvey(name, "Company pulse", "9");
        }
        for (String name : List.of("nia", "omar", "pia")) {
            answerSurvey(name, "Company pulse", "2");
        }
        String mine = say("maya", "pulse results Company pulse");
        String everyone = say("hana", "pulse results Company pulse");

        assertThat(mine)
                .contains("Your organisation", "7 of 8 answered")
                .contains("eNPS +100: 3 promoters, 0 passives, 0 detractors")
                .doesNotContain("pulse-results.share");
        assertThat(everyone).contains("eNPS 0: 3 promoters, 1 passives, 3 detractors");
    }

    @Test
    @Order(5)
    void aSurveyAtADateAsksNobodyNowAndTheEngineOpensItsRoundThen() throws Exception {
        JsonNode preview = createSurvey(Map.of(
                "name",
                "Wednesday pulse",
                "audience",
                "people",
                "people",
                "29:ana,29:nia",
                "schedule",
                "once",
                "date",
                "2026-12-09",
                "time",
                "09:30"));
        assertThat(preview.toString()).contains("goes to 2 people (picked people), on Wed 9 Dec 2026 at 09:30");

        JsonNode launched = answer(hanaSubmits(filledIn(preview, Map.of())));

        assertThat(launched.toString())
                .contains("\\\"Wednesday pulse\\\" launched: it asks 2 people (as of today) on Wed 9 Dec 2026 at"
                        + " 09:30 their time.");
        seriesSweep();
        assertThat(asked("Wednesday pulse")).isEmpty();

        // The round opens once 09:30 on Wednesday may have come somewhere (the engine counts from UTC+18: 15:30 UTC
        // on Tuesday), and each ask waits for 09:30 in its person's own zone: 08:30 UTC in Berlin.
        clock.set(Instant.parse("2026-12-08T15:00:00Z"));
        seriesSweep();
        assertThat(asked("Wednesday pulse")).isEmpty();
        clock.set(Instant.parse("2026-12-08T16:00:00Z"));
        seriesSweep();
        assertThat(asked("Wednesday pulse")).containsExactly("Ana", "Nia");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT DISTINCT extract(epoch FROM opens_at)::bigint || ' ' || coalesce(sent_at::text, 'unsent')"
                                + " FROM asks WHERE round_id = ?",
                        round("Wednesday pulse")))
                .containsExactly(Instant.parse("2026-12-09T08:30:00Z").getEpochSecond() + " unsent");

        clock.set(Instant.parse("2026-12-09T08:31:00Z"));
        ((AskSweepJob) teams.candor.asking().sweepJob().job()).sweep();
        awaitAskSent("ana", "Wednesday pulse");
        awaitAskSent("nia", "Wednesday pulse");
    }

    /** Hana's three steps: settings (changed as given), the questions as the template has them, then the preview. */
    private static JsonNode createSurvey(Map<String, String> settings) throws Exception {
        JsonNode form = reply(in("hana", TestActivity.message(teams.microsoft.serviceUrl(), "pulse")));
        JsonNode questions = answer(hanaSubmits(filledIn(form, settings)));
        return answer(hanaSubmits(filledIn(questions, Map.of())));
    }

    /** The person presses Answer on their ask of the survey and sends the form with this score for the first question. */
    private static JsonNode answerSurvey(String name, String survey, String score) throws Exception {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
        ObjectNode press = JsonNodeFactory.instance
                .objectNode()
                .put("action", "ask.answer")
                .put("value", Long.toString(ask(name, survey)));
        JsonNode form = reply(in(name, TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "ask-" + name, press)));
        assertThat(form.toString()).contains("How likely are you to recommend");
        String card = "form-" + System.nanoTime();
        teams.post(in(
                        name,
                        TestActivity.cardSubmit(
                                teams.microsoft.serviceUrl(), card, Cards.filledIn(form, Map.of("q1", score))))
                .json());
        // The answered form is redrawn in place; the outbox may meanwhile mark the ask's DM answered as well.
        List<LoggedRequest> redrawn = teams.microsoft.updates().stream()
                .filter(update -> update.getUrl().endsWith("/activities/" + card))
                .toList();
        assertThat(redrawn).as("%s", teams.microsoft.connectorCalls()).hasSize(1);
        return Cards.of(redrawn.get(0));
    }

    private static void seriesSweep() {
        new RoundSeriesJob(
                        teams.jdbi(),
                        clock,
                        List.of(new PulseSeries(
                                new PulseRounds(teams.candor.asking().rounds(), ChannelMembers.NONE))))
                .sweep();
    }

    private static void awaitAskSent(String name, String survey) {
        String key = "ask:" + ask(name, survey) + ":open";
        await(key + " is sent")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Rows.strings(teams.jdbi(), "SELECT status FROM outbox WHERE idempotency_key = ?", key)
                        .contains("sent"));
    }

    private static List<String> asked(String survey) {
        return Rows.strings(
                teams.jdbi(),
                "SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r ON r.id = a.round_id"
                        + " JOIN pulse_surveys s ON r.feature = 'pulse' AND r.subject = s.id::text WHERE s.name = ?"
                        + " ORDER BY p.name",
                survey);
    }

    private static long round(String survey) {
        return Rows.count(
                teams.jdbi(),
                "SELECT r.id FROM rounds r JOIN pulse_surveys s ON r.feature = 'pulse' AND r.subject = s.id::text"
                        + " WHERE s.name = ?",
                survey);
    }

    private static long ask(String name, String survey) {
        return Rows.count(
                teams.jdbi(),
                "SELECT a.id FROM asks a WHERE a.round_id = ? AND a.person_id = ?",
                round(survey),
                person(name));
    }

    private static long person(String name) {
        return Rows.count(
                teams.jdbi(), "SELECT person_id FROM platform_identities WHERE platform_user_id = ?", "29:" + name);
    }

    private static TestActivity in(String name, TestActivity activity) {
        String display = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        return activity.from("29:" + name, display, "aad-" + name)
                .inPersonalChat("a:dm-" + name)
                .timezone("Europe/Berlin");
    }

    private static TestActivity hanaSubmits(JsonNode value) {
        return in("hana", TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), value));
    }

    /** What Teams sends for the card's submit button: every input's value as shown, changed where asked. */
    private static ObjectNode filledIn(JsonNode card, Map<String, String> changes) {
        ObjectNode value = card.path("actions").get(0).path("data").deepCopy();
        for (JsonNode element : card.path("body")) {
            String id = element.path("id").asText("");
            if (element.path("type").asText().startsWith("Input.") && element.has("value")) {
                value.put(id, element.path("value").asText());
            }
        }
        changes.forEach(value::put);
        return value;
    }

    /** What Candor said in its one reply to a message, as text. */
    private static String say(String name, String text) throws Exception {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
        teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), text))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return FakeBotFramework.json(replies.get(0)).toString();
    }

    /** The one card Candor answered with, as a reply. */
    private static JsonNode reply(TestActivity activity) throws Exception {
        teams.post(activity.json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).as("%s", teams.microsoft.connectorCalls()).hasSize(1);
        JsonNode card = Cards.of(replies.get(0));
        teams.microsoft.reset();
        return card;
    }

    /** The one card Candor answered a card's submission with: a reply, or the submitted card redrawn. */
    private static JsonNode answer(TestActivity activity) throws Exception {
        teams.post(activity.json());
        List<LoggedRequest> answers = new ArrayList<>(teams.microsoft.replies());
        answers.addAll(teams.microsoft.updates());
        assertThat(answers).as("%s", teams.microsoft.connectorCalls()).hasSize(1);
        JsonNode card = Cards.of(answers.get(0));
        teams.microsoft.reset();
        return card;
    }
}
