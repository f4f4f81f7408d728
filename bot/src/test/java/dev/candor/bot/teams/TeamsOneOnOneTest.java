package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ReachDao;
import dev.candor.storage.oneonone.CheckinAnswerSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 1:1s in Teams from JWT-signed activities, on the asking engine with a clock the test moves: {@code @Candor checkin
 * 1on1 @Ana …} schedules them, the engine's sweep queues both meeting DMs with the agenda to their Teams accounts,
 * and the "Add a talking point", Answer (the engine's "Notes and next steps" form) and Done buttons work on cards;
 * the manager hears of a report Candor can't reach. The steps run in order: the last adds a second 1:1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsOneOnOneTest {
    private static final String ANA_AAD = "6f1c3b2a-0000-4a1b-8c2d-00000000c0a1";
    /** Monday 2 March 2026, 11:00 UTC. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T11:00:00Z"));

    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(clock);
        teams.post(message("help").json());
        teams.post(TestActivity.message(teams.microsoft.serviceUrl(), "help")
                .from("29:ana", "Ana Lopez", ANA_AAD)
                .inPersonalChat("a:dm-ana")
                .json());
        teams.jdbi()
                .useHandle(handle -> handle.execute("UPDATE people SET manager_id = (SELECT id FROM people WHERE"
                        + " name = 'Gil Giver') WHERE name = 'Ana Lopez'"));
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
    void schedulesRemindsAndTakesTalkingPointsNotesAndDoneFromCards() throws Exception {
        JsonNode scheduled = reply(message("checkin 1on1 <at>Ana Lopez</at> every week wednesday 09:30")
                .mention("29:ana", "Ana Lopez"));
        assertThat(scheduled.path("body").toString())
                .contains("Scheduled your 1:1s with ", "Ana Lopez", "every week on Wednesday at 09:30");
        long id = Rows.count(teams.jdbi(), "SELECT id FROM one_on_ones");
        answerCheckins(nextEvent());

        sweepAt(nextEvent());

        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT target_kind || ' ' || target FROM outbox WHERE idempotency_key LIKE 'ask:%:open'"
                                + " ORDER BY 1"))
                .containsExactly("user 29:ana", "user 29:gil");
        assertThat(Rows.strings(
                                teams.jdbi(),
                                "SELECT payload::text FROM outbox WHERE idempotency_key LIKE 'ask:%:open' AND"
                                        + " target = '29:gil'")
                        .get(0))
                .contains("Your 1:1 with Ana Lopez is in an hour", "Add a talking point", "ask.answer")
                .contains("Ana Lopez's latest check-in", "Mood: 😐 Okay", "Blockers: Legal sign-off")
                .doesNotContain("Hana's reorg");

        JsonNode pointForm = reply(submit("29:ana", "Ana Lopez", Map.of("action", "oneonone.point", "value", "" + id)));
        Goldens.assertMatches("oneonone-point-form.json", pointForm);
        teams.post(TestActivity.cardSubmit(
                        teams.microsoft.serviceUrl(),
                        "card-point",
                        Cards.filledIn(pointForm, Map.of("point", "the offsite")))
                .from("29:ana", "Ana Lopez", ANA_AAD)
                .inPersonalChat("a:dm-ana")
                .json());
        assertThat(Rows.strings(teams.jdbi(), "SELECT text FROM one_on_one_items WHERE kind = 'point'"))
                .containsExactly("the offsite");

        sweepAt(nextEvent().plus(Duration.ofMinutes(90)));
        long gilsAsk = askOf("Gil Giver");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT payload::text FROM outbox WHERE idempotency_key = ?",
                        "ask:" + gilsAsk + ":remind:1"))
                .singleElement()
                .asString()
                .contains("How did your 1:1 with Ana Lopez go?");
        teams.microsoft.reset();
        JsonNode notesForm =
                reply(submit("29:gil", "Gil Giver", Map.of("action", "ask.answer", "value", "" + gilsAsk)));
        Goldens.assertMatches("oneonone-notes-form.json", withoutContext(notesForm));
        teams.post(TestActivity.cardSubmit(
                        teams.microsoft.serviceUrl(),
                        "card-notes",
                        Cards.filledIn(
                                notesForm,
                                Map.of(
                                        "notes",
                                        "Offsite agreed",
                                        "mine",
                                        "Book the venue",
                                        "theirs",
                                        "Send the agenda\nInvite the team")))
                .json());
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT i.text || ' / ' || p.name FROM one_on_one_items i JOIN people p ON p.id = i.owner_id"
                                + " WHERE kind = 'action' ORDER BY i.id"))
                .containsExactly(
                        "Book the venue / Gil Giver", "Send the agenda / Ana Lopez", "Invite the team / Ana Lopez");

        long venue = Rows.count(teams.jdbi(), "SELECT id FROM one_on_one_items WHERE text = 'Book the venue'");
        teams.microsoft.reset();
        teams.post(submit("29:ana", "Ana Lopez", Map.of("action", "oneonone.done", "value", "" + venue))
                .json());
        assertThat(Rows.count(
                        teams.jdbi(),
                        "SELECT count(*) FROM one_on_one_items WHERE done_at IS NOT NULL AND"
                                + " text = 'Book the venue'"))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void refusesToScheduleWithSomeoneWhoIsNotAReport() throws Exception {
        JsonNode answer = reply(TestActivity.message(
                        teams.microsoft.serviceUrl(), "checkin 1on1 <at>Gil Giver</at> every week monday 10:00")
                .from("29:ana", "Ana Lopez", ANA_AAD)
                .inPersonalChat("a:dm-ana")
                .mention("29:gil", "Gil Giver"));

        assertThat(answer.path("body").toString()).contains("only schedule 1:1s with your own reports");
    }

    @Test
    @Order(3)
    void tellsTheManagerAReportTeamsWontLetCandorMessageIsLeftOutWhenSchedulingAndInTheReminder() throws Exception {
        long org = Rows.count(teams.jdbi(), "SELECT org_id FROM people WHERE name = 'Gil Giver'");
        long bo = Rows.count(
                teams.jdbi(),
                "INSERT INTO people (org_id, name, manager_id) SELECT org_id, 'Bo', id FROM people"
                        + " WHERE name = 'Gil Giver' RETURNING id");
        teams.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id, aad_object_id)"
                                + " VALUES (?, ?, 'teams', '29:bo', 'bo-aad')",
                        org,
                        bo));
        // What the delivery records when Teams refuses to create a chat with someone Candor isn't installed for.
        teams.jdbi()
                .useExtension(
                        ReachDao.class,
                        reach -> reach.recordFailure(org, Platform.TEAMS, "29:bo", "not_installed_for_user"));

        JsonNode scheduled = reply(
                message("checkin 1on1 <at>Bo</at> every week monday 09:00").mention("29:bo", "Bo"));

        assertThat(scheduled.path("body").toString())
                .contains("Scheduled your 1:1s with ", "Candor can't reach", "Teams won't let Candor message them")
                .contains("Install Candor in a team they belong to");
        long id = Rows.count(teams.jdbi(), "SELECT id FROM one_on_ones WHERE report_id = ?", bo);
        sweepAt(Rows.instant(teams.jdbi(), "SELECT next_event_at FROM one_on_ones WHERE id = ?", id));
        List<String> toGil = Rows.strings(
                teams.jdbi(),
                "SELECT payload::text FROM outbox WHERE idempotency_key = ? AND target = '29:gil'",
                "ask:" + askOf("Gil Giver") + ":open");
        assertThat(toGil).hasSize(1);
        assertThat(toGil.get(0))
                .contains("Your 1:1 with Bo is in an hour", "Candor can't reach", "Install Candor in a team");
    }

    /** Ana answered Gil's check-in, then a newer one of another manager's (Hana's) that Gil may not read. */
    private static void answerCheckins(Instant reminder) {
        long org = Rows.count(teams.jdbi(), "SELECT org_id FROM one_on_ones");
        long gil = Rows.count(teams.jdbi(), "SELECT id FROM people WHERE name = 'Gil Giver'");
        long ana = Rows.count(teams.jdbi(), "SELECT id FROM people WHERE name = 'Ana Lopez'");
        long hana =
                Rows.count(teams.jdbi(), "INSERT INTO people (org_id, name) VALUES (" + org + ", 'Hana') RETURNING id");
        CheckinAnswerSeed.checkin(teams.jdbi(), org, gil)
                .answered(
                        teams.jdbi(), ana, "2026-W01", reminder.minus(Duration.ofDays(6)), values(3, "Legal sign-off"));
        CheckinAnswerSeed.checkin(teams.jdbi(), org, hana)
                .answered(teams.jdbi(), ana, "2026-W02", reminder.minus(Duration.ofDays(1)), values(1, "Hana's reorg"));
    }

    private static String values(int mood, String blockers) {
        return "{\"q1\":" + mood + ",\"q3\":\"" + blockers + "\"}";
    }

    private static JsonNode reply(TestActivity activity) throws Exception {
        teams.post(activity.json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        JsonNode card = Cards.of(replies.get(0));
        teams.microsoft.reset();
        return card;
    }

    private static TestActivity submit(String from, String name, Map<String, String> data) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        data.forEach(value::put);
        TestActivity submit = TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), value);
        return from.equals("29:ana") ? submit.from(from, name, ANA_AAD).inPersonalChat("a:dm-ana") : submit;
    }

    private static JsonNode withoutContext(JsonNode card) {
        ObjectNode copy = card.deepCopy();
        // The ask's id is in the form's context (checked by the notes being stored for that ask's meeting).
        ObjectNode data = (ObjectNode) copy.path("actions").get(0).path("data");
        data.remove("context");
        ((ObjectNode) data.path("form")).remove("context");
        return copy;
    }

    /** The engine's sweep at {@code now} (Quartz may run it too, at the same clock: it is idempotent). */
    private static void sweepAt(Instant now) {
        clock.set(now);
        ((AskSweepJob) teams.candor.asking().sweepJob().job()).sweep();
    }

    /** The person's ask of the latest 1:1 meeting round. */
    private static long askOf(String name) {
        return Rows.count(
                teams.jdbi(),
                "SELECT a.id FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people p ON p.id = a.person_id"
                        + " WHERE r.feature = 'oneonone' AND p.name = ? ORDER BY a.id DESC LIMIT 1",
                name);
    }

    private static Instant nextEvent() {
        return Rows.instant(teams.jdbi(), "SELECT next_event_at FROM one_on_ones");
    }

    private static TestActivity message(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text);
    }
}
