package dev.candor.bot.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code %safeEx}: an exception on the same line as its log message, without the exception's own messages. Those can
 * quote what people wrote: Jackson and Gson quote the JSON they couldn't read, JDBI the statement and its arguments,
 * PostgreSQL the value it refused ({@code invalid input syntax … "text"}). What remains still says what went wrong
 * and where: the class names along the cause chain, the SQLState of a database error, and the first few frames of
 * Candor's own code, e.g. {@code  ! UnableToExecuteStatementException <- PSQLException[23514] at
 * dev.candor.bot.kudos.KudosService.store(KudosService.java:120) < …}. Candor's own exceptions whose messages are
 * known to hold ids only keep their message.
 */
public final class SafeThrowableConverter extends ThrowableHandlingConverter {
    private static final int MAX_CAUSES = 8;
    private static final int OWN_FRAMES = 3;
    private static final String OWN_PACKAGE = "dev.candor.";
    /** Candor's exceptions whose messages are ids and fixed words, never text from a person or a payload. */
    private static final Set<String> MESSAGES_ALLOWED = Set.of(
            "dev.candor.bot.server.BadRequest",
            "dev.candor.bot.teams.TeamsEndpoint$TurnFailed",
            "dev.candor.storage.DatabaseUnavailable");

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return proxy == null ? "" : " ! " + describe(proxy);
    }

    /** The one-line description of an exception, for log lines and for anything else that must not quote text. */
    public static String describe(IThrowableProxy proxy) {
        List<String> chain = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        IThrowableProxy cause = proxy;
        while (cause != null && chain.size() < MAX_CAUSES) {
            chain.add(name(cause));
            if (frames.isEmpty()) {
                frames = ownFrames(cause);
            }
            cause = cause.getCause();
        }
        return String.join(" <- ", chain) + (frames.isEmpty() ? "" : " at " + String.join(" < ", frames));
    }

    /** The same for a throwable in hand. */
    public static String describe(Throwable failure) {
        return describe(new ThrowableProxy(failure));
    }

    private static String name(IThrowableProxy proxy) {
        String className = proxy.getClassName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        if (proxy instanceof ThrowableProxy real && real.getThrowable() instanceof SQLException sql) {
            simple += "[" + sql.getSQLState() + "]";
        }
        if (MESSAGES_ALLOWED.contains(className) && proxy.getMessage() != null) {
            simple += "(" + proxy.getMessage() + ")";
        }
        return simple;
    }

    private static List<String> ownFrames(IThrowableProxy proxy) {
        List<String> own = new ArrayList<>();
        StackTraceElementProxy[] frames = proxy.getStackTraceElementProxyArray();
        for (int i = 0; frames != null && i < frames.length && own.size() < OWN_FRAMES; i++) {
            StackTraceElement frame = frames[i].getStackTraceElement();
            if (frame.getClassName().startsWith(OWN_PACKAGE)) {
                own.add(frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")");
            }
        }
        return own;
    }
}
