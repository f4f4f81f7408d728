package dev.candor.storage.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** An organisation's quiet hours and working days, kept on its row. */
@RegisterRowMapper(WorkingTimeSettingsDao.Mapper.class)
public interface WorkingTimeSettingsDao {

    @SqlQuery("SELECT quiet_from, quiet_until, working_days FROM organisations WHERE id = :orgId")
    Optional<WorkingTimeSettings> find(@Bind("orgId") long orgId);

    /** The settings, with the organisation's row locked until the transaction ends. */
    @SqlQuery("SELECT quiet_from, quiet_until, working_days FROM organisations WHERE id = :orgId FOR NO KEY UPDATE")
    Optional<WorkingTimeSettings> lock(@Bind("orgId") long orgId);

    default void save(long orgId, WorkingTimeSettings settings) {
        update(orgId, settings.quietFrom(), settings.quietUntil(), settings.isoDays());
    }

    @SqlUpdate(
            """
            UPDATE organisations SET quiet_from = :quietFrom, quiet_until = :quietUntil,
                   working_days = CAST(:days AS smallint[])
            WHERE id = :orgId
            """)
    int update(
            @Bind("orgId") long orgId,
            @Bind("quietFrom") LocalTime quietFrom,
            @Bind("quietUntil") LocalTime quietUntil,
            @Bind("days") int[] isoDays);

    final class Mapper implements RowMapper<WorkingTimeSettings> {
        @Override
        public WorkingTimeSettings map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new WorkingTimeSettings(
                    rs.getObject("quiet_from", LocalTime.class),
                    rs.getObject("quiet_until", LocalTime.class),
                    WorkingTimeSettings.days(
                            (Object[]) rs.getArray("working_days").getArray()));
        }
    }
}
