package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.chat.Unavailable;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.checkin.Questions;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.storage.ask.Cadence;
import dev.candor.storage.checkin.Audience;
import dev.candor.storage.checkin.Checkin;
import dev.candor.storage.checkin.CheckinDao;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A check-in round in Teams through JWT-signed activities, with WireMock as the Bot Connector and the engine's
 * sweep run at times the test sets: Maya's stand-up check-in asks Ana and Li; Ana's answer is posted to the team
 * channel and her change updates that post; at the deadline Maya gets the digest in her 1:1 chat, replies to Ana (a
 * DM), reminds Li, and reads the team; Ana reads her history. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsCheckinRoundTest {
    private static final String STANDUP = "19:standup@thread.tacv2";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(clock);
        for (String name : List.of("maya", "ana", "li")) {
            teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), "help"))
                    .json());
        }
        teams.post(TestActivity.message(teams.microsoft.serviceUrl(), "help")
                .from("29:maya", "Maya", aad("maya"))
                .inChannel(STANDUP)
                .mentionCandor()
                .json());
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        long maya = person("maya");
        teams.jdbi().useHandle(handle -> {
            handle.execute(
                    "UPDATE people SET manager_id = ?, profile_timezone = 'Europe/London' WHERE id IN (?, ?)",
                    maya,
                    person("ana"),
                    person("li"));
            handle.execute("UPDATE people SET profile_timezone = 'Europe/Berlin' WHERE id = ?", maya);
        });
        var questions = teams.candor
                .asking()
                .createQuestionnaire(
                        orgId,
                        "checkin",
                        Questions.parse(Questions.DEFAULT, null).questionnaire(),
                        maya);
        teams.jdbi()
                .onDemand(CheckinDao.class)
                .insert(
                        new Checkin(
                                0,
                                orgId,
                                maya,
                                "Weekly check-in",
                                Audience.REPORTS,
                                null,
                                Cadence.WEEKLY,
                                5,
                                LocalTime.of(14, 0),
                                2,
                                questions.questionnaireId(),
                                STANDUP,
                                LocalDate.parse("2026-11-30"),
                                true),
                        List.of());
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    @Order(1)
    void sendingAsksBothReportsInTheirChats() throws Exception {
        // On a loaded machine the first requests may find no database connection within a second; Candor then says
        // nothing was recorded, and Maya tries again, as she would.
        await("the round is sent")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !say("maya", "checkin send").contains(Unavailable.NOT_SAVED));

        // The asks are being sent to Ana and Li: saying more resets the fake Bot Connector, which would lose them.
        teams.awaitOutboxIdle();
        // Teams keeps "/" for its own commands: Candor names its commands as they are typed there.
        assertThat(say("maya", "checkin send"))
                .contains("was already sent: 0 of 2 answered", "@Candor checkin remind nudges the others")
                .doesNotContain("/checkin");
        awaitSent("ask:" + ask("ana") + ":open");
        awaitSent("ask:" + ask("li") + ":open");
    }

    @Test
    @Order(2)
    void anAnswerIsPostedToTheStandupChannelAndAChangeUpdatesThatPost() throws Exception {
        String post = "checkin:" + round() + ":standup:" + person("ana");
        answer("ana", "2", "Waiting for the staging database");
        awaitSent(post);
        List<LoggedRequest> posts = teams.microsoft.connectorCalls().stream()
                .filter(call -> FakeBotFramework.path(call).contains(STANDUP))
                .toList();
        clock.advance(Duration.ofMinutes(10));
        answer("ana", "4", "none");
        String update = Rows.strings(
                        teams.jdbi(),
                        "SELECT idempotency_key FROM outbox WHERE earlier_key = ? AND operation = 'update'",
                        post)
                .get(0);
        awaitSent(update);

        assertThat(posts).singleElement().satisfies(call -> assertThat(call.getBodyAsString())
                .contains("Waiting for the staging database", "Blocked"));
        List<LoggedRequest> updates = teams.microsoft.updates().stream()
                .filter(call -> FakeBotFramework.path(call).contains(STANDUP))
                .toList();
        assertThat(updates).singleElement().satisfies(call -> assertThat(call.getBodyAsString())
                .doesNotContain("Blocked")
                .contains("Shipped the importer"));
    }

    @Test
    @Order(3)
    void atTheDeadlineMayaGetsOneDigestInHerChat() {
        clock.set(Rows.instant(teams.jdbi(), "SELECT closes_at FROM rounds WHERE id = ?", round())
                .plusSeconds(60));
        sweep();
        sweep();

        awaitSent("checkin:" + round() + ":digest");
        List<LoggedRequest> digests = Cards.saying(teams.microsoft.connectorCalls(), "checkin.reply");
        assertThat(digests).singleElement().satisfies(call -> {
            assertThat(FakeBotFramework.path(call)).contains("a:dm-maya");
            assertThat(call.getBodyAsString()).contains("Reply to Ana", "Not answered: Li", "checkin.remind");
        });
    }

    @Test
    @Order(4)
    void mayasReplyReachesAnaAsADirectMessageAndIsConfirmed() throws Exception {
        JsonNode form = card(press("maya", "checkin.reply", round() + ":" + person("ana")));
        teams.microsoft.reset();

        teams.post(in(
                        "maya",
                        TestActivity.cardSubmit(
                                teams.microsoft.serviceUrl(),
                                "reply-form",
                                Cards.filledIn(form, Map.of("reply", "Thanks, Ana!"))))
                .json());

        assertThat(everythingSaid()).contains("Sent to Ana, under their check-in");
        String key = Rows.strings(
                        teams.jdbi(), "SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE 'checkin:reply:%'")
                .get(0);
        awaitSent(key);
        assertThat(Cards.saying(teams.microsoft.connectorCalls(), "Thanks, Ana!"))
                .filteredOn(call -> FakeBotFramework.path(call).contains("a:dm-ana"))
                .hasSize(1);
    }

    @Test
    @Order(5)
    void liCannotReplyOrRemindOnMayasDigest() throws Exception {
        assertThat(textOf(press("li", "checkin.reply", round() + ":" + person("ana"))))
                .contains("Only the check-in's owner");
        assertThat(textOf(press("li", "checkin.remind", String.valueOf(round()))))
                .contains("Only the check-in's owner");
    }

    @Test
    @Order(6)
    void remindRemindsOnlyLi() throws Exception {
        assertThat(textOf(press("maya", "checkin.remind", String.valueOf(round()))))
                .contains("⏰ Reminded 1: Li.", "can answer until");
        // The DM goes out in the background: wait for it before the next message resets the fake Bot Connector,
        // which would drop its stubs or its journal while the DM is being sent.
        String key = Rows.strings(
                        teams.jdbi(),
                        "SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE 'checkin:remind:%'")
                .get(0);
        awaitSent(key);
        assertThat(Cards.saying(teams.microsoft.connectorCalls(), "Maya reminds you"))
                .singleElement()
                .satisfies(call -> assertThat(FakeBotFramework.path(call)).contains("a:dm-li"));

        assertThat(say("maya", "checkin remind")).contains("They were reminded today already: Li.");
    }

    @Test
    @Order(7)
    void mayaSeesTheTeamAndAnaHerHistoryWithTheReply() throws Exception {
        assertThat(say("maya", "checkin team")).contains("Waiting for: Li", "🙂");
        assertThat(say("ana", "checkin history")).contains("Maya: Thanks, Ana!");
        assertThat(say("li", "checkin history")).doesNotContain("Thanks, Ana!");
    }

    private static void answer(String name, String mood, String blocker) throws Exception {
        JsonNode form = card(press(name, "ask.answer", String.valueOf(ask(name))));
        teams.microsoft.reset();
        teams.post(in(
                        name,
                        TestActivity.cardSubmit(
                                teams.microsoft.serviceUrl(),
                                "ask-form",
                                Cards.filledIn(
                                        form,
                                        Map.of(
                                                "q1",
                                                mood,
                                                "q2",
                                                "Shipped the importer",
                                                "q3",
                                                blocker,
                                                "q4",
                                                "The docs"))))
                .json());
        assertThat(everythingSaid()).contains("Answered");
    }

    /** Everything Candor answered to the last activity, as replies or card updates. */
    private static String everythingSaid() {
        StringBuilder said = new StringBuilder();
        teams.microsoft.replies().forEach(call -> said.append(call.getBodyAsString()));
        teams.microsoft.updates().forEach(call -> said.append(call.getBodyAsString()));
        return said.toString();
    }

    private static LoggedRequest press(String name, String action, String value) throws Exception {
        teams.microsoft.reset();
        ObjectNode data =
                JsonNodeFactory.instance.objectNode().put("action", action).put("value", value);
        teams.post(in(name, TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), data))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static String say(String name, String text) throws Exception {
        teams.microsoft.reset();
        teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), text))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return textOf(replies.get(0));
    }

    private static String textOf(LoggedRequest reply) {
        return FakeBotFramework.json(reply).toString();
    }

    private static JsonNode card(LoggedRequest reply) {
        return Cards.of(reply);
    }

    private static TestActivity in(String name, TestActivity activity) {
        String display = name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
        return activity.from("29:" + name, display, aad(name)).inPersonalChat("a:dm-" + name);
    }

    private static String aad(String name) {
        return "6f1c3b2a-0000-4a1b-8c2d-0000000000" + Integer.toHexString(name.hashCode() & 0xff);
    }

    private static void sweep() {
        ((AskSweepJob) teams.candor.asking().sweepJob().job()).sweep();
    }

    private static void awaitSent(String key) {
        await(key + " is sent")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Rows.strings(teams.jdbi(), "SELECT status FROM outbox WHERE idempotency_key = ?", key)
                        .contains("sent"));
    }

    private static long round() {
        return Rows.count(teams.jdbi(), "SELECT max(id) FROM rounds WHERE feature = 'checkin'");
    }

    private static long ask(String name) {
        return Rows.count(
                teams.jdbi(),
                "SELECT max(a.id) FROM asks a JOIN platform_identities i ON i.person_id = a.person_id"
                        + " WHERE i.platform_user_id = ?",
                "29:" + name);
    }

    private static long person(String name) {
        return Rows.count(
                teams.jdbi(), "SELECT person_id FROM platform_identities WHERE platform_user_id = ?", "29:" + name);
    }
}
