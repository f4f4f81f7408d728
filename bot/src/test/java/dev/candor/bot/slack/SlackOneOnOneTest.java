package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ReachDao;
import dev.candor.storage.oneonone.CheckinAnswerSeed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * 1:1s in Slack from signed requests, on the asking engine with a clock the test moves: Gil (Lisbon) schedules 1:1s
 * with his report Ana (New York), both add talking points, each meeting's round asks both an hour before in their own
 * time with the agenda (Ana at 05:00: the meeting time was agreed, so her quiet hours don't move it), reminds them
 * after it to write notes and next steps in the engine's form, next steps roll over until someone presses Done, and
 * Gil cancels. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackOneOnOneTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    /** Monday 2 March 2026, 11:00 in Lisbon; New York is still on winter time (UTC-5). */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T11:00:00Z"));

    private static SlackServer server;
    private static FakeSlack slack;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        server = new SlackServer(clock);
        slack = server.slack;
        client = server.client;
    }

    @BeforeEach
    void profiles() {
        slack.user("U0GIL", "Gil", "gil@acme.test", "Europe/Lisbon", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        slack.user("U0LI", "Li", "li@acme.test", "Asia/Shanghai", false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void refusesSomeoneWhoIsNotTheReportsManager() throws Exception {
        JsonNode answer = command("<@U0GIL> 1on1 <@U0ANA|ana> every 2 weeks tuesday 10:00", "U0LI");
        JsonNode mine = command("1on1 <@U0ANA|ana> every 2 weeks tuesday 10:00", "U0GIL");

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(mine.get("text").asText()).contains("only schedule 1:1s with your own reports", "Ana's manager");
        assertThat(server.count("SELECT count(*) FROM one_on_ones")).isZero();
    }

    @Test
    @Order(2)
    void saysWhatToTypeForABadDayTimeOrCadence() throws Exception {
        String day = command("1on1 <@U0ANA|ana> every 2 weeks tusday 10:00", "U0GIL")
                .get("text")
                .asText();
        String time = command("1on1 <@U0ANA|ana> every week tuesday 25:00", "U0GIL")
                .get("text")
                .asText();
        String cadence = command("1on1 <@U0ANA|ana> every 3 weeks tuesday 10:00", "U0GIL")
                .get("text")
                .asText();
        String nobody =
                command("1on1 every week tuesday 10:00", "U0GIL").get("text").asText();

        assertThat(day).contains("\"tusday\" isn't a day", "/checkin 1on1 @person every 2 weeks tuesday 10:00");
        assertThat(time).contains("\"25:00\" isn't a time", "10:00 or 14:30");
        assertThat(cadence).contains("every week, every 2 weeks or every 4 weeks");
        assertThat(nobody).contains("Name the person");
    }

    @Test
    @Order(3)
    void schedulesOneOnOnesWithAReportInTheManagersZone() throws Exception {
        server.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                "UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Gil') WHERE name = 'Ana'"));

        JsonNode answer = command("1on1 <@U0ANA|ana> every 2 weeks tuesday 10:00", "U0GIL");

        assertThat(answer.get("text").asText())
                .contains("Scheduled your 1:1s with Ana every 2 weeks on Tuesday at 10:00" + " (Europe/Lisbon)");
        Map<String, Object> row = server.rows("SELECT * FROM one_on_ones").get(0);
        assertThat(row)
                .containsEntry("every_weeks", 2)
                .containsEntry("weekday", 2)
                .containsEntry("zone", "Europe/Lisbon")
                .containsEntry("active", true);
        LocalDateTime occurrence = ((java.sql.Timestamp) row.get("occurrence")).toLocalDateTime();
        assertThat(occurrence.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.TUESDAY);
        assertThat(occurrence.toLocalTime()).isEqualTo(java.time.LocalTime.of(10, 0));
        assertThat(nextEvent()).isEqualTo(meetingAt().minusSeconds(3600));
        assertThat(server.rows("SELECT feature, subject, opens_at, due_at FROM rounds"))
                .singleElement()
                .satisfies(round -> assertThat(round)
                        .containsEntry("feature", "oneonone")
                        .containsEntry("subject", "oneonone:" + id()))
                .satisfies(round -> assertThat(((java.sql.Timestamp) round.get("opens_at")).toInstant())
                        .isEqualTo(meetingAt().minusSeconds(3600)))
                .satisfies(round -> assertThat(((java.sql.Timestamp) round.get("due_at")).toInstant())
                        .as("notes may be written until the next meeting's reminder")
                        .isEqualTo(meetingAt().plus(Duration.ofDays(14)).minusSeconds(3600)));
    }

    @Test
    @Order(4)
    void eitherOfTheTwoAddsTalkingPointsButNobodyElse() throws Exception {
        JsonNode ana = command("agenda <@U0GIL|gil> talk about the conference budget", "U0ANA");
        JsonNode gil = command("agenda <@U0ANA|ana> your promotion case", "U0GIL");
        JsonNode li = command("agenda <@U0ANA|ana> gossip", "U0LI");

        assertThat(ana.get("text").asText()).contains("Added to the agenda of your next 1:1 with Gil");
        assertThat(gil.get("text").asText()).contains("next 1:1 with Ana");
        assertThat(li.get("text").asText()).contains("You have no 1:1s with Ana");
        assertThat(server.strings("SELECT text FROM one_on_one_items ORDER BY id"))
                .containsExactly("talk about the conference budget", "your promotion case");
    }

    @Test
    @Order(5)
    void remindsBothAnHourBeforeInTheirOwnTimeWithTheAgendaAndAnasLatestCheckinToGil() throws Exception {
        Instant meeting = meetingAt();
        String occurrence = occurrence();
        long org = server.orgId();
        CheckinAnswerSeed.checkin(server.jdbi(), org, person("Gil"))
                .answered(
                        server.jdbi(),
                        person("Ana"),
                        "2026-W01",
                        meeting.minus(Duration.ofDays(5)),
                        "{\"q1\":2,\"q3\":\"Waiting on the design review\"}");
        // Newer, but to another manager: Li's to read, not Gil's.
        CheckinAnswerSeed.checkin(server.jdbi(), org, person("Li"))
                .answered(
                        server.jdbi(),
                        person("Ana"),
                        "2026-W02",
                        meeting.minus(Duration.ofDays(2)),
                        "{\"q1\":5,\"q3\":\"Li's project plan\"}");

        sweepAt(meeting.minusSeconds(3600));

        String gilKey = "ask:" + askOf("Gil") + ":open";
        String anaKey = "ask:" + askOf("Ana") + ":open";
        assertThat(server.strings("SELECT target FROM outbox WHERE idempotency_key = ?", gilKey))
                .containsExactly("U0GIL");
        assertThat(payload(anaKey))
                .contains("Your 1:1 with Gil is in an hour")
                .contains(SHOWN.format(meeting.atZone(ZoneId.of("America/New_York"))))
                .contains("talk about the conference budget", "your promotion case", "Add a talking point")
                .contains("1:1 notes and next steps", "ask.answer");
        assertThat(payload(gilKey))
                .contains(SHOWN.format(meeting.atZone(ZoneId.of("Europe/Lisbon"))))
                .contains("Ana's latest check-in", "Mood: 🙁 Not great", "Blockers: Waiting on the design review")
                .doesNotContain("Li's project plan");
        assertThat(payload(anaKey)).contains("Your latest check-in", "Blockers: Waiting on the design review");
        assertThat(occurrence).isEqualTo("2026-03-03T10:00");
        // The same minute again (another node, a retry): nothing new.
        sweepAt(meeting.minusSeconds(3600));
        assertThat(server.count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'ask:%'"))
                .isEqualTo(2);
    }

    @Test
    @Order(6)
    void asksBothForNotesAfterTheMeetingAndStoresNextStepsWithTheirOwners() throws Exception {
        Instant meeting = meetingAt();
        sweepAt(meeting.plusSeconds(1800));
        long ask = askOf("Gil");
        assertThat(payload("ask:" + ask + ":remind:1")).contains("How did your 1:1 with Ana go?", "ask.answer");

        String press = pressWithTrigger("U0GIL", "ask.answer", String.valueOf(ask), SlackRequests.triggerId());
        interaction(press);
        JsonNode view = Golden.parse(
                viewsOpened(Golden.parse(press).get("trigger_id").asText()).get("view"));
        assertThat(view.get("private_metadata").asText()).contains("\"context\":\"" + ask);
        Golden.assertMatches("oneonone-notes-form", Golden.withoutMetadata(view));
        ObjectNode state = json.createObjectNode();
        text(state, "notes", "Talked budget; promotion case next quarter.");
        text(state, "mine", "Ask finance about the budget\n\n- Book the conference");
        text(state, "theirs", "Draft the promotion case");

        var saved = interaction(SlackRequests.viewSubmission("U0GIL", view, "V0NOTES", state));

        assertThat(Golden.parse(saved.body()).toString()).doesNotContain("errors");
        assertThat(server.strings("SELECT state FROM asks WHERE id = ?", ask)).containsExactly("answered");
        assertThat(server.rows("SELECT i.text, o.name AS owner FROM one_on_one_items i JOIN people o ON o.id ="
                        + " i.owner_id WHERE kind = 'action' ORDER BY i.id"))
                .extracting(row -> row.get("text") + " / " + row.get("owner"))
                .containsExactly(
                        "Ask finance about the budget / Gil",
                        "Book the conference / Gil",
                        "Draft the promotion case / Ana");
        assertThat(server.strings("SELECT notes FROM one_on_one_notes"))
                .containsExactly("Talked budget; promotion case next quarter.");
        assertThat(server.count("SELECT count(*) FROM one_on_one_items WHERE kind = 'point' AND done_at IS NULL"))
                .isZero();
    }

    @Test
    @Order(7)
    void nextStepsRollOverToTheNextAgendaUntilSomeonePressesDone() throws Exception {
        long draft = server.count("SELECT id FROM one_on_one_items WHERE text = 'Draft the promotion case'");
        JsonNode stranger = press("U0LI", "oneonone.done", String.valueOf(draft));
        JsonNode ana = press("U0ANA", "oneonone.done", String.valueOf(draft));

        assertThat(stranger.get("text").asText()).contains("isn't yours");
        assertThat(ana.get("text").asText()).contains("Done: Draft the promotion case");
        Instant nextReminder = server.jdbi()
                .withHandle(handle -> handle.select("SELECT max(closes_at) FROM rounds WHERE feature = 'oneonone'")
                        .mapTo(Instant.class)
                        .one());
        sweepAt(nextReminder);
        sweepAt(nextReminder);

        assertThat(occurrence()).isEqualTo("2026-03-17T10:00");
        assertThat(server.strings("SELECT state FROM rounds WHERE feature = 'oneonone' ORDER BY id"))
                .containsExactly("closed", "open");
        String next = "ask:" + askOf("Ana") + ":open";
        assertThat(payload(next))
                .contains("Open action items", "Ask finance about the budget", "Book the conference", "oneonone.done")
                .doesNotContain("Draft the promotion case")
                .doesNotContain("talk about the conference budget")
                .contains("Nothing yet: add what you want to talk about.");
    }

    @Test
    @Order(8)
    void opensTheTalkingPointFormFromTheReminder() throws Exception {
        String press = pressWithTrigger("U0ANA", "oneonone.point", String.valueOf(id()), SlackRequests.triggerId());
        interaction(press);
        JsonNode view = Golden.parse(
                viewsOpened(Golden.parse(press).get("trigger_id").asText()).get("view"));
        Golden.assertMatches("oneonone-point-form", Golden.withoutMetadata(view));
        ObjectNode state = json.createObjectNode();
        text(state, "point", "the offsite");

        interaction(SlackRequests.viewSubmission("U0ANA", view, "V0POINT", state));

        assertThat(server.strings("SELECT text FROM one_on_one_items WHERE kind = 'point' AND done_at IS NULL"))
                .containsExactly("the offsite");
    }

    @Test
    @Order(9)
    void listsTheOneOnOnesOfEachOfTheTwoInTheirOwnTime() throws Exception {
        JsonNode ana = command("1on1 list", "U0ANA");
        JsonNode li = command("1on1 list", "U0LI");

        assertThat(ana.get("blocks").toString())
                .contains(
                        "Gil",
                        "Every 2 weeks, next on " + SHOWN.format(meetingAt().atZone(ZoneId.of("America/New_York"))));
        assertThat(li.get("text").asText()).contains("no 1:1s in Candor yet");
    }

    @Test
    @Order(10)
    void onlyTheManagerCancelsAndThenRemindersStop() throws Exception {
        JsonNode ana = command("1on1 cancel <@U0GIL|gil>", "U0ANA");
        JsonNode gil = command("1on1 cancel <@U0ANA|ana>", "U0GIL");

        assertThat(ana.get("text").asText()).contains("Only Gil, who scheduled your 1:1s, can cancel them");
        assertThat(gil.get("text").asText()).contains("Cancelled your 1:1s with Ana");
        assertThat(server.strings("SELECT state FROM rounds WHERE feature = 'oneonone' ORDER BY id"))
                .containsExactly("closed", "cancelled");
        assertThat(sweepAt(Instant.parse("2099-01-01T00:00:00Z")).asked()).isZero();
        assertThat(server.count("SELECT count(*) FROM rounds WHERE state = 'open'"))
                .isZero();
        assertThat(command("1on1 list", "U0GIL").get("text").asText()).contains("no 1:1s");
    }

    @Test
    @Order(11)
    void otherCheckinWordsGoToCheckins() throws Exception {
        assertThat(command("", "U0GIL").get("text").asText()).contains("Nothing to answer now");
    }

    @Test
    @Order(12)
    void tellsTheManagerAReportCandorCannotReachIsLeftOutWhenSchedulingAndInTheReminder() throws Exception {
        slack.user("U0BO", "Bo", "bo@acme.test", "Europe/Lisbon", false);
        command("1on1 list", "U0BO");
        // Bo is provisioned from the command; his name arrives from users.info in the background.
        await("Bo's Slack profile is read")
                .atMost(Duration.ofSeconds(10))
                .until(() -> server.count("SELECT count(*) FROM people WHERE name = 'Bo'") == 1);
        server.jdbi()
                .useHandle(
                        handle -> handle.execute("UPDATE people SET manager_id = ? WHERE name = 'Bo'", person("Gil")));
        // What the delivery records when Slack refuses conversations.open with a deactivated account.
        server.jdbi()
                .useExtension(
                        ReachDao.class,
                        reach -> reach.recordFailure(server.orgId(), Platform.SLACK, "U0BO", "user_disabled"));

        JsonNode answer = command("1on1 <@U0BO|bo> every week monday 09:00", "U0GIL");

        assertThat(answer.get("blocks").toString())
                .contains("Scheduled your 1:1s with", "Candor can't reach", "Bo")
                .contains("Slack says their account is deactivated.", "To fix it: Take them off the list");
        sweepAt(nextEvent());
        assertThat(payload("ask:" + askOf("Gil") + ":open"))
                .contains(
                        "Your 1:1 with Bo is in an hour",
                        "Candor can't reach",
                        "Slack says their account is" + " deactivated.");
        assertThat(payload("ask:" + askOf("Bo") + ":open"))
                .as("still queued: a delivery that gets through is what clears Slack's earlier refusal")
                .contains("Your 1:1 with Gil is in an hour")
                .doesNotContain("Candor can't reach");
    }

    private static JsonNode command(String text, String user) throws Exception {
        var response = client.post(
                SlackClient.formBody(SlackClient.slashCommand("/checkin", text, user, "C0GENERAL")),
                "application/x-www-form-urlencoded",
                clock.instant().getEpochSecond(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return Golden.parse(response.body());
    }

    /** The engine's sweep at {@code now} (Quartz may run it too, at the same clock: it is idempotent). */
    private static AskSweepJob.Swept sweepAt(Instant now) {
        clock.set(now);
        return ((AskSweepJob) server.candor.asking().sweepJob().job()).sweep();
    }

    /** The person's ask of the latest 1:1 meeting round. */
    private static long askOf(String name) {
        return server.count(
                "SELECT a.id FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.feature = 'oneonone'"
                        + " AND a.person_id = ? ORDER BY a.id DESC LIMIT 1",
                person(name));
    }

    /** Signed at Candor's time: Slack's timestamps are checked against it. */
    private static java.net.http.HttpResponse<String> interaction(String payload) throws Exception {
        return client.post(
                SlackClient.formBody(Map.of("payload", payload)),
                "application/x-www-form-urlencoded",
                clock.instant().getEpochSecond(),
                Map.of());
    }

    private static JsonNode press(String user, String action, String value) throws Exception {
        String name = "press-" + System.nanoTime();
        interaction(SlackRequests.blockAction(user, action, value, "D0DM", slack.responseUrl(name)));
        return Golden.parse(slack.responses(name).get(0));
    }

    private static String pressWithTrigger(String user, String action, String value, String trigger) {
        return SlackRequests.blockAction(user, action, value, "D0DM", slack.responseUrl("unused"));
    }

    /** The view without where it was opened from (a port, a date): those are checked apart. */
    private static void text(ObjectNode state, String id, String value) {
        ObjectNode element = state.putObject(id).putObject(id);
        element.put("type", "plain_text_input");
        element.put("value", value);
    }

    private static long id() {
        return server.count("SELECT id FROM one_on_ones ORDER BY id DESC LIMIT 1");
    }

    private static long person(String name) {
        return server.count("SELECT id FROM people WHERE name = ?", name);
    }

    private static String occurrence() {
        return server.strings("SELECT to_char(occurrence, 'YYYY-MM-DD\"T\"HH24:MI') FROM one_on_ones ORDER BY id DESC"
                        + " LIMIT 1")
                .get(0);
    }

    private static Instant meetingAt() {
        return LocalDateTime.parse(occurrence())
                .atZone(ZoneId.of("Europe/Lisbon"))
                .toInstant();
    }

    private static Instant nextEvent() {
        return server.jdbi()
                .withHandle(handle -> handle.select("SELECT next_event_at FROM one_on_ones ORDER BY id DESC LIMIT 1")
                        .mapTo(Instant.class)
                        .one());
    }

    private static String payload(String key) {
        List<String> payloads = server.strings("SELECT payload::text FROM outbox WHERE idempotency_key = ?", key);
        assertThat(payloads).as(key).hasSize(1);
        return payloads.get(0);
    }

    private static Map<String, String> viewsOpened(String triggerId) {
        return slack.calls("views.open").stream()
                .filter(call -> triggerId.equals(call.get("trigger_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no views.open with trigger " + triggerId));
    }
}
