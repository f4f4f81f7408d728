package dev.candor.bot.people;

import dev.candor.storage.Platform;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.PlatformIdentity;
import dev.candor.storage.people.Role;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes checked rows inside the import transaction: first everyone exists, then managers are set (a manager may
 * come later in the file), then platform accounts are linked. Only what differs is written, so importing the same
 * file twice changes nothing.
 */
final class DirectoryWriter {
    private static final String DEFAULT_TIMEZONE = "UTC";
    private static final String DEFAULT_LOCALE = "en";

    private final PersonDao people;
    private final long orgId;
    private final DirectorySnapshot stored;

    /** How many rows created, changed or left as they were a person. */
    record Counts(int created, int updated, int unchanged) {}

    /** The directory fields of a person, to compare a row with what is stored. */
    private record Entry(
            String name,
            String email,
            String timezone,
            String directoryTimezone,
            String department,
            Role role,
            Long managerId,
            String location,
            LocalDate startDate) {
        static Entry of(Person person) {
            return new Entry(
                    person.name(),
                    person.email(),
                    person.timezone(),
                    person.directoryTimezone(),
                    person.department(),
                    person.role(),
                    person.managerId(),
                    person.location(),
                    person.startDate());
        }
    }

    DirectoryWriter(PersonDao people, long orgId, DirectorySnapshot stored) {
        this.people = people;
        this.orgId = orgId;
        this.stored = stored;
    }

    Counts write(List<DirectoryMatch> matches) {
        Map<String, Long> ids = new HashMap<>();
        Set<Long> created = new HashSet<>();
        for (DirectoryMatch match : matches) {
            long id = match.isNew() ? insert(match.row()) : match.existing().id();
            ids.put(match.row().emailKey(), id);
            if (match.isNew()) {
                created.add(id);
            }
        }
        Set<Long> changed = new HashSet<>();
        for (DirectoryMatch match : matches) {
            long id = ids.get(match.row().emailKey());
            boolean entryChanged = writeEntry(match, id, managerId(match.row(), ids));
            boolean slackChanged = writeSlack(match.row().slackUserId(), id);
            boolean teamsChanged = writeTeams(match.row(), id);
            if (entryChanged || slackChanged || teamsChanged) {
                changed.add(id);
            }
        }
        changed.removeAll(created);
        return new Counts(created.size(), changed.size(), matches.size() - created.size() - changed.size());
    }

    private long insert(DirectoryRow row) {
        String zone = row.zone().orElse(null);
        return people.insertWithZones(
                        orgId,
                        row.name(),
                        row.email(),
                        zone == null ? DEFAULT_TIMEZONE : zone,
                        null,
                        zone,
                        DEFAULT_LOCALE,
                        false)
                .id();
    }

    private Long managerId(DirectoryRow row, Map<String, Long> ids) {
        if (!row.hasManager()) {
            return null;
        }
        Long inFile = ids.get(row.managerKey());
        return inFile != null
                ? inFile
                : stored.byEmail(row.managerEmail()).orElseThrow().id();
    }

    private boolean writeEntry(DirectoryMatch match, long id, Long managerId) {
        DirectoryRow row = match.row();
        Person before = match.existing();
        // An empty timezone keeps the one chat told us (or the default), rather than resetting it; and the directory's
        // own zone, which the asking engine ranks below the platform's, stays what an earlier import said.
        String timezone = row.zone().orElse(before == null ? DEFAULT_TIMEZONE : before.timezone());
        String directoryZone = row.zone().orElse(before == null ? null : before.directoryTimezone());
        Entry after = new Entry(
                row.name(),
                row.email(),
                timezone,
                directoryZone,
                row.departmentOrNull(),
                row.parsedRole(),
                managerId,
                row.locationToStore(before == null ? null : before.location()),
                row.startDateToStore(before == null ? null : before.startDate()));
        if (before != null && before.active() && Entry.of(before).equals(after)) {
            return false;
        }
        people.updateDirectoryEntry(
                orgId,
                id,
                after.name(),
                after.email(),
                after.timezone(),
                after.directoryTimezone(),
                after.department(),
                after.role(),
                managerId,
                after.location(),
                after.startDate());
        return true;
    }

    private boolean writeSlack(String slackUserId, long personId) {
        if (slackUserId.isEmpty() || ownedBy(stored.slackIdentity(slackUserId), personId)) {
            return false;
        }
        people.upsertIdentity(orgId, personId, Platform.SLACK, slackUserId, null);
        return true;
    }

    /**
     * A Bot Framework id ({@code 29:…}) is the platform user id. An AAD object id is stored as such and stands in
     * as the platform user id until the person first writes and the bot learns their Bot Framework id.
     */
    private boolean writeTeams(DirectoryRow row, long personId) {
        String teamsUserId = row.teamsUserId();
        Optional<PlatformIdentity> current = stored.teamsIdentity(teamsUserId);
        if (teamsUserId.isEmpty() || ownedBy(current, personId)) {
            return false;
        }
        if (!DirectoryFormats.isGuid(teamsUserId)) {
            people.upsertIdentity(orgId, personId, Platform.TEAMS, teamsUserId, null);
        } else if (current.isPresent()) {
            people.reassignTeamsIdentity(orgId, current.get().aadObjectId(), personId);
        } else {
            people.upsertIdentity(orgId, personId, Platform.TEAMS, teamsUserId, teamsUserId);
        }
        return true;
    }

    private static boolean ownedBy(Optional<PlatformIdentity> identity, long personId) {
        return identity.map(found -> found.personId() == personId).orElse(false);
    }
}
