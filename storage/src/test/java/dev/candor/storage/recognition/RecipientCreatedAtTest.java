package dev.candor.storage.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V8: a recipient row carries its kudos' time, whoever wrote the kudos and whenever its time changes. */
class RecipientCreatedAtTest {
    private static Database database;

    @BeforeAll
    static void open() {
        database = TestDatabase.fresh();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void stampsEachRecipientWithTheKudosTime() {
        Instant given = Instant.parse("2025-04-21T10:00:00Z");

        long kudos = database.jdbi().inTransaction(handle -> kudosFor(handle, given));

        assertThat(receivedAt(kudos)).isEqualTo(given);
    }

    @Test
    void followsAKudosWhoseTimeIsMoved() {
        long kudos = database.jdbi().inTransaction(handle -> kudosFor(handle, Instant.parse("2025-04-21T10:00:00Z")));
        Instant moved = Instant.parse("2025-06-02T08:30:00Z");

        database.jdbi()
                .useHandle(handle -> handle.execute("UPDATE kudos SET created_at = ? WHERE id = ?", moved, kudos));

        assertThat(receivedAt(kudos)).isEqualTo(moved);
    }

    private static long kudosFor(Handle handle, Instant at) {
        long org = handle.createQuery(
                        "INSERT INTO organisations (name, slack_team_id) VALUES ('Acme', :team) RETURNING id")
                .bind("team", "T" + System.nanoTime())
                .mapTo(Long.class)
                .one();
        long person = handle.createQuery("INSERT INTO people (org_id, name) VALUES (?, 'Ana') RETURNING id")
                .bind(0, org)
                .mapTo(Long.class)
                .one();
        long kudos = handle.createQuery("INSERT INTO kudos (org_id, giver_id, message, platform, created_at)"
                        + " VALUES (?, ?, 'thanks', 'slack', ?) RETURNING id")
                .bind(0, org)
                .bind(1, person)
                .bind(2, at)
                .mapTo(Long.class)
                .one();
        handle.execute(
                "INSERT INTO kudos_recipients (kudos_id, org_id, person_id) VALUES (?, ?, ?)", kudos, org, person);
        return kudos;
    }

    private static Instant receivedAt(long kudos) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT created_at FROM kudos_recipients WHERE kudos_id = ?")
                        .bind(0, kudos)
                        .mapTo(Instant.class)
                        .one());
    }
}
