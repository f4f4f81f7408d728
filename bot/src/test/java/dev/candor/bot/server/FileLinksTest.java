package dev.candor.bot.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.checkin.MutableClock;
import dev.candor.scheduler.files.PruneFileLinksJob;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files behind expiring links, fetched over HTTP from the real web server. */
class FileLinksTest {
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private static final Database database = TestDatabase.fresh();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static WebServer server;
    private static FileLinks links;
    private static long orgId;

    @BeforeAll
    static void start() {
        orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack("T0FILES", "T0FILES")
                .id();
        links = new FileLinks(database.jdbi(), Optional.of(URI.create("https://candor.example.com/")), clock);
        server = new WebServer(
                        new Routes(
                                Routes.notConfigured("no Slack"),
                                Routes.refuseAll("no Teams"),
                                new FileEndpoint(links)),
                        database,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void servesAFileAtAnUnguessableAddressUntilItExpires() throws Exception {
        String url = links.publish(orgId, "text/csv", "results.csv", "a,b\r\n".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(url).matches("https://candor\\.example\\.com/files/[A-Za-z0-9_-]{43}/results\\.csv");

        HttpResponse<String> fetched = get(url);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("a,b\r\n");
        assertThat(fetched.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));

        clock.advance(FileLinks.LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(get(url).statusCode()).isEqualTo(404);
        assertThat(new PruneFileLinksJob(database.jdbi(), clock).prune()).isGreaterThanOrEqualTo(1);
        long expired = database.jdbi().withHandle(handle -> handle.select(
                        "SELECT count(*) FROM chart_links WHERE expires_at <= ?", clock.instant())
                .mapTo(Long.class)
                .one());
        assertThat(expired).isZero();
    }

    @Test
    void answersAWrongTokenOrNameWithTheSame404() throws Exception {
        String url = links.publish(orgId, "image/png", "chart.png", new byte[] {1, 2, 3})
                .orElseThrow();
        String token = url.split("/")[4];

        assertThat(get(url.replace("chart.png", "other.png")).statusCode()).isEqualTo(404);
        assertThat(get(url.replace(token, "A".repeat(43))).statusCode()).isEqualTo(404);
        assertThat(get(url.replace(token, "short")).statusCode()).isEqualTo(404);
    }

    @Test
    void makesNoLinkWithoutPublicUrl() {
        FileLinks off = new FileLinks(database.jdbi(), Optional.empty(), clock);

        assertThat(off.enabled()).isFalse();
        assertThat(off.publish(orgId, "image/png", "chart.png", new byte[] {1})).isEmpty();
    }

    private static HttpResponse<String> get(String publicUrl) throws Exception {
        URI local = URI.create(publicUrl.replace("https://candor.example.com", "http://127.0.0.1:" + server.port()));
        return http.send(HttpRequest.newBuilder(local).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
