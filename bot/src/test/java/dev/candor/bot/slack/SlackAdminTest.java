package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /candor admin …} as signed Slack slash commands, through Bolt and the router to the database and back. */
class SlackAdminTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults());
        client = new SlackClient(candor.port());
        profiles();
        // Provision Hana on her first request, then make her an HR admin as a directory import would.
        client.command("/candor", "help", "U0HANA");
        // Her name comes from users.info in the background (the command only carries her handle): tests name her.
        await("Hana's Slack profile is read")
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> row("SELECT name FROM people WHERE name = 'Hana'").size() == 1);
        database.jdbi()
                .useHandle(
                        handle -> handle.execute(
                                """
                        UPDATE people SET role = 'hr_admin' WHERE id = (
                            SELECT person_id FROM platform_identities WHERE platform_user_id = 'U0HANA')"""));
    }

    @BeforeEach
    void reset() {
        profiles();
        database.jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM kudos_settings");
            handle.execute("DELETE FROM audit_log");
            handle.execute(
                    "UPDATE organisations SET quiet_from = DEFAULT, quiet_until = DEFAULT, working_days = DEFAULT");
        });
    }

    private static void profiles() {
        slack.user("U0HANA", "Hana", "hana@acme.test", "Europe/Berlin", false);
        slack.user("U0GIL", "Gil", "gil@acme.test", "Europe/Lisbon", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        slack.user("U0LI", "Li", "li@acme.test", "Asia/Shanghai", false);
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void anHrAdminLowersTheAllowanceAndTheNextKudosFeelsIt() throws Exception {
        JsonNode answer = json.readTree(
                client.command("/candor", "admin allowance 1 per day", "U0HANA").body());
        String first = text(client.command("/kudos", "<@U0ANA|ana> thanks for the release notes", "U0GIL"));
        String second = text(client.command("/kudos", "<@U0ANA|ana> thanks for the demo as well", "U0GIL"));

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("blocks").toString())
                .contains("*Allowance*: 5 per day → 1 per day")
                .contains("Undo: /candor admin allowance 5 per day");
        assertThat(row("SELECT allowance_amount || ' ' || allowance_period FROM kudos_settings"))
                .containsExactly("1 day");
        assertThat(row("SELECT p.name || ': ' || a.action || ': ' || a.old_value || ' → ' || a.new_value"
                        + " FROM audit_log a JOIN people p ON p.id = a.person_id"))
                .containsExactly("Hana: allowance: 5 per day → 1 per day");
        assertThat(first).contains("You have 0 of 1 kudos left today");
        assertThat(second).contains("You've given all 1 of your kudos today");
    }

    @Test
    void someoneWhoIsNotAnHrAdminIsRefusedPrivatelyAndNothingChanges() throws Exception {
        JsonNode answer = json.readTree(
                client.command("/candor", "admin allowance 50 per day", "U0GIL").body());

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("text").asText())
                .contains("Only HR admins can change Candor's settings")
                .endsWith("Ask one of: Hana.");
        assertThat(row("SELECT count(*)::text FROM kudos_settings")).containsExactly("0");
        assertThat(row("SELECT count(*)::text FROM audit_log")).containsExactly("0");
    }

    @Test
    void theKudosChannelNamedByAChannelLinkReceivesTheNextRecognition() throws Exception {
        JsonNode answer = json.readTree(client.command("/candor", "admin kudos-channel <#C0KUDOS|kudos>", "U0HANA")
                .body());
        client.command("/kudos", "<@U0ANA|ana> thanks for the crisp incident summary", "U0LI");

        assertThat(answer.get("blocks").toString()).contains("where each kudos is given → #kudos (C0KUDOS)");
        assertThat(row("SELECT slack_kudos_channel FROM kudos_settings")).containsExactly("C0KUDOS");
        await("the recognition is posted in the kudos channel")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> slack.postedMessages().stream()
                        .anyMatch(body -> body.contains("channel=C0KUDOS") && body.contains("crisp incident summary")));
        // Only once nothing is left to send does "nothing went to #general" mean anything.
        await("the outbox has nothing left to send")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> row("SELECT count(*)::text FROM outbox WHERE status IN ('pending', 'sending')")
                        .equals(List.of("0")));
        assertThat(slack.postedMessages())
                .noneMatch(body -> body.contains("channel=C0GENERAL") && body.contains("crisp incident summary"));
    }

    @Test
    void explainsAMistakeWithTheSyntaxAndAnExample() throws Exception {
        JsonNode answer = json.readTree(
                client.command("/candor", "admin digest friday 4pm", "U0HANA").body());

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.get("blocks").toString())
                .contains("HH:MM on a 24-hour clock")
                .contains("/candor admin digest &lt;weekday&gt; &lt;HH:MM&gt;")
                .contains("e.g. /candor admin digest friday 16:00");
        assertThat(row("SELECT count(*)::text FROM audit_log")).containsExactly("0");
    }

    @Test
    void anHrAdminSetsTheWorkingDaysAndQuietHoursAndAMistakeSaysWhatToType() throws Exception {
        JsonNode days = json.readTree(client.command("/candor", "admin working-days sun,mon,tue,wed,thu", "U0HANA")
                .body());
        JsonNode hours = json.readTree(client.command("/candor", "admin quiet-hours 21:00-07:00", "U0HANA")
                .body());
        JsonNode mistake = json.readTree(
                client.command("/candor", "admin quiet-hours 9pm-7am", "U0HANA").body());

        assertThat(days.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(days.get("blocks").toString())
                .contains("*Working days*: Monday to Friday → Sunday to Thursday")
                .contains("Undo: /candor admin working-days mon,tue,wed,thu,fri");
        assertThat(hours.get("blocks").toString()).contains("*Quiet hours*: 20:00–08:00 → 21:00–07:00");
        assertThat(mistake.get("blocks").toString())
                .contains("two times on a 24-hour clock")
                .contains("e.g. /candor admin quiet-hours 20:00-08:00");
        assertThat(row("SELECT quiet_from || '-' || quiet_until || ' ' || working_days::text FROM organisations"))
                .containsExactly("21:00:00-07:00:00 {1,2,3,4,7}");
        assertThat(row("SELECT a.action || ': ' || a.old_value || ' → ' || a.new_value FROM audit_log a ORDER BY id"))
                .containsExactly(
                        "working-days: Monday to Friday → Sunday to Thursday",
                        "quiet-hours: 20:00–08:00 → 21:00–07:00");
    }

    @Test
    void someoneWhoIsNotAnHrAdminCannotChangeTheWorkingDays() throws Exception {
        JsonNode answer = json.readTree(
                client.command("/candor", "admin working-days mon", "U0GIL").body());

        assertThat(answer.get("text").asText()).contains("Only HR admins can change Candor's settings");
        assertThat(row("SELECT working_days::text FROM organisations")).containsExactly("{1,2,3,4,5}");
    }

    private static String text(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).get("text").asText();
    }

    private static List<String> row(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(String.class).list());
    }
}
