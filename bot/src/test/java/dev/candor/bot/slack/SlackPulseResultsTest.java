package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.pulse.results.Charts;
import dev.candor.bot.pulse.results.PulseFixture;
import dev.candor.bot.pulse.results.PulseResultsCommands;
import dev.candor.bot.server.FileLinks;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code /pulse results} and {@code /pulse export} in Slack from signed requests: HR gets the results with image
 * blocks whose PNGs Candor serves (until the links expire), a manager of nobody is refused, and the export arrives
 * as a DM through the outbox with a link to the CSV.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackPulseResultsTest {
    private static final String PUBLIC = "https://candor.example.com";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private static final FakeSlack slack = new FakeSlack();
    private static final Database database = TestDatabase.fresh();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static Candor candor;
    private static SlackClient client;

    @BeforeAll
    static void start() {
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()).withPublicUrl(URI.create(PUBLIC)),
                database,
                new Candor.Options(clock, DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        slack.user("U0HANA", "Hana", "hana@acme.test", "Europe/Lisbon", false);
        slack.user("U0ANA", "Ana", "ana@acme.test", "Europe/Lisbon", false);
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        PulseFixture fixture = new PulseFixture(database.jdbi(), candor.asking(), orgId, clock.instant());
        long hana = fixture.person("Hana", Role.HR_ADMIN, "People", null, "Lisbon", Platform.SLACK, "U0HANA");
        List<Long> people = new ArrayList<>();
        people.add(fixture.person("Ana", Role.EMPLOYEE, "Sales", hana, "Lisbon", Platform.SLACK, "U0ANA"));
        for (int i = 0; i < 6; i++) {
            people.add(fixture.person("P" + i, Role.EMPLOYEE, "Sales", hana, "Lisbon", Platform.SLACK, null));
        }
        long survey = fixture.survey("December pulse", hana, 5);
        long round = fixture.round(survey, "2026-W49", people);
        for (int i = 0; i < people.size(); i++) {
            fixture.answer(round, people.get(i), 4 + i, 1 + i % 5, "Home", i == 0 ? "More focus time" : null);
        }
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void hrSeesResultsWithChartsWhosePicturesCandorServesUntilTheyExpire() throws Exception {
        JsonNode reply = command("results December pulse", "U0HANA");

        assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(reply.toString())
                .contains("7 of 7 answered (100%)")
                .contains("eNPS")
                .contains("More focus time")
                .contains("pulse-results.export");
        List<String> images = new ArrayList<>();
        reply.get("blocks").forEach(block -> {
            if (block.get("type").asText().equals("image")) {
                images.add(block.get("image_url").asText());
                assertThat(block.get("alt_text").asText()).matches(".+: .*[0-9].*");
            }
        });
        assertThat(images).hasSize(3).allSatisfy(url -> assertThat(url).startsWith(PUBLIC + "/files/"));

        HttpResponse<byte[]> png = get(images.get(0));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);

        clock.advance(FileLinks.LIFETIME.plusMinutes(1));
        assertThat(get(images.get(0)).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void someoneWhoIsNeitherHrNorAManagerIsRefusedPolitely() throws Exception {
        assertThat(command("results December pulse", "U0ANA").get("text").asText())
                .isEqualTo("Survey results are for HR admins, and for managers about their own organisation.");
        assertThat(command("results Nonexistent", "U0HANA").get("text").asText())
                .contains("There is no survey called “Nonexistent”");
    }

    @Test
    @Order(3)
    void exportArrivesAsADirectMessageWithALinkToTheAggregatedCsv() throws Exception {
        assertThat(command("export December pulse", "U0HANA").get("text").asText())
                .contains("direct message with the download link");

        await("the export DM is sent")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> slack.calls("chat.postMessage").stream()
                        .anyMatch(call -> call.getOrDefault("blocks", "").contains("/files/")));
        String blocks = slack.calls("chat.postMessage").stream()
                .map(call -> call.getOrDefault("blocks", ""))
                .filter(text -> text.contains("/files/"))
                .findFirst()
                .orElseThrow();
        Matcher link = Pattern.compile(Pattern.quote(PUBLIC) + "/files/[A-Za-z0-9_-]{43}/[A-Za-z0-9.-]+\\.csv")
                .matcher(blocks);
        assertThat(link.find()).isTrue();

        HttpResponse<byte[]> csv = get(link.group());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("section,question,group,label,value")
                .contains("round,,2026-W49,answered,7")
                .doesNotContain("More focus time");
    }

    @Test
    @Order(4)
    void shareHerePostsTheSummaryWithoutCommentsInTheConversationOnce() throws Exception {
        String survey = database.jdbi().withHandle(handle -> handle.select("SELECT id::text FROM pulse_surveys")
                .mapTo(String.class)
                .one());
        press("U0ANA", PulseResultsCommands.SHARE, survey);
        press("U0HANA", PulseResultsCommands.SHARE, survey);
        press("U0HANA", PulseResultsCommands.SHARE, survey);

        await("the summary is posted in the channel")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        slack.calls("chat.postMessage").stream().anyMatch(call -> "C0HR".equals(call.get("channel"))));
        assertThat(slack.calls("chat.postMessage").stream().filter(call -> "C0HR".equals(call.get("channel"))))
                .singleElement()
                .satisfies(call -> assertThat(call.get("blocks"))
                        .contains("Pulse results: December pulse", "image")
                        .doesNotContain("More focus time")
                        .doesNotContain("pulse-results.export"));
        await("Ana is told sharing is HR's")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> slack.responses("share-U0ANA").toString().contains("Sharing results is for HR admins"));
    }

    private static void press(String user, String action, String value) throws Exception {
        HttpResponse<String> response = client.post(
                SlackClient.formBody(Map.of(
                        "payload",
                        SlackRequests.blockAction(user, action, value, "C0HR", slack.responseUrl("share-" + user)))),
                "application/x-www-form-urlencoded",
                clock.instant().getEpochSecond(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static JsonNode command(String text, String user) throws Exception {
        HttpResponse<String> response = client.post(
                SlackClient.formBody(SlackClient.slashCommand("/pulse", text, user, "C0HR")),
                "application/x-www-form-urlencoded",
                clock.instant().getEpochSecond(),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return Golden.parse(response.body());
    }

    private static HttpResponse<byte[]> get(String publicUrl) throws Exception {
        URI local = URI.create(publicUrl.replace(PUBLIC, "http://127.0.0.1:" + candor.port()));
        return http.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
