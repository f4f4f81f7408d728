package dev.candor.bot.people;

import dev.candor.bot.people.DirectoryMatch.By;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.PlatformIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation's stored people and platform accounts, read once at the start of the import transaction so
 * that matching thousands of rows costs two queries.
 */
final class DirectorySnapshot {
    private final Map<Long, Person> byId = new HashMap<>();
    private final Map<String, Person> byEmail = new HashMap<>();
    private final Map<String, PlatformIdentity> slackUsers = new HashMap<>();
    private final Map<String, PlatformIdentity> teamsUsers = new HashMap<>();
    private final Map<String, PlatformIdentity> aadObjects = new HashMap<>();

    private DirectorySnapshot(List<Person> people, List<PlatformIdentity> identities) {
        for (Person person : people) {
            byId.put(person.id(), person);
            if (person.email() != null) {
                byEmail.put(DirectoryRow.key(person.email()), person);
            }
        }
        for (PlatformIdentity identity : identities) {
            if (identity.platform() == Platform.SLACK) {
                slackUsers.put(identity.platformUserId(), identity);
            } else {
                teamsUsers.put(identity.platformUserId(), identity);
                if (identity.aadObjectId() != null) {
                    aadObjects.put(identity.aadObjectId().toLowerCase(Locale.ROOT), identity);
                }
            }
        }
    }

    static DirectorySnapshot load(PersonDao people, long orgId) {
        return new DirectorySnapshot(people.listByOrg(orgId), people.listIdentitiesByOrg(orgId));
    }

    Optional<Person> person(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Person> byEmail(String email) {
        return Optional.ofNullable(byEmail.get(DirectoryRow.key(email)));
    }

    Optional<PlatformIdentity> slackIdentity(String slackUserId) {
        return Optional.ofNullable(slackUsers.get(slackUserId));
    }

    /** A Teams account by AAD object id (a GUID) or Bot Framework user id ({@code 29:…}). */
    Optional<PlatformIdentity> teamsIdentity(String teamsUserId) {
        if (DirectoryFormats.isGuid(teamsUserId)) {
            return Optional.ofNullable(aadObjects.get(teamsUserId.toLowerCase(Locale.ROOT)));
        }
        return Optional.ofNullable(teamsUsers.get(teamsUserId));
    }

    /** Every stored person's manager, to see the chains a file would extend. */
    Map<Long, Long> managers() {
        Map<Long, Long> managers = new HashMap<>();
        byId.values().stream()
                .filter(person -> person.managerId() != null)
                .forEach(person -> managers.put(person.id(), person.managerId()));
        return managers;
    }

    /** How a stored person is named in a problem: their email, or their name when they have none yet. */
    String describe(long id) {
        Person person = byId.get(id);
        if (person == null) {
            return "person " + id;
        }
        return person.email() != null ? person.email() : person.name() + " (no email)";
    }

    /**
     * Finds the stored person each row is about. Two rows must not land on the same person, which happens when a
     * row's Slack or Teams account belongs to someone another row names by email.
     */
    List<DirectoryMatch> matchAll(List<DirectoryRow> rows, List<ImportProblem> problems) {
        List<DirectoryMatch> matches = new ArrayList<>();
        Map<Long, DirectoryMatch> byPerson = new HashMap<>();
        for (DirectoryRow row : rows) {
            DirectoryMatch match = match(row);
            matches.add(match);
            if (match.isNew()) {
                continue;
            }
            DirectoryMatch earlier = byPerson.putIfAbsent(match.existing().id(), match);
            // Two matches by email mean a repeated email, which the file checks already report.
            if (earlier != null && (earlier.by() != By.EMAIL || match.by() != By.EMAIL)) {
                problems.add(new ImportProblem(row.line(), samePersonTwice(match, earlier)));
            }
        }
        return matches;
    }

    private String samePersonTwice(DirectoryMatch match, DirectoryMatch earlier) {
        return "%s belongs to %s in Candor, who line %d already names (by %s)"
                .formatted(
                        match.describeKey(),
                        describe(match.existing().id()),
                        earlier.row().line(),
                        earlier.describeKey());
    }

    /**
     * The stored person a row is about: the one with its email, else the one who already uses its Slack or Teams
     * account (someone provisioned from chat before the import), else nobody.
     */
    private DirectoryMatch match(DirectoryRow row) {
        Optional<Person> sameEmail = row.email().isEmpty() ? Optional.empty() : byEmail(row.email());
        if (sameEmail.isPresent()) {
            return new DirectoryMatch(row, sameEmail.get(), By.EMAIL);
        }
        Optional<Person> sameSlack = slackIdentity(row.slackUserId()).flatMap(identity -> person(identity.personId()));
        if (sameSlack.isPresent()) {
            return new DirectoryMatch(row, sameSlack.get(), By.SLACK_USER_ID);
        }
        return teamsIdentity(row.teamsUserId())
                .flatMap(identity -> person(identity.personId()))
                .map(person -> new DirectoryMatch(row, person, By.TEAMS_USER_ID))
                .orElseGet(() -> DirectoryMatch.newPerson(row));
    }
}
