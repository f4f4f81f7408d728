package dev.candor.bot.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends requests to Candor the way Slack does: form-encoded or JSON bodies, signed with the signing secret. */
final class SlackClient {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final SlackSignature signature = new SlackSignature(SECRET, Clock.systemUTC());

    SlackClient(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    static Map<String, String> slashCommand(String command, String text, String userId, String channelId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0ACME");
        form.put("team_domain", "acme");
        form.put("channel_id", channelId);
        form.put("channel_name", channelId.startsWith("D") ? "directmessage" : "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0CANDOR");
        form.put("response_url", "https://hooks.slack.com/commands/T0ACME/1/abc");
        form.put("trigger_id", "trigger-" + System.nanoTime());
        return form;
    }

    /** A slash command from a conversation Slack names as given, answering to {@code responseUrl}. */
    static Map<String, String> slashCommand(
            String command, String text, String userId, String channelId, String channelName, String responseUrl) {
        Map<String, String> form = slashCommand(command, text, userId, channelId);
        form.put("channel_name", channelName);
        form.put("response_url", responseUrl);
        return form;
    }

    /** An interaction (block_actions, view_submission, message_action): form field {@code payload}. */
    HttpResponse<String> interaction(String payloadJson) throws Exception {
        return postForm(Map.of("payload", payloadJson));
    }

    /** An Events API request. */
    HttpResponse<String> event(String json) throws Exception {
        return postJson(json, Map.of());
    }

    HttpResponse<String> command(String command, String text, String userId) throws Exception {
        return postForm(slashCommand(command, text, userId, "C0GENERAL"));
    }

    HttpResponse<String> postForm(Map<String, String> form) throws Exception {
        return post(formBody(form), "application/x-www-form-urlencoded", now(), Map.of());
    }

    HttpResponse<String> postJson(String json, Map<String, String> headers) throws Exception {
        return post(json, "application/json", now(), headers);
    }

    HttpResponse<String> post(String body, String contentType, long timestamp, Map<String, String> headers)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(timestamp);
        return send(bytes, contentType, ts, signature.sign(ts, bytes), headers);
    }

    HttpResponse<String> send(
            byte[] body, String contentType, String timestamp, String sign, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header(SlackSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (sign != null) {
            request.header(SlackSignature.SIGNATURE_HEADER, sign);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }
}
