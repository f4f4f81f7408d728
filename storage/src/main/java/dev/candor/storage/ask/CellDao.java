package dev.candor.storage.ask;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The breakdown groups of a round's people (see {@code answers.cell}): department, direct manager, location and
 * tenure band on the round's last deadline, read from the directory.
 */
@RegisterConstructorMapper(Cell.class)
@RegisterConstructorMapper(ManagerLink.class)
public interface CellDao {
    String TENURE =
            """
            CASE WHEN p.start_date IS NULL THEN NULL
                 WHEN p.start_date > r.closes_at::date - interval '1 year' THEN '<1y'
                 WHEN p.start_date > r.closes_at::date - interval '2 years' THEN '1-2y'
                 WHEN p.start_date > r.closes_at::date - interval '5 years' THEN '2-5y'
                 ELSE '5y+' END
            """;

    /** How many of the round's people (all its asks) are in each combination of groups. */
    @SqlQuery(
            "SELECT p.department, p.manager_id, p.location, " + TENURE
                    + """
             AS tenure, count(*) AS people
            FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people p ON p.id = a.person_id
            WHERE a.org_id = :orgId AND a.round_id = :roundId
            GROUP BY 1, 2, 3, 4
            """)
    List<Cell> countByCell(@Bind("orgId") long orgId, @Bind("roundId") long roundId);

    /** One person's groups for a round (people = 1). */
    @SqlQuery(
            "SELECT p.department, p.manager_id, p.location, " + TENURE
                    + """
             AS tenure, 1 AS people
            FROM people p, rounds r WHERE p.org_id = :orgId AND p.id = :personId AND r.id = :roundId
            """)
    Optional<Cell> cellOf(@Bind("orgId") long orgId, @Bind("roundId") long roundId, @Bind("personId") long personId);

    /** Everyone in the organisation who manages someone, with their own manager: the lines to walk up. */
    @SqlQuery(
            """
            SELECT m.id, m.manager_id FROM people m
            WHERE m.org_id = :orgId
              AND EXISTS (SELECT 1 FROM people p WHERE p.org_id = :orgId AND p.manager_id = m.id)
            """)
    List<ManagerLink> listManagers(@Bind("orgId") long orgId);
}
