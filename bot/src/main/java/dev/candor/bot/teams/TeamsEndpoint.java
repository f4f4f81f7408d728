package dev.candor.bot.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import dev.candor.bot.server.BadRequest;
import dev.candor.bot.server.RequestIds;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /api/messages}: parses the activity, lets the SDK check its token and run the turn, and answers with
 * what the SDK returns. Served from a plain Javalin handler so the size limit, error mapping and metrics apply.
 */
public final class TeamsEndpoint implements Handler {
    /** Teams gives a bot 15 s before it shows the user an error. */
    static final long TURN_TIMEOUT_SECONDS = 15;

    private final BotFrameworkHttpAdapter adapter;
    private final TeamsBot bot;

    TeamsEndpoint(BotFrameworkHttpAdapter adapter, TeamsBot bot) {
        this.adapter = adapter;
        this.bot = bot;
    }

    @Override
    public void handle(Context ctx) {
        Activity activity = TeamsJson.activity(ctx.body())
                .orElseThrow(() -> BadRequest.malformed("malformed Bot Framework activity"));
        if (activity.getType() == null || activity.getType().isBlank()) {
            throw BadRequest.malformed("Bot Framework activity without a type");
        }
        if (activity.getServiceUrl() == null || activity.getServiceUrl().isBlank()) {
            // Without it the SDK skips the token's serviceurl check, and there is nowhere to reply to.
            throw BadRequest.malformed("Bot Framework activity without a serviceUrl");
        }
        if (activity.getRecipient() != null && activity.getRecipient().getRole() == null) {
            // The recipient is the bot by definition; the SDK's unauthenticated path fails on a missing role.
            activity.getRecipient().setRole(RoleTypes.BOT);
        }
        String authorization = ctx.header("Authorization");
        String requestId = RequestIds.current();
        // Once the turn runs, the token was accepted: later failures are Candor's, not the caller's.
        AtomicBoolean authenticated = new AtomicBoolean();
        InvokeResponse response;
        try {
            CompletableFuture<InvokeResponse> turn =
                    adapter.processIncomingActivity(authorization, activity, context -> {
                        authenticated.set(true);
                        return bot.onTurn(context, requestId);
                    });
            response = turn.get(TURN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), authenticated.get(), authorization);
        } catch (TimeoutException e) {
            throw new TurnFailed("the turn took longer than " + TURN_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TurnFailed("interrupted");
        } catch (RuntimeException e) {
            // The SDK decodes the token before it returns a future: an unreadable token throws right here.
            throw failure(e, authenticated.get(), authorization);
        }
        respond(ctx, response);
    }

    private static void respond(Context ctx, InvokeResponse response) {
        if (response == null) {
            ctx.status(202);
            return;
        }
        ctx.status(response.getStatus());
        if (response.getBody() != null) {
            ctx.contentType(ContentType.APPLICATION_JSON).result(TeamsJson.write(response.getBody()));
        }
    }

    private static RuntimeException failure(Throwable failure, boolean authenticated, String authorization) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadRequest badRequest) {
                return badRequest;
            }
            boolean tokenProblem =
                    cause instanceof AuthenticationException || cause instanceof JWTVerificationException;
            if (tokenProblem && !authenticated) {
                return BadRequest.unauthorized(
                        authorization == null || authorization.isBlank()
                                ? "missing Authorization header"
                                : "invalid Bot Framework token");
            }
        }
        return new TurnFailed(ErrorSummary.of(failure));
    }

    /** A failed turn, described without message text; the web server logs it with the request id and answers 500. */
    static final class TurnFailed extends RuntimeException {
        TurnFailed(String summary) {
            super(summary, null, false, false);
        }
    }
}
