package dev.candor.storage.people;

import dev.candor.storage.org.WorkingTimeSettingsDao;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The asking engine's time rules for many people at once: one statement for a whole round. */
@RegisterRowMapper(WorkingTimeDao.Mapper.class)
public interface WorkingTimeDao {

    /**
     * Each listed person of the organisation with their zone (the platform profile's, else the directory's, else the
     * organisation's), the organisation's quiet hours and working days, and whether they are away. Ids of other
     * organisations or of nobody are left out. The ids go as one array parameter: one statement, one plan, for any
     * number of people.
     */
    @SqlQuery(
            """
            SELECT p.id AS person_id, COALESCE(p.profile_timezone, p.directory_timezone, o.timezone) AS zone,
                   o.timezone AS organisation_zone, o.quiet_from, o.quiet_until, o.working_days,
                   p.away_until, p.status_away, p.status_away_until
            FROM people p JOIN organisations o ON o.id = p.org_id
            WHERE p.org_id = :orgId AND p.id = ANY(:ids)
            """)
    List<PersonWorkingTime> list(@Bind("orgId") long orgId, @Bind("ids") long[] personIds);

    final class Mapper implements RowMapper<PersonWorkingTime> {
        private final WorkingTimeSettingsDao.Mapper settings = new WorkingTimeSettingsDao.Mapper();

        @Override
        public PersonWorkingTime map(ResultSet rs, StatementContext ctx) throws SQLException {
            Timestamp statusUntil = rs.getTimestamp("status_away_until");
            Away away = new Away(
                    rs.getObject("away_until", LocalDate.class),
                    rs.getBoolean("status_away"),
                    statusUntil == null ? null : statusUntil.toInstant());
            return new PersonWorkingTime(
                    rs.getLong("person_id"),
                    rs.getString("zone"),
                    rs.getString("organisation_zone"),
                    settings.map(rs, ctx),
                    away);
        }
    }
}
