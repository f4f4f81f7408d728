package dev.candor.bot.people;

import dev.candor.storage.Platform;
import dev.candor.storage.people.AwayDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.util.Optional;

/** One provisioning transaction: link a new platform account to its directory entry, or create a person. */
final class Provisioning {
    private final PersonDao people;
    private final AwayDao away;

    Provisioning(PersonDao people, AwayDao away) {
        this.people = people;
        this.away = away;
    }

    Person linkOrCreate(long orgId, PlatformUser user, Profile profile) {
        Optional<Person> imported = findImported(orgId, user, profile);
        if (imported.isPresent()) {
            Person person = imported.get();
            boolean linked = user.aadObjectId() != null
                            && people.upgradeTeamsIdentity(orgId, user.aadObjectId(), user.userId()) > 0
                    || people.insertIdentity(orgId, person.id(), user.platform(), user.userId(), user.aadObjectId());
            if (!linked) {
                throw new LostRace();
            }
            if (profile != null) {
                store(people, away, orgId, person.id(), profile);
            }
            return people.findById(orgId, person.id()).orElseThrow();
        }
        String name = profile != null && profile.name() != null ? profile.name() : fallbackName(user);
        String timezone = profile != null && profile.timezone() != null ? profile.timezone() : user.timezone();
        String platformZone = PeopleDirectory.isZone(String.valueOf(timezone)) ? timezone : null;
        Person person = people.insertWithZones(
                orgId,
                name,
                null,
                platformZone == null ? "UTC" : platformZone,
                platformZone,
                null,
                user.locale() == null ? "en" : user.locale(),
                isBot(user, profile));
        if (!people.insertIdentity(orgId, person.id(), user.platform(), user.userId(), user.aadObjectId())) {
            throw new LostRace();
        }
        if (profile != null) {
            store(people, away, orgId, person.id(), profile);
        }
        return people.findById(orgId, person.id()).orElseThrow();
    }

    private Optional<Person> findImported(long orgId, PlatformUser user, Profile profile) {
        if (user.aadObjectId() != null) {
            Optional<Person> byAad = people.findByAadObjectId(orgId, user.aadObjectId());
            if (byAad.isPresent()) {
                return byAad;
            }
        }
        if (profile != null && profile.email() != null) {
            return people.findByEmail(orgId, profile.email());
        }
        return Optional.empty();
    }

    /** Writes what the platform says about a person: name, email, zone, bot or deactivated, away or not. */
    static void store(PersonDao people, AwayDao away, long orgId, long personId, Profile profile) {
        String timezone =
                profile.timezone() != null && PeopleDirectory.isZone(profile.timezone()) ? profile.timezone() : null;
        people.findById(orgId, personId)
                .ifPresent(current -> people.updateProfile(
                        orgId,
                        personId,
                        profile.name() != null ? profile.name() : current.name(),
                        profile.email(),
                        timezone,
                        profile.bot()));
        if (profile.deleted()) {
            people.setActive(orgId, personId, false);
        }
        if (profile.status() != null) {
            away.setStatus(
                    orgId, personId, profile.status().away(), profile.status().until());
        }
    }

    private static String fallbackName(PlatformUser user) {
        return user.name() != null && !user.name().isBlank() ? user.name() : user.userId();
    }

    /** Teams bot accounts have ids starting with {@code 28:}; Slack says so in the profile. */
    private static boolean isBot(PlatformUser user, Profile profile) {
        return profile != null && profile.bot()
                || user.platform() == Platform.TEAMS && user.userId().startsWith("28:");
    }

    /** Another transaction linked the same platform account first. */
    static final class LostRace extends RuntimeException {
        LostRace() {
            super("platform account provisioned concurrently", null, false, false);
        }
    }
}
