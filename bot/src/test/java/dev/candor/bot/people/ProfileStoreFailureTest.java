package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.storage.Platform;
import dev.candor.storage.org.Organisation;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile read in the background that the database then refuses (an outage, a constraint) is logged and dropped:
 * the exception must not escape the lookup's thread, where nothing would handle it. The lookup runs on the caller's
 * thread here, so an escaping exception would fail the person's own request.
 */
class ProfileStoreFailureTest {
    private ImportFixture fixture;

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aProfileTheDatabaseRefusesIsDroppedAndThePersonStillServed(@TempDir Path folder) {
        fixture = new ImportFixture(folder);
        Organisation acme = fixture.slackOrg("T0REFUSE", "Acme");
        // Slack's users.info answers; meanwhile the database starts refusing Ana's row, as a failing write would.
        ProfileSource slack = (team, user) -> {
            fixture.database
                    .jdbi()
                    .useHandle(handle -> handle.execute(
                            "ALTER TABLE people ADD CONSTRAINT refuse_ana CHECK (name <> 'Ana Lima') NOT VALID"));
            return Optional.of(new Profile("Ana Lima", "ana@acme.test", "Europe/Berlin", false, false));
        };
        PeopleDirectory directory =
                new PeopleDirectory(fixture.database.jdbi(), Map.of(Platform.SLACK, slack), Runnable::run);

        Actor ana = directory.actorFor(PlatformUser.slack("T0REFUSE", "U0ANA", "ana"));

        assertThat(ana.orgId()).isEqualTo(acme.id());
        Optional<String> zone = fixture.database.jdbi().withHandle(handle -> handle.select(
                        "SELECT profile_timezone FROM people WHERE id = ?", ana.personId())
                .mapTo(String.class)
                .findOne());
        assertThat(zone).isEmpty();
    }
}
