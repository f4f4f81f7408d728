package dev.candor.bot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What is logged while this is open: each event's level, message and causes, e.g. {@code WARN Teams authentication …}.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<String> lines() {
        // Logback appends while holding the appender's lock.
        synchronized (appender) {
            return appender.list.stream().map(LogCapture::line).toList();
        }
    }

    private static String line(ILoggingEvent event) {
        IThrowableProxy failure = event.getThrowableProxy();
        String cause = "";
        for (; failure != null; failure = failure.getCause()) {
            cause += " | " + failure.getClassName() + ": " + failure.getMessage();
        }
        return event.getLevel() + " " + event.getFormattedMessage() + cause;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
