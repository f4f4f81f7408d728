package dev.candor.scheduler.outbox;

import dev.candor.storage.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated connection that LISTENs on {@code candor_outbox}, whose trigger NOTIFYs on every insert, so a new
 * message is picked up at once instead of at the next poll. Used by the worker loop thread only.
 */
final class OutboxListener implements AutoCloseable {
    static final String CHANNEL = "candor_outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

    private final Database database;
    private Connection connection;

    OutboxListener(Database database) {
        this.database = database;
    }

    void connect() throws SQLException {
        connection = database.openConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
    }

    /**
     * Waits up to {@code millis} for a notification. True when there may be new messages: notified, or just
     * reconnected (notifications sent while disconnected are lost, so the caller must look).
     */
    boolean await(long millis) throws InterruptedException {
        if (connection == null) {
            return reconnect(millis);
        }
        try {
            int timeout = (int) Math.max(1, Math.min(millis, Integer.MAX_VALUE)); // 0 would block forever
            PGNotification[] notifications =
                    connection.unwrap(PGConnection.class).getNotifications(timeout);
            return notifications != null && notifications.length > 0;
        } catch (SQLException e) {
            log.warn("outbox LISTEN connection lost ({}); reconnecting", e.getSQLState());
            closeConnection();
            return reconnect(millis);
        }
    }

    private boolean reconnect(long pauseOnFailureMillis) throws InterruptedException {
        try {
            connect();
            log.info("outbox LISTEN connection re-established");
        } catch (SQLException e) {
            log.warn("outbox LISTEN reconnect failed ({}); polling meanwhile", e.getSQLState());
            Thread.sleep(pauseOnFailureMillis);
        }
        return true;
    }

    @Override
    public void close() {
        closeConnection();
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the LISTEN connection failed", e);
        }
        connection = null;
    }
}
