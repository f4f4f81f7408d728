package dev.candor.bot.people;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.storage.Platform;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.AwayDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.PersonLookupDao;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns platform users into Candor people. Unknown people are provisioned on first contact and linked to an
 * imported directory entry (by Teams AAD object id, or by the email their platform profile shows).
 * Profile lookups run in the background unless the answer is needed now: a failed lookup never fails a command.
 */
public final class PeopleDirectory {
    private static final Logger log = LoggerFactory.getLogger(PeopleDirectory.class);

    private final Jdbi jdbi;
    private final Map<Platform, ProfileSource> profiles;
    private final Executor background;
    private final Map<String, Long> orgIds = new ConcurrentHashMap<>();
    private final Set<Long> enriching = ConcurrentHashMap.newKeySet();
    private final Map<String, KnownName> names = new ConcurrentHashMap<>();
    private static final long NAMES_FRESH_NANOS = 60_000_000_000L;
    private static final int MAX_NAMES = 100_000;

    public PeopleDirectory(Jdbi jdbi, Map<Platform, ProfileSource> profiles, Executor background) {
        this.jdbi = jdbi;
        this.profiles = Map.copyOf(profiles);
        this.background = background;
    }

    /** The organisation of a Slack workspace or Teams tenant, created on first contact. */
    public long orgId(PlatformUser user) {
        String key = user.platform() + ":" + user.workspaceId() + ":" + user.teamsServiceUrl();
        return orgIds.computeIfAbsent(key, k -> {
            OrganisationDao orgs = jdbi.onDemand(OrganisationDao.class);
            return user.platform() == Platform.SLACK
                    ? orgs.upsertSlack(user.workspaceId(), user.workspaceId()).id()
                    : orgs.upsertTeams(user.workspaceId(), user.workspaceId(), user.teamsServiceUrl())
                            .id();
        });
    }

    /** The person behind a request, provisioned if new. */
    public Actor actorFor(PlatformUser user) {
        long orgId = orgId(user);
        PersonLookupDao lookup = jdbi.onDemand(PersonLookupDao.class);
        Person person = lookup.findByPlatformUser(orgId, user.platform(), user.userId())
                .orElseGet(() -> provision(
                        orgId, user, jdbi.onDemand(PersonDao.class).hasUnlinkedPeople(orgId, user.platform()), false));
        if (user.timezone() != null
                && !(user.timezone().equals(person.timezone())
                        && user.timezone().equals(person.profileTimezone()))
                && isZone(user.timezone())) {
            jdbi.onDemand(PersonDao.class).updateTimezone(orgId, person.id(), user.timezone());
            person = lookup.findById(orgId, person.id()).orElse(person);
        }
        if (!person.profileSynced()) {
            enrichLater(orgId, person.id(), user);
        }
        return new Actor(
                orgId,
                user.workspaceId(),
                person.id(),
                user.platform(),
                user.userId(),
                person.name(),
                person.role(),
                zone(person.timezone()),
                Locale.forLanguageTag(person.locale()));
    }

    /**
     * A person named in a request, provisioned if new. Unknown people are looked up now, because whether
     * they are a bot or deactivated decides what the command may do.
     *
     * @throws ProfileSource.NoSuchUser when the platform says there is nobody by that id; nothing is stored then
     */
    public Person personFor(Actor actor, Mention mention) {
        PlatformUser user = new PlatformUser(
                actor.platform(),
                actor.workspaceId(),
                mention.platformUserId(),
                mention.displayName(),
                null,
                null,
                null,
                null);
        return jdbi.onDemand(PersonLookupDao.class)
                .findByPlatformUser(actor.orgId(), user.platform(), user.userId())
                .orElseGet(() -> provision(actor.orgId(), user, true, true));
    }

    /** The name Candor knows for a platform account, or null. */
    public String knownName(long orgId, Platform platform, String platformUserId) {
        String key = orgId + ":" + platform + ":" + platformUserId;
        long now = System.nanoTime();
        KnownName known = names.get(key);
        if (known != null && now - known.readAt() < NAMES_FRESH_NANOS) {
            return known.name();
        }
        String name = jdbi.onDemand(PersonLookupDao.class)
                .findByPlatformUser(orgId, platform, platformUserId)
                .map(Person::name)
                .orElse(null);
        if (name != null) {
            if (names.size() >= MAX_NAMES) {
                names.clear();
            }
            names.put(key, new KnownName(name, now));
        }
        return name;
    }

    /** Display names shown in texts: a name changed a minute ago may still show the old one. */
    private record KnownName(String name, long readAt) {}

    private Person provision(long orgId, PlatformUser user, boolean lookUpNow, boolean mentioned) {
        Optional<Profile> profile = lookUpNow ? lookupProfile(user, mentioned) : Optional.empty();
        for (int attempt = 0; ; attempt++) {
            try {
                Person person = jdbi.inTransaction(
                        handle -> new Provisioning(handle.attach(PersonDao.class), handle.attach(AwayDao.class))
                                .linkOrCreate(orgId, user, profile.orElse(null)));
                log.info("provisioned person {} in org {} from {}", person.id(), orgId, user.platform());
                return person;
            } catch (Provisioning.LostRace race) {
                // Another request provisioned the same account at the same moment: use theirs.
                Optional<Person> winner =
                        jdbi.onDemand(PersonLookupDao.class).findByPlatformUser(orgId, user.platform(), user.userId());
                if (winner.isPresent() || attempt >= 2) {
                    return winner.orElseThrow(() -> new IllegalStateException("could not provision", race));
                }
            }
        }
    }

    /** A mentioned account the platform doesn't know is refused; one that sent the request exists all the same. */
    private Optional<Profile> lookupProfile(PlatformUser user, boolean mentioned) {
        try {
            return lookup(user);
        } catch (ProfileSource.NoSuchUser unknown) {
            if (mentioned) {
                throw unknown;
            }
            return Optional.empty();
        }
    }

    private void enrichLater(long orgId, long personId, PlatformUser user) {
        if (!profiles.containsKey(user.platform()) || !enriching.add(personId)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    lookup(user).ifPresent(profile -> store(orgId, personId, profile));
                } catch (ProfileSource.NoSuchUser unknown) {
                    log.info("profile of person {} not found on {}", personId, user.platform());
                } catch (RuntimeException failed) {
                    // The database or the platform is down: the profile is read again at the person's next request.
                    // One line, no message: a driver's message may quote the row.
                    log.warn(
                            "profile of person {} on {} not stored: {}",
                            personId,
                            user.platform(),
                            failed.getClass().getSimpleName());
                } finally {
                    enriching.remove(personId);
                }
            });
        } catch (RejectedExecutionException busy) {
            enriching.remove(personId); // tried again on the person's next request
        }
    }

    /**
     * The platform says a user's profile changed (Slack {@code user_change}, {@code user_status_changed}): stored
     * when Candor knows the person, ignored otherwise, so that an event never creates an organisation or a person.
     *
     * @return whether the profile belonged to someone Candor knows
     */
    public boolean profileChanged(Platform platform, String workspaceId, String userId, Profile profile) {
        OrganisationDao orgs = jdbi.onDemand(OrganisationDao.class);
        Optional<Long> orgId = (platform == Platform.SLACK
                        ? orgs.findBySlackTeam(workspaceId)
                        : orgs.findByTeamsTenant(workspaceId))
                .map(Organisation::id);
        Optional<Person> person =
                orgId.flatMap(id -> jdbi.onDemand(PersonLookupDao.class).findByPlatformUser(id, platform, userId));
        person.ifPresent(found -> store(found.orgId(), found.id(), profile));
        return person.isPresent();
    }

    private void store(long orgId, long personId, Profile profile) {
        jdbi.useTransaction(handle -> Provisioning.store(
                handle.attach(PersonDao.class), handle.attach(AwayDao.class), orgId, personId, profile));
    }

    private Optional<Profile> lookup(PlatformUser user) {
        ProfileSource source = profiles.get(user.platform());
        if (source == null) {
            return Optional.empty();
        }
        try {
            return source.lookup(user.workspaceId(), user.userId());
        } catch (ProfileSource.NoSuchUser unknown) {
            throw unknown;
        } catch (RuntimeException e) {
            log.warn(
                    "profile lookup for {} failed: {}",
                    user.userId(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }

    static boolean isZone(String timezone) {
        try {
            ZoneId.of(timezone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
