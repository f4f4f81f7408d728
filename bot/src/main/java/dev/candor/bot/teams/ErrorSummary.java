package dev.candor.bot.teams;

import com.microsoft.bot.restclient.RestException;
import java.util.ArrayList;
import java.util.List;

/**
 * One log line about a failure without its messages: exception messages can carry what people wrote (JDBI puts
 * bound arguments in them, the SDK echoes request content), and Candor logs ids only.
 */
final class ErrorSummary {
    private ErrorSummary() {}

    /** {@code CompletionException <- UnableToExecuteStatementException at dev.candor.bot.kudos.KudosHandler.store(…)} */
    static String of(Throwable failure) {
        List<String> chain = new ArrayList<>();
        StackTraceElement ours = null;
        for (Throwable cause = failure; cause != null && chain.size() < 8; cause = cause.getCause()) {
            chain.add(cause.getClass().getSimpleName() + status(cause));
            if (ours == null) {
                ours = firstOwnFrame(cause);
            }
        }
        return String.join(" <- ", chain) + (ours == null ? "" : " at " + ours);
    }

    /** The HTTP status of a failed Bot Connector call, which says more than the exception's name. */
    private static String status(Throwable failure) {
        if (failure instanceof RestException rest && rest.response() != null) {
            return "(HTTP " + rest.response().code() + ")";
        }
        return "";
    }

    private static StackTraceElement firstOwnFrame(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.candor.")) {
                return frame;
            }
        }
        return null;
    }
}
