package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.pulse.results.Charts;
import dev.candor.bot.pulse.results.PulseFixture;
import dev.candor.bot.pulse.results.PulseResultsCommands;
import dev.candor.bot.server.FileLinks;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * {@code pulse results} and {@code pulse export} in Teams from JWT-signed activities: HR's card carries the chart
 * pictures Candor serves with their text next to them, an employee is refused, the export arrives as a DM through
 * the outbox with a link to the CSV.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsPulseResultsTest {
    private static final String PUBLIC = "https://candor.example.com";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private static final HttpClient http = HttpClient.newHttpClient();
    private static TeamsServer teams;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(clock, URI.create(PUBLIC));
        for (String name : List.of("hana", "ana")) {
            teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), "help"))
                    .json());
        }
        long orgId = Rows.count(teams.jdbi(), "SELECT id FROM organisations");
        long hana = person("hana");
        teams.jdbi().useHandle(handle -> handle.execute("UPDATE people SET role = 'hr_admin' WHERE id = ?", hana));
        PulseFixture fixture = new PulseFixture(teams.jdbi(), teams.candor.asking(), orgId, clock.instant());
        List<Long> people = new ArrayList<>();
        people.add(person("ana"));
        for (int i = 0; i < 5; i++) {
            people.add(fixture.person("P" + i, Role.EMPLOYEE, "Sales", hana, "Lisbon", Platform.TEAMS, null));
        }
        long survey = fixture.survey("December pulse", hana, 5);
        long round = fixture.round(survey, "2026-W49", people);
        for (int i = 0; i < people.size(); i++) {
            fixture.answer(round, people.get(i), 10 - i, 1 + i % 5, "Office", i == 1 ? "Clearer goals" : null);
        }
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @Test
    @Order(1)
    void hrSeesACardWithChartPicturesAndTheirTextThatExpire() throws Exception {
        JsonNode card = Cards.of(say("hana", "pulse results December pulse"));

        assertThat(card.toString())
                .contains("6 of 6 answered (100%)")
                .contains("eNPS")
                .contains("Clearer goals")
                .contains("pulse-results.export");
        List<String> images = new ArrayList<>();
        card.findParents("type").forEach(element -> {
            if (element.get("type").asText().equals("Image")) {
                images.add(element.get("url").asText());
            }
        });
        assertThat(images).hasSize(3).allSatisfy(url -> assertThat(url).startsWith(PUBLIC + "/files/"));
        HttpResponse<byte[]> png = get(images.get(1));
        assertThat(png.statusCode()).isEqualTo(200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);

        clock.advance(FileLinks.LIFETIME.plusMinutes(1));
        assertThat(get(images.get(1)).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anEmployeeIsRefusedPolitely() throws Exception {
        assertThat(FakeBotFramework.json(say("ana", "pulse results December pulse"))
                        .toString())
                .contains("Survey results are for HR admins, and for managers about their own organisation.");
    }

    @Test
    @Order(3)
    void exportArrivesAsADirectMessageWithALinkToTheCsv() throws Exception {
        assertThat(FakeBotFramework.json(say("hana", "pulse export December pulse"))
                        .toString())
                .contains("direct message with the download link");

        await("the export DM is sent")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Rows.strings(
                                teams.jdbi(), "SELECT status FROM outbox WHERE idempotency_key LIKE 'pulse-export:%'")
                        .equals(List.of("sent")));
        String sent = teams.microsoft.connectorCalls().stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains("/files/"))
                .findFirst()
                .orElseThrow();
        Matcher link = Pattern.compile(Pattern.quote(PUBLIC) + "/files/[A-Za-z0-9_-]{43}/[A-Za-z0-9.-]+\\.csv")
                .matcher(sent);
        assertThat(link.find()).isTrue();
        HttpResponse<byte[]> csv = get(link.group());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .contains("round,,2026-W49,answered,6")
                .doesNotContain("Clearer goals");
    }

    @Test
    @Order(4)
    void shareHerePostsTheSummaryWithoutCommentsInTheChatOnce() throws Exception {
        String survey =
                Rows.strings(teams.jdbi(), "SELECT id::text FROM pulse_surveys").get(0);
        assertThat(FakeBotFramework.json(press("ana", survey)).toString()).contains("Sharing results is for HR admins");
        assertThat(FakeBotFramework.json(press("hana", survey)).toString()).contains("Sharing the summary");

        // The post goes out in the background: wait for it before the next press resets the fake Bot Connector,
        // which would drop its journal (or its stubs) while the post is being sent.
        await("the summary is posted")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Rows.strings(
                                teams.jdbi(), "SELECT status FROM outbox WHERE idempotency_key LIKE 'pulse-share:%'")
                        .equals(List.of("sent")));
        String posted = teams.microsoft.connectorCalls().stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains("Pulse results: December pulse"))
                .reduce("", String::concat);
        assertThat(posted).contains("Image").doesNotContain("Clearer goals").doesNotContain("pulse-results.export");

        assertThat(FakeBotFramework.json(press("hana", survey)).toString()).contains("was already shared here");
    }

    private static LoggedRequest press(String name, String survey) throws Exception {
        teams.microsoft.reset();
        JsonNode data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("action", PulseResultsCommands.SHARE)
                .put("value", survey);
        teams.post(in(name, TestActivity.cardSubmit(teams.microsoft.serviceUrl(), "card-" + System.nanoTime(), data))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static LoggedRequest say(String name, String text) throws Exception {
        teams.microsoft.reset();
        teams.post(in(name, TestActivity.message(teams.microsoft.serviceUrl(), text))
                .json());
        List<LoggedRequest> replies = teams.microsoft.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static long person(String name) {
        return Rows.count(
                teams.jdbi(), "SELECT person_id FROM platform_identities WHERE platform_user_id = ?", "29:" + name);
    }

    private static TestActivity in(String name, TestActivity activity) {
        String display = name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
        return activity.from(
                        "29:" + name,
                        display,
                        "6f1c3b2a-0000-4a1b-8c2d-0000000000" + Integer.toHexString(name.hashCode() & 0xff))
                .inPersonalChat("a:dm-" + name);
    }

    private static HttpResponse<byte[]> get(String publicUrl) throws Exception {
        URI local = URI.create(publicUrl.replace(PUBLIC, "http://127.0.0.1:" + teams.candor.port()));
        return http.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
