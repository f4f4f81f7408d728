package dev.candor.bot.teams;

import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Platform;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.PlatformIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teams names a person two ways: the Bot Framework id ({@code 29:…}) in activities, and the Azure AD object id in the
 * people picker and message payloads. Candor's people are keyed by the first, with the object id beside it (or, for
 * someone imported who never wrote, the object id standing in for both until they do).
 */
final class TeamsPeople {
    /** What Candor calls someone it cannot look up: picked from the whole directory, not in this conversation. */
    static final String UNKNOWN_NAME = "a colleague";

    private static final Logger log = LoggerFactory.getLogger(TeamsPeople.class);
    private static final Pattern OBJECT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Invokes must be answered within five seconds; member lookups run in parallel within this budget. */
    private static final long LOOKUP_MILLIS = 2_500;

    private final Jdbi jdbi;
    private final PeopleDirectory directory;

    TeamsPeople(Jdbi jdbi, PeopleDirectory directory) {
        this.jdbi = jdbi;
        this.directory = directory;
    }

    static boolean isObjectId(String id) {
        return id != null && OBJECT_ID.matcher(id).matches();
    }

    /** The object id the people picker needs to show someone, or null when Candor doesn't know it. */
    String objectId(long orgId, Mention person) {
        String id = person.platformUserId();
        PersonDao people = jdbi.onDemand(PersonDao.class);
        Optional<String> known = people.findByPlatformUser(orgId, Platform.TEAMS, id)
                .flatMap(found -> people.findIdentity(orgId, found.id(), Platform.TEAMS))
                .map(PlatformIdentity::aadObjectId);
        return known.orElse(isObjectId(id) ? id : null);
    }

    /**
     * Someone Teams named by object id, as Candor names them: a known person by their Teams id and name, anyone else
     * by the object id (which Candor's placeholders and Teams' proactive 1:1 chats both accept) and the given name.
     */
    Mention byObjectId(long orgId, String objectId, String name) {
        PersonDao people = jdbi.onDemand(PersonDao.class);
        Optional<Person> known = people.findByAadObjectId(orgId, objectId);
        if (known.isEmpty()) {
            return new Mention(objectId, name == null || name.isBlank() ? UNKNOWN_NAME : name);
        }
        String userId = people.findIdentity(orgId, known.get().id(), Platform.TEAMS)
                .map(PlatformIdentity::platformUserId)
                .orElse(objectId);
        return new Mention(userId, known.get().name());
    }

    /**
     * The people picked in a form (object ids, or the Teams ids of static choices) as Teams ids Candor can use.
     * Unknown object ids are looked up among the conversation's members, which gives their Teams id and name, and
     * are provisioned with their object id, so that they are the same person when they first write to Candor.
     */
    List<String> platformIds(TurnContext turn, Actor actor, List<String> picked) {
        Map<String, String> resolved = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : picked) {
            String known = knownId(actor.orgId(), id);
            resolved.put(id, known);
            if (known == null) {
                unknown.add(id);
            }
        }
        Map<String, TeamsChannelAccount> members = members(turn, unknown);
        for (String objectId : unknown) {
            resolved.put(objectId, provision(turn, actor, objectId, members.get(objectId)));
        }
        return resolved.values().stream().distinct().toList();
    }

    private String knownId(long orgId, String id) {
        PersonDao people = jdbi.onDemand(PersonDao.class);
        if (people.findByPlatformUser(orgId, Platform.TEAMS, id).isPresent()) {
            return id;
        }
        if (!isObjectId(id)) {
            return id; // a static choice's Teams id: provisioned like any mention
        }
        return people.findByAadObjectId(orgId, id)
                .flatMap(person -> people.findIdentity(orgId, person.id(), Platform.TEAMS))
                .map(PlatformIdentity::platformUserId)
                .orElse(null);
    }

    private String provision(TurnContext turn, Actor actor, String objectId, TeamsChannelAccount member) {
        boolean found =
                member != null && member.getId() != null && !member.getId().isBlank();
        String userId = found ? member.getId() : objectId;
        String name = found && member.getName() != null ? member.getName() : UNKNOWN_NAME;
        directory.actorFor(new PlatformUser(
                Platform.TEAMS,
                actor.workspaceId(),
                userId,
                name,
                objectId,
                null,
                null,
                turn.getActivity().getServiceUrl()));
        return userId;
    }

    /** Members of the conversation (the team, in a channel) by object id; those not in it are left out. */
    private static Map<String, TeamsChannelAccount> members(TurnContext turn, List<String> objectIds) {
        Map<String, CompletableFuture<TeamsChannelAccount>> lookups = new LinkedHashMap<>();
        for (String objectId : objectIds) {
            try {
                lookups.put(objectId, TeamsInfo.getMember(turn, objectId));
            } catch (RuntimeException e) {
                lookups.put(objectId, CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOKUP_MILLIS);
        Map<String, TeamsChannelAccount> members = new LinkedHashMap<>();
        lookups.forEach((objectId, lookup) -> member(lookup, deadline).ifPresent(m -> members.put(objectId, m)));
        return members;
    }

    private static Optional<TeamsChannelAccount> member(CompletableFuture<TeamsChannelAccount> lookup, long deadline) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return Optional.ofNullable(lookup.get(left, TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException e) {
            log.debug("member lookup failed: {}", ErrorSummary.of(e));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
