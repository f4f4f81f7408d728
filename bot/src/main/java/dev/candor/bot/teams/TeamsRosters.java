package dev.candor.bot.teams;

import dev.candor.bot.people.PlatformIds;
import dev.candor.storage.Platform;
import dev.candor.storage.StorableText;
import dev.candor.storage.conversation.TeamChannelDao;
import dev.candor.storage.conversation.TeamMember;
import dev.candor.storage.conversation.TeamRosterDao;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members of every team Candor is installed in ({@code team_rosters}, {@code team_members}): Teams lets a bot open
 * a 1:1 chat with a member of such a team, so these are the people Candor can ask without their ever having written
 * to it. The whole roster is read in the background when Candor is added to a team (or first hears from a team whose
 * roster it never read); joins and leaves are followed as Teams reports them. After each read, people imported from
 * the directory are linked to their Teams accounts by AAD object id or email.
 */
final class TeamsRosters {
    private static final Logger log = LoggerFactory.getLogger(TeamsRosters.class);
    /** A team whose roster could not be read is read again when it speaks to Candor after this long. */
    private static final Duration RETRY_FAILED_READ = Duration.ofHours(1);

    private static final int MAX_CHANNELS = 100_000;

    private final Jdbi jdbi;
    private final TeamsPagedMembers pagedMembers;
    private final Executor background;
    private final Set<String> reading = ConcurrentHashMap.newKeySet();
    /** Teams whose roster is known to exist: no query for them on every channel message. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** Channels whose team is recorded: no write on every channel message. */
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    /** Teams whose roster could not be read: not asked again on every message, but after a while. */
    private final Map<String, Instant> failedUntil = new ConcurrentHashMap<>();

    TeamsRosters(Jdbi jdbi, TeamsPagedMembers pagedMembers, Executor background) {
        this.jdbi = jdbi;
        this.pagedMembers = pagedMembers;
        this.background = background;
    }

    /** A team, as an activity from it names it. */
    record Team(long orgId, String teamId, String name, String serviceUrl) {
        String key() {
            return orgId + ":" + teamId;
        }
    }

    /** Candor was added to the team (or upgraded in it): read all its members again. */
    void installed(Team team) {
        jdbi.useExtension(
                TeamRosterDao.class,
                rosters -> rosters.upsertTeam(team.orgId(), team.teamId(), name(team), team.serviceUrl()));
        known.add(team.key());
        readLater(team);
    }

    /** A team spoke to Candor: reads its roster if Candor never did (installed before rosters were kept). */
    void seen(Team team) {
        Instant retry = failedUntil.get(team.key());
        if (known.contains(team.key()) || retry != null && Instant.now().isBefore(retry)) {
            return;
        }
        boolean exists =
                jdbi.withExtension(TeamRosterDao.class, rosters -> rosters.hasTeam(team.orgId(), team.teamId()));
        if (exists) {
            known.add(team.key());
        } else {
            installed(team);
        }
    }

    /**
     * A channel of the team spoke to Candor: remember its team, so that a check-in asking "the members of this
     * channel" finds them in the team's roster. Once per channel and process.
     */
    void channel(Team team, String channelId) {
        String key = team.key() + ":" + channelId;
        if (channels.contains(key)) {
            return;
        }
        int recorded =
                jdbi.withExtension(TeamChannelDao.class, teams -> teams.record(team.orgId(), channelId, team.teamId()));
        if (recorded > 0) {
            if (channels.size() >= MAX_CHANNELS) {
                channels.clear();
            }
            channels.add(key);
        }
    }

    /** People joined the team. */
    void joined(Team team, List<TeamsPagedMembers.Member> members) {
        List<TeamMember> rows = rows(team, members);
        if (rows.isEmpty() || !jdbi.withExtension(TeamRosterDao.class, r -> r.hasTeam(team.orgId(), team.teamId()))) {
            // No roster yet: the full read that is due lists them anyway.
            seen(team);
            return;
        }
        jdbi.useTransaction(handle -> {
            TeamRosterDao rosters = handle.attach(TeamRosterDao.class);
            rosters.upsertMembers(rows);
            link(rosters, team);
        });
    }

    /** People left the team, named by Teams id or AAD object id. */
    void left(Team team, List<String> ids) {
        List<String> valid =
                ids.stream().filter(id -> PlatformIds.valid(Platform.TEAMS, id)).toList();
        if (!valid.isEmpty()) {
            jdbi.useExtension(
                    TeamRosterDao.class, rosters -> rosters.removeMembers(team.orgId(), team.teamId(), valid));
        }
    }

    /** Candor was removed from the team: its members are no longer reachable through it. */
    void removed(Team team) {
        known.remove(team.key());
        int forgotten =
                jdbi.withExtension(TeamRosterDao.class, rosters -> rosters.forgetTeam(team.orgId(), team.teamId()));
        if (forgotten > 0) {
            log.info("Candor was removed from a team of org {}: its roster is forgotten", team.orgId());
        }
    }

    private void readLater(Team team) {
        if (!reading.add(team.key())) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    read(team);
                } finally {
                    reading.remove(team.key());
                }
            });
        } catch (RejectedExecutionException busy) {
            reading.remove(team.key());
            known.remove(team.key()); // read when the team next speaks to Candor
            log.warn("roster of a team of org {} not read now: too many waiting", team.orgId());
        }
    }

    private void read(Team team) {
        List<TeamsPagedMembers.Member> members;
        try {
            members = pagedMembers.all(team.serviceUrl(), team.teamId());
        } catch (IOException | RuntimeException e) {
            known.remove(team.key());
            failedUntil.put(team.key(), Instant.now().plus(RETRY_FAILED_READ));
            log.warn("roster of a team of org {} not read: {}", team.orgId(), ErrorSummary.of(e));
            return;
        }
        failedUntil.remove(team.key());
        List<TeamMember> rows = rows(team, members);
        int[] dropped = new int[1];
        jdbi.useTransaction(handle -> {
            TeamRosterDao rosters = handle.attach(TeamRosterDao.class);
            rosters.upsertMembers(rows);
            dropped[0] = rosters.finishRead(team.orgId(), team.teamId());
            link(rosters, team);
        });
        log.info(
                "read the roster of a team of org {}: {} member(s), {} gone since",
                team.orgId(),
                rows.size(),
                dropped[0]);
    }

    /** Imported people become reachable; refusals from before the team had Candor no longer hold. */
    private static void link(TeamRosterDao rosters, Team team) {
        rosters.linkImportedByObjectId(team.orgId(), team.teamId());
        rosters.linkTeamByEmail(team.orgId(), team.teamId());
        rosters.clearTeamFailures(team.orgId(), team.teamId());
    }

    private static List<TeamMember> rows(Team team, List<TeamsPagedMembers.Member> members) {
        return members.stream()
                .map(member -> new TeamMember(
                        team.orgId(),
                        team.teamId(),
                        member.aadObjectId(),
                        member.teamsUserId(),
                        StorableText.clean(member.name()),
                        StorableText.clean(member.email())))
                .toList();
    }

    private static String name(Team team) {
        return StorableText.clean(team.name());
    }
}
