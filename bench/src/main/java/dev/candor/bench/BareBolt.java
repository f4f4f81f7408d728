package dev.candor.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: a Bolt app with Bolt's default middleware (its own signature check included) and a {@code /kudos}
 * handler that only acknowledges, served the way Candor serves Bolt — a plain Javalin 6 handler that builds
 * Bolt's request and copies its response back (Candor's SlackEndpoint) — on its own port.
 */
final class BareBolt implements AutoCloseable {
    private final Javalin javalin;

    BareBolt(String signingSecret, String botToken, String apiUrl) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        Slack slack = Slack.getInstance(slackConfig);
        App app = new App(AppConfig.builder()
                .slack(slack)
                .signingSecret(signingSecret)
                .singleTeamBotToken(botToken)
                .build());
        app.command("/kudos", (request, ctx) -> ctx.ack());
        SlackRequestParser parser = new SlackRequestParser(app.config());
        this.javalin = Javalin.create(config -> config.showJavalinBanner = false)
                .post("/slack/events", ctx -> serve(app, parser, ctx))
                .start("127.0.0.1", 0);
    }

    private static void serve(App app, SlackRequestParser parser, Context ctx) throws Exception {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(ctx.queryParamMap())
                .headers(new RequestHeaders(headers))
                .requestBody(ctx.body())
                .remoteAddress(ctx.ip())
                .build());
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        response.getHeaders()
                .forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        if (response.getBody() != null) {
            ctx.result(response.getBody());
        }
    }

    int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
