package dev.candor.bot.people;

import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.PlatformIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

/** A fresh database and a folder for CSV files, with short ways to import and look at the result. */
final class ImportFixture implements AutoCloseable {
    static final String HEADER = "email,name,manager_email,department,timezone,role,slack_user_id,teams_user_id";
    /** What header problems say the header must be. */
    static final String HEADER_HELP = HEADER + " (optionally also location, start_date, in any position)";
    /** Today for the import: start dates after 2027-03-02 are too far ahead. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    final Database database = TestDatabase.fresh();
    final OrganisationDao organisations = database.jdbi().onDemand(OrganisationDao.class);
    final PersonDao people = database.jdbi().onDemand(PersonDao.class);
    private final Path folder;
    private int files;

    ImportFixture(Path folder) {
        this.folder = folder;
    }

    /** A Slack organisation to import into, as if the app had been installed. */
    Organisation slackOrg(String teamId, String name) {
        return organisations.upsertSlack(teamId, name);
    }

    /** A CSV file of the header and the given lines, joined with LF. */
    Path csv(String... rows) {
        return write(HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    Path write(String text) {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(byte[] bytes) {
        Path file = folder.resolve("people-" + ++files + ".csv");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    ImportResult importFile(Path file) {
        return new DirectoryImport(database.jdbi(), CLOCK).run(ImportRequest.of(file));
    }

    ImportResult importFile(Path file, Long orgId, String slackTeam, String teamsTenant) {
        OptionalLong org = orgId == null ? OptionalLong.empty() : OptionalLong.of(orgId);
        return new DirectoryImport(database.jdbi(), CLOCK).run(new ImportRequest(file, org, slackTeam, teamsTenant));
    }

    Person person(long orgId, String email) {
        return people.findByEmail(orgId, email).orElseThrow(() -> new AssertionError("nobody with " + email));
    }

    Long managerIdOf(long orgId, String email) {
        return person(orgId, email).managerId();
    }

    List<PlatformIdentity> identities(long orgId, String email) {
        return people.listIdentities(orgId, person(orgId, email).id());
    }

    Person provisionFromSlack(long orgId, String name, String slackUserId) {
        Person person = people.insert(orgId, name, null, "UTC", "en", false);
        people.insertIdentity(orgId, person.id(), Platform.SLACK, slackUserId, null);
        return person;
    }

    @Override
    public void close() {
        database.close();
    }
}
