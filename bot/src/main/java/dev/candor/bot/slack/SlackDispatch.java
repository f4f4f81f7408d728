package dev.candor.bot.slack;

import dev.candor.bot.chat.ConversationRouter;
import dev.candor.bot.chat.Inbound;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Unavailable;
import dev.candor.bot.server.BadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Hands a neutral request to the router with the log context set. A handler that fails gets the person an apology
 * with the request id instead of Slack's generic error, or, when the database is out of reach, the truth about what
 * was saved; a malformed request still ends in a 4xx.
 */
final class SlackDispatch {
    private static final Logger log = LoggerFactory.getLogger(SlackDispatch.class);

    private final ConversationRouter router;

    SlackDispatch(ConversationRouter router) {
        this.router = router;
    }

    Reply route(Inbound inbound) {
        MDC.put("platform", "slack");
        MDC.put("org", String.valueOf(inbound.actor().orgId()));
        MDC.put("user", inbound.actor().platformUserId());
        try {
            return router.route(inbound);
        } catch (BadRequest e) {
            throw e;
        } catch (RuntimeException e) {
            if (Unavailable.is(e)) {
                log.warn(
                        "{} not handled: database unavailable",
                        inbound.getClass().getSimpleName());
                return Reply.privately(Unavailable.message(e));
            }
            log.error("{} failed", inbound.getClass().getSimpleName(), e);
            return Reply.privately(SlackReplies.failure());
        }
    }
}
