package dev.candor.storage.org;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Organisation.class)
public interface OrganisationDao extends OrganisationLookupDao {

    @SqlQuery("SELECT * FROM organisations WHERE slack_team_id = :teamId")
    Optional<Organisation> findBySlackTeam(@Bind("teamId") String teamId);

    @SqlQuery("SELECT * FROM organisations WHERE teams_tenant_id = :tenantId")
    Optional<Organisation> findByTeamsTenant(@Bind("tenantId") String tenantId);

    @SqlQuery("SELECT * FROM organisations ORDER BY id")
    List<Organisation> listAll();

    /** The organisation of a Slack workspace, created on first contact. */
    @SqlQuery(
            """
            INSERT INTO organisations (name, slack_team_id) VALUES (:name, :teamId)
            ON CONFLICT (slack_team_id) DO UPDATE SET slack_team_id = EXCLUDED.slack_team_id
            RETURNING *
            """)
    Organisation upsertSlack(@Bind("teamId") String teamId, @Bind("name") String name);

    /** The organisation of a Teams tenant, created on first contact; remembers the tenant's service URL. */
    @SqlQuery(
            """
            INSERT INTO organisations (name, teams_tenant_id, teams_service_url) VALUES (:name, :tenantId, :serviceUrl)
            ON CONFLICT (teams_tenant_id) DO UPDATE
                SET teams_service_url = COALESCE(EXCLUDED.teams_service_url, organisations.teams_service_url)
            RETURNING *
            """)
    Organisation upsertTeams(
            @Bind("tenantId") String tenantId, @Bind("name") String name, @Bind("serviceUrl") String serviceUrl);

    @SqlQuery(
            """
            INSERT INTO organisations (name, slack_team_id, teams_tenant_id) VALUES (:name, :teamId, :tenantId)
            RETURNING *
            """)
    Organisation insert(
            @Bind("name") String name, @Bind("teamId") String slackTeamId, @Bind("tenantId") String tenantId);

    @SqlUpdate("UPDATE organisations SET teams_tenant_id = :tenantId WHERE id = :id AND teams_tenant_id IS NULL")
    int linkTeamsTenant(@Bind("id") long id, @Bind("tenantId") String tenantId);

    @SqlUpdate("UPDATE organisations SET slack_team_id = :teamId WHERE id = :id AND slack_team_id IS NULL")
    int linkSlackTeam(@Bind("id") long id, @Bind("teamId") String teamId);

    /** Sets the organisation's time zone and returns the one it had, reading and writing under one row lock. */
    @SqlQuery(
            """
            UPDATE organisations o SET timezone = :timezone
            FROM (SELECT id, timezone FROM organisations WHERE id = :id FOR UPDATE) previous
            WHERE o.id = previous.id
            RETURNING previous.timezone
            """)
    Optional<String> replaceTimezone(@Bind("id") long id, @Bind("timezone") String timezone);
}
