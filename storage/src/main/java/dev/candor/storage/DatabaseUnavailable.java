package dev.candor.storage;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.transaction.TransactionException;

/**
 * PostgreSQL can't be reached: what a request gets at once while {@link DatabaseHealth} says the database is down,
 * instead of waiting for the pool's timeout. Also tells failures of reach apart from failures of a statement.
 */
public final class DatabaseUnavailable extends SQLTransientConnectionException {
    private static final String CONNECTION_FAILURE = "08006";

    DatabaseUnavailable(String reason) {
        super(reason, CONNECTION_FAILURE);
    }

    /**
     * True when {@code error} means the database could not be reached or went away mid-way (connection refused, reset,
     * timed out, the server shutting down), as opposed to a statement it refused.
     */
    public static boolean isCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the database became unreachable while committing: PostgreSQL may or may not have recorded the
     * transaction, so nobody may be told that nothing was saved.
     */
    public static boolean duringCommit(Throwable error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TransactionException && "Failed to commit transaction".equals(cause.getMessage())) {
                return isCause(cause.getCause());
            }
        }
        return false;
    }

    /** Class 08 (connection exception), 57P01–57P03 (server shutting down or starting), 53300 (too many clients). */
    private static boolean lostConnection(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("53300"));
    }
}
