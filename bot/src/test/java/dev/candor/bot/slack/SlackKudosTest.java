package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.kudos.Kudos;
import dev.candor.storage.kudos.KudosDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /kudos} from a signed Slack request to the stored kudos, the public answer and the queued DMs. */
class SlackKudosTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()), database, Candor.Options.defaults());
        client = new SlackClient(candor.port());
    }

    @BeforeEach
    void profiles() {
        slack.user("U0GIL", "Gil", "gil@acme.test", "Europe/Lisbon", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "America/New_York", false);
        slack.user("U0LI", "Li", "li@acme.test", "Asia/Shanghai", false);
        slack.user("U0BOT", "Deploy Bot", null, "UTC", true);
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    void storesKudosAnnouncesItAndQueuesADmPerRecipient() throws Exception {
        var response =
                client.command("/kudos", "<@U0ANA|ana> <@U0LI> thanks for the demo &amp; docs #Ownership", "U0GIL");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("blocks").toString()).contains("Kudos to <@U0ANA> and <@U0LI>");
        assertThat(body.get("text").asText()).contains("You have 3 of 5 kudos left today");

        KudosDao kudosDao = database.jdbi().onDemand(KudosDao.class);
        Kudos kudos = latestKudos();
        assertThat(kudos.message()).isEqualTo("thanks for the demo & docs #Ownership");
        assertThat(kudos.conversationId()).isEqualTo("C0GENERAL");
        assertThat(kudosDao.listValues(kudos.orgId(), kudos.id())).containsExactly("ownership");
        assertThat(kudosDao.listRecipientIds(kudos.orgId(), kudos.id())).hasSize(2);

        OutboxMessage post = database.jdbi()
                .onDemand(OutboxDao.class)
                .findByKey(kudos.orgId(), "kudos:" + kudos.id() + ":post")
                .orElseThrow();
        assertThat(post.target()).isEqualTo("C0GENERAL");
        assertThat(post.replyUrl()).startsWith("https://hooks.slack.com/commands/");
        assertThat(post.payload())
                .contains("U0ANA", "U0LI", "U0GIL", "received kudos from", "thanks for the demo & docs #Ownership");

        List<OutboxMessage> dms = dmsFor(kudos);
        assertThat(dms).extracting(OutboxMessage::target).containsExactlyInAnyOrder("U0ANA", "U0LI");
        assertThat(dms.get(0).payload()).contains("You received kudos from").contains("U0GIL");
    }

    @Test
    void refusesKudosToYourself() throws Exception {
        var response = client.command("/kudos", "<@U0GIL|gil> great job me", "U0GIL");

        JsonNode body = json.readTree(response.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("text").asText()).contains("can't give kudos to yourself");
    }

    @Test
    void refusesKudosToBots() throws Exception {
        var response = client.command("/kudos", "<@U0BOT> thanks for deploying", "U0GIL");

        JsonNode body = json.readTree(response.body());
        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("text").asText()).contains("Deploy Bot is a bot");
    }

    @Test
    void explainsUsageWithoutRecipientOrText() throws Exception {
        var noRecipient = json.readTree(
                client.command("/kudos", "thanks everyone", "U0GIL").body());
        var noText =
                json.readTree(client.command("/kudos", "<@U0ANA|ana>", "U0GIL").body());

        assertThat(noRecipient.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(noRecipient.get("text").asText()).contains("/kudos @person");
        assertThat(noText.get("text").asText()).contains("/kudos @person");
    }

    @Test
    void storesTheSameSubmissionOnce() throws Exception {
        var form = SlackClient.slashCommand("/kudos", "<@U0ANA|ana> thanks for pairing", "U0GIL", "C0GENERAL");
        long before = countKudos();

        client.postForm(form);
        var again = client.postForm(form);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(countKudos()).isEqualTo(before + 1);
        assertThat(dmsFor(latestKudos())).hasSize(1);
    }

    @Test
    void listsCommandsOnCandorHelp() throws Exception {
        JsonNode body = json.readTree(client.command("/candor", "help", "U0GIL").body());

        assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(body.get("blocks").toString()).contains("/kudos", "/candor");
    }

    @Test
    void everyCommandOfTheManifestHasAFeatureBehindIt() throws Exception {
        JsonNode body = json.readTree(client.command("/goals", "", "U0GIL").body());

        assertThat(body.get("text").asText()).contains("You have no goals in");
    }

    @Test
    void provisionsPeopleFromTheirSlackProfile() throws Exception {
        client.command("/kudos", "<@U0LI> thanks for the review", "U0ANA");

        var people = database.jdbi().withHandle(handle -> handle.select(
                        """
                                SELECT p.name, p.email, p.timezone FROM people p
                                JOIN platform_identities i ON i.person_id = p.id WHERE i.platform_user_id = 'U0LI'""")
                .mapToMap()
                .one());
        assertThat(people).containsEntry("name", "Li").containsEntry("email", "li@acme.test");
        assertThat(people).containsEntry("timezone", "Asia/Shanghai");
    }

    private static Kudos latestKudos() {
        List<Kudos> all = database.jdbi().onDemand(KudosDao.class).listByOrg(orgId());
        return all.get(all.size() - 1);
    }

    private static long orgId() {
        return database.jdbi()
                .withHandle(handle -> handle.select("SELECT id FROM organisations WHERE slack_team_id = 'T0ACME'")
                        .mapTo(Long.class)
                        .one());
    }

    private static long countKudos() {
        return database.jdbi().withHandle(handle -> handle.select("SELECT count(*) FROM kudos")
                .mapTo(Long.class)
                .one());
    }

    private static List<OutboxMessage> dmsFor(Kudos kudos) {
        OutboxDao outbox = database.jdbi().onDemand(OutboxDao.class);
        return database
                .jdbi()
                .withHandle(
                        handle -> handle.select("SELECT idempotency_key FROM outbox WHERE idempotency_key LIKE :prefix"
                                        + " AND target_kind = 'user' ORDER BY id")
                                .bind("prefix", "kudos:" + kudos.id() + ":%")
                                .mapTo(String.class)
                                .list())
                .stream()
                .map(key -> outbox.findByKey(kudos.orgId(), key).orElseThrow())
                .toList();
    }
}
