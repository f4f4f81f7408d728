package dev.candor.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a {@link DeliveryNode} says on its {@code /metrics}. */
final class NodeMetrics {
    private static final Pattern IN_DOUBT_METER =
            Pattern.compile("(?m)^candor_outbox_in_doubt_total\\{([^}]*)} ([0-9.eE+-]+)$");

    private NodeMetrics() {}

    /** candor_outbox_in_doubt_total of a node, by platform:result. */
    static Map<String, Double> inDoubt(JavaProcess node) {
        String metrics;
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(node) + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            metrics = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, Double> settled = new TreeMap<>();
        Matcher meter = IN_DOUBT_METER.matcher(metrics);
        while (meter.find()) {
            String labels = meter.group(1);
            settled.merge(
                    label(labels, "platform") + ":" + label(labels, "result"),
                    Double.parseDouble(meter.group(2)),
                    Double::sum);
        }
        return settled;
    }

    private static String port(JavaProcess node) {
        Matcher ready =
                Pattern.compile(Pattern.quote(DeliveryNode.READY) + "(\\d+)").matcher(node.output());
        assertThat(ready.find()).as("the node said its port:\n%s", node.tail()).isTrue();
        return ready.group(1);
    }

    private static String label(String labels, String name) {
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return value.find() ? value.group(1) : "";
    }
}
