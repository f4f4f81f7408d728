package dev.candor.bot.people;

import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ReachDao;
import dev.candor.storage.conversation.ReachFacts;
import dev.candor.storage.conversation.TeamRosterDao;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationLookupDao;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Whom Candor can't reach with a direct message, on their organisation's platform, and how to fix it: so that a
 * feature that asks people (a check-in, a survey) lists them to its owner instead of dropping them silently.
 *
 * <p>Slack: a person is unreachable without a known Slack account, when deactivated, or when Slack refused to open a
 * DM with them ({@code conversations.open}). Teams: without a known Teams account and not in the roster of any team
 * Candor is installed in, when deactivated, when Teams refused to open a chat with them, or when Candor never heard
 * from the tenant. Everyone else counts as reachable; a refusal at the first message is recorded, and shows here from
 * then on. An organisation with both platforms reaches a person on either.
 */
public final class Reachability {
    /** People per statement: well below PostgreSQL's limit of bind parameters. */
    private static final int CHUNK = 5_000;

    private final Jdbi jdbi;

    public Reachability(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The people among {@code personIds} (of organisation {@code orgId}; others are ignored) Candor can't reach, in
     * the order of their ids. For a Teams organisation, people imported without a Teams id are first linked to the
     * roster member with their email, which makes them reachable.
     */
    public List<Unreachable> unreachable(long orgId, Collection<Long> personIds) {
        Optional<Organisation> org = jdbi.withExtension(OrganisationLookupDao.class, orgs -> orgs.findById(orgId));
        if (org.isEmpty() || personIds.isEmpty()) {
            return List.of();
        }
        List<Platform> platforms = platforms(org.get());
        List<Long> ids = personIds.stream().distinct().toList();
        List<Unreachable> unreachable = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            unreachable.addAll(unreachable(org.get(), platforms, chunk));
        }
        return unreachable;
    }

    private List<Unreachable> unreachable(Organisation org, List<Platform> platforms, List<Long> personIds) {
        if (platforms.contains(Platform.TEAMS)) {
            jdbi.useExtension(TeamRosterDao.class, rosters -> rosters.linkByEmail(org.id(), personIds));
        }
        Map<Long, Unreachable> first = new LinkedHashMap<>();
        Map<Long, Boolean> reachable = new LinkedHashMap<>();
        for (Platform platform : platforms) {
            List<ReachFacts> facts =
                    jdbi.withExtension(ReachDao.class, reach -> reach.facts(org.id(), platform, personIds));
            for (ReachFacts person : facts) {
                Optional<Unreachable> verdict = platform == Platform.SLACK
                        ? ReachRules.slack(person)
                        : ReachRules.teams(person, org.teamsServiceUrl() != null);
                if (verdict.isEmpty()) {
                    reachable.put(person.personId(), true);
                } else {
                    reachable.putIfAbsent(person.personId(), false);
                    first.merge(person.personId(), verdict.get(), ReachRules::moreTelling);
                }
            }
        }
        return first.values().stream()
                .filter(verdict -> !reachable.getOrDefault(verdict.personId(), false))
                .sorted(Comparator.comparingLong(Unreachable::personId))
                .toList();
    }

    private static List<Platform> platforms(Organisation org) {
        List<Platform> platforms = new ArrayList<>();
        if (org.slackTeamId() != null) {
            platforms.add(Platform.SLACK);
        }
        if (org.teamsTenantId() != null) {
            platforms.add(Platform.TEAMS);
        }
        return platforms;
    }
}
