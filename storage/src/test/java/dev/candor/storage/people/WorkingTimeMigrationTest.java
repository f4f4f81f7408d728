package dev.candor.storage.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.DatabaseUrl;
import dev.candor.storage.TestDatabase;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A database from before V14 keeps everyone's zone, now with where it most likely came from. */
class WorkingTimeMigrationTest {

    @Test
    void sortsExistingZonesByWhereTheyMostLikelyCameFrom() {
        try (Database server = TestDatabase.fresh()) {
            server.jdbi().useHandle(handle -> handle.execute("CREATE DATABASE candor_before_v14"));
            DatabaseUrl url = TestDatabase.url("candor_before_v14");
            migrate(url, "12");
            Jdbi jdbi = Jdbi.create(url.jdbcUrl(), url.user(), url.password());
            jdbi.useHandle(
                    handle -> handle.execute(
                            """
                    INSERT INTO organisations (id, name, slack_team_id, timezone) VALUES (1, 'Acme', 'T1', 'Asia/Tokyo');
                    INSERT INTO people (org_id, name, timezone, profile_synced) VALUES
                        (1, 'read from Slack', 'Europe/Berlin', true),
                        (1, 'imported', 'America/Chicago', false),
                        (1, 'never told', 'UTC', false),
                        (1, 'Slack said nothing', 'UTC', true);
                    """));

            migrate(url, "14");

            List<Map<String, Object>> people = jdbi.withHandle(handle -> handle.createQuery(
                            """
                            SELECT p.name, p.timezone, profile_timezone, directory_timezone, quiet_from::text,
                                   quiet_until::text, array_to_string(working_days, ',') AS days
                            FROM people p JOIN organisations o ON o.id = p.org_id ORDER BY p.id
                            """)
                    .mapToMap()
                    .list());
            assertThat(people)
                    .extracting(row -> String.join(
                            " | ",
                            String.valueOf(row.get("name")),
                            String.valueOf(row.get("timezone")),
                            String.valueOf(row.get("profile_timezone")),
                            String.valueOf(row.get("directory_timezone")),
                            row.get("quiet_from") + "-" + row.get("quiet_until") + " " + row.get("days")))
                    .containsExactly(
                            "read from Slack | Europe/Berlin | Europe/Berlin | null | 20:00:00-08:00:00 1,2,3,4,5",
                            "imported | America/Chicago | null | America/Chicago | 20:00:00-08:00:00 1,2,3,4,5",
                            "never told | UTC | null | null | 20:00:00-08:00:00 1,2,3,4,5",
                            "Slack said nothing | UTC | null | null | 20:00:00-08:00:00 1,2,3,4,5");
        }
    }

    private static void migrate(DatabaseUrl url, String version) {
        Flyway.configure()
                .dataSource(url.jdbcUrl(), url.user(), url.password())
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }
}
