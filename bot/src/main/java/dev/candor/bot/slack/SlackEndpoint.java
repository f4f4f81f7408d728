package dev.candor.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.candor.bot.chat.Unavailable;
import dev.candor.bot.server.BadRequest;
import dev.candor.storage.RequestDeadline;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /slack/events}: verifies the signature, lets Bolt parse and dispatch, and copies Bolt's answer
 * back. Served from a plain Javalin handler so Javalin's size limit, error mapping and metrics apply.
 */
public final class SlackEndpoint implements Handler {
    /**
     * How long a request may spend on the database: Slack shows an error after 3 s, and the answer must reach it
     * before then, saying whether the action was saved.
     */
    static final Duration DATABASE_BUDGET = Duration.ofMillis(2_000);

    private final App app;
    private final SlackRequestParser parser;
    private final SlackSignature signature;
    private final SlackOutage outage;

    SlackEndpoint(App app, SlackSignature signature, SlackOutage outage) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.signature = signature;
        this.outage = outage;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        signature.verify(
                ctx.header(SlackSignature.TIMESTAMP_HEADER), ctx.header(SlackSignature.SIGNATURE_HEADER), body);
        String text = new String(body, StandardCharsets.UTF_8);
        SlackTriage.Verdict verdict = SlackTriage.of(text);
        Response response =
                verdict.answered().isPresent() ? verdict.answered().get() : verdict.run(() -> run(parse(ctx, text)));
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

    private Response run(Request<?> request) throws Exception {
        try {
            return RequestDeadline.call(DATABASE_BUDGET, () -> app.run(request));
        } catch (Exception e) {
            if (Unavailable.is(e)) {
                return outage.answer(request, e);
            }
            throw e;
        }
    }

    private Request<?> parse(Context ctx, String body) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body)
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException e) {
            throw BadRequest.malformed("malformed Slack payload");
        }
        if (request == null || request.getContext() == null) {
            throw BadRequest.malformed("not a Slack request Candor understands");
        }
        return request;
    }
}
