package dev.candor.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Gives Quartz connections from Candor's own pool, so there is one pool to size and monitor. */
final class SharedPoolConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    SharedPoolConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    /** Quartz calls this on shutdown; the pool belongs to {@link dev.candor.storage.Database}, which closes it. */
    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
}
