package dev.candor.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as JDBI and Quartz see it: fails at once while {@link DatabaseHealth} says the database is down, and gives
 * a connection taken under a {@link RequestDeadline} a network timeout that ends at the deadline.
 */
final class GuardedDataSource implements DataSource {
    private static final Executor DIRECT = Runnable::run;

    private final HikariDataSource pool;
    private final DatabaseHealth health;

    GuardedDataSource(HikariDataSource pool, DatabaseHealth health) {
        this.pool = pool;
        this.health = health;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!health.isUp()) {
            throw new DatabaseUnavailable("database unavailable");
        }
        OptionalLong remaining = RequestDeadline.remainingMillis();
        if (remaining.isPresent() && remaining.getAsLong() == 0) {
            throw new DatabaseUnavailable("no time left to reach the database before the answer is due");
        }
        Connection connection;
        try {
            connection = pool.getConnection();
        } catch (SQLException e) {
            if (DatabaseUnavailable.isCause(e) && e.getSQLState() != null) {
                health.markDown("SQLState " + e.getSQLState());
            }
            throw e;
        }
        if (remaining.isPresent()) {
            // The pool restores its own timeout when the connection is returned.
            int millis = (int) Math.max(
                    1,
                    Math.min(
                            Integer.MAX_VALUE, RequestDeadline.remainingMillis().orElse(1)));
            connection.setNetworkTimeout(DIRECT, millis);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are fixed");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
