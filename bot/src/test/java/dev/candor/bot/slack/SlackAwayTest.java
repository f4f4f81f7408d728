package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Being away on Slack, through signed requests with WireMock as Slack: {@code /candor away}, a status read from
 * {@code users.info} at first contact, and the {@code user_change} event when someone changes their status or zone.
 */
class SlackAwayTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;
    private static WorkingTimeLoader loader;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults());
        client = new SlackClient(candor.port());
        loader = new WorkingTimeLoader(database.jdbi(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        candor.close();
        slack.close();
        database.close();
    }

    @Test
    void someoneSaysTheyAreAwayAndOnlyTheySeeTheAnswer() throws Exception {
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        LocalDate lastDay = LocalDate.now(ZoneId.of("America/New_York")).plusDays(10);

        JsonNode answer = json.readTree(
                client.command("/candor", "away until " + lastDay, "U0ANA").body());

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("text").asText()).startsWith("🌴 You're away until");
        assertThat(row("SELECT away_until::text FROM people WHERE id = " + personId("U0ANA")))
                .containsExactly(lastDay.toString());
    }

    @Test
    void aPastDateIsRefusedPrivatelyWithWhatToType() throws Exception {
        slack.user("U0BO", "Bo", "bo@acme.test", "Europe/Lisbon", false);

        JsonNode answer = json.readTree(
                client.command("/candor", "away until 2020-01-01", "U0BO").body());

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("blocks").toString())
                .contains("2020-01-01 has passed")
                .contains("Nothing was changed")
                .contains("Type */candor away until YYYY-MM-DD* with your last day away");
        assertThat(row("SELECT count(*)::text FROM people WHERE away_until IS NOT NULL AND id = " + personId("U0BO")))
                .containsExactly("0");
    }

    @Test
    void aPalmTreeStatusReadAtFirstContactMakesSomeoneAwayUntilItExpires() throws Exception {
        Instant expires = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        slack.userWithStatus("U0LEA", "Lea", "Europe/Berlin", ":palm_tree:", "", expires.getEpochSecond());

        client.command("/candor", "help", "U0LEA");

        long lea = personId("U0LEA");
        await("Lea's profile is read")
                .atMost(Duration.ofSeconds(10))
                .until(() -> row("SELECT status_away::text FROM people WHERE id = " + lea), List.of("true")::equals);
        WorkingTime time = workingTime(lea);
        assertThat(time.isAway(Instant.now())).isTrue();
        assertThat(time.awayUntil()).contains(LocalDate.ofInstant(expires.minusSeconds(1), ZoneId.of("Europe/Berlin")));
        assertThat(json.readTree(client.command("/candor", "away", "U0LEA").body())
                        .get("text")
                        .asText())
                .contains("Your Slack status says you're away until");
    }

    @Test
    void anOutOfOfficeStatusCountsUntilItChangesAndAnotherStatusBringsThemBack() throws Exception {
        slack.user("U0GIL", "Gil", "gil@acme.test", "Europe/Lisbon", false);
        client.command("/candor", "help", "U0GIL");
        long gil = personId("U0GIL");

        var changed = client.event(SlackRequests.userChange(
                "Ev0OOO1", "U0GIL", "Gil", "Europe/Lisbon", "", "Out of office, back Monday", 0));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(row("SELECT status_away || ' ' || coalesce(status_away_until::text, '-') FROM people WHERE id = "
                        + gil))
                .containsExactly("true -");
        assertThat(workingTime(gil).isAway(Instant.now())).isTrue();

        client.event(SlackRequests.userChange("Ev0OOO2", "U0GIL", "Gil", "Europe/Lisbon", ":coffee:", "coffee", 0));

        assertThat(row("SELECT status_away::text FROM people WHERE id = " + gil))
                .containsExactly("false");
        assertThat(workingTime(gil).awayUntil()).isEmpty();
    }

    @Test
    void aNewZoneInTheProfileIsTheOneAsksGoBy() throws Exception {
        slack.user("U0KEN", "Ken", "ken@acme.test", "Europe/London", false);
        client.command("/candor", "help", "U0KEN");
        long ken = personId("U0KEN");

        client.event(SlackRequests.userChange("Ev0TZ1", "U0KEN", "Ken", "Asia/Tokyo", "", "", 0));

        assertThat(row("SELECT profile_timezone FROM people WHERE id = " + ken)).containsExactly("Asia/Tokyo");
        assertThat(workingTime(ken).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void aProfileChangeOfSomeoneCandorDoesNotKnowCreatesNobody() throws Exception {
        var changed = client.event(
                SlackRequests.userChange("Ev0NEW1", "U0STRANGER", "Stranger", "Asia/Tokyo", ":palm_tree:", "", 0));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(row("SELECT count(*)::text FROM platform_identities WHERE platform_user_id = 'U0STRANGER'"))
                .containsExactly("0");
    }

    private static WorkingTime workingTime(long personId) {
        long orgId = Long.parseLong(
                row("SELECT org_id::text FROM people WHERE id = " + personId).get(0));
        Map<Long, WorkingTime> times = loader.of(orgId, List.of(personId));
        return times.get(personId);
    }

    private static long personId(String slackUserId) {
        return Long.parseLong(
                row("SELECT person_id::text FROM platform_identities WHERE platform_user_id = '" + slackUserId + "'")
                        .get(0));
    }

    private static List<String> row(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(String.class).list());
    }
}
