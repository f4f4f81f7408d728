package dev.candor.bot.teams;

import static dev.candor.bot.teams.TeamsServer.BOT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.Outbox;
import dev.candor.bot.teams.FakeBotFramework.RosterMember;
import dev.candor.storage.Platform;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The members of the teams Candor is in, read with the paged members API when it is added, followed as people join
 * and leave, linked to imported people, and used to open a 1:1 chat with someone who never wrote to Candor.
 */
class TeamsRosterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RosterMember ANA = new RosterMember("29:ana-r", "aad-ana-0001", "Ana Lopez", "ana@acme.test");
    private static final RosterMember BEN = new RosterMember("29:ben-r", "aad-ben-0002", "Ben Okafor", null);
    private static final RosterMember CEY = new RosterMember("29:cey-r", "aad-cey-0003", "Cey Demir", "cey@acme.test");

    private static TeamsServer teams;

    @BeforeAll
    static void start() {
        teams = new TeamsServer();
    }

    @AfterAll
    static void stop() {
        teams.close();
    }

    @BeforeEach
    void reset() {
        teams.awaitOutboxIdle();
        teams.microsoft.reset();
    }

    @Test
    void readsEveryPageOfATeamWhenCandorIsAddedToIt() throws Exception {
        String team = "19:pages@thread.tacv2";
        teams.microsoft.roster(team, 2, ANA, BEN, CEY);

        post(added(team).teamName("Platform"));

        awaitMembers(team, 3);
        assertThat(members(team))
                .containsExactly(member(ANA, "ana@acme.test"), member(BEN, null), member(CEY, "cey@acme.test"));
        Map<String, Object> roster = Rows.one(
                teams.jdbi(), "SELECT team_name, service_url, read_at FROM team_rosters WHERE team_id = ?", team);
        assertThat(roster)
                .containsEntry("team_name", "Platform")
                .containsEntry("service_url", teams.microsoft.serviceUrl());
        assertThat(roster.get("read_at")).isNotNull();
        List<LoggedRequest> reads = teams.microsoft.rosterReads();
        assertThat(reads).hasSize(2).allSatisfy(read -> {
            assertThat(FakeBotFramework.path(read)).startsWith("/v3/conversations/" + team + "/pagedmembers");
            assertThat(read.queryParameter("pageSize").firstValue()).isEqualTo("500");
            assertThat(read.getHeader("Authorization")).isEqualTo("Bearer " + TeamsServer.OUTBOUND_TOKEN);
        });
        assertThat(reads.get(0).queryParameter("continuationToken").isPresent()).isFalse();
        assertThat(reads.get(1).queryParameter("continuationToken").firstValue())
                .isEqualTo("page-2");
    }

    @Test
    void aNewReadDropsMembersWhoLeftMeanwhile() throws Exception {
        String team = "19:reread@thread.tacv2";
        teams.microsoft.roster(team, 10, ANA, BEN);
        post(added(team));
        awaitMembers(team, 2);

        teams.microsoft.reset();
        teams.microsoft.roster(team, 10, BEN);
        post(TestActivity.installationUpdate(teams.microsoft.serviceUrl(), "add-upgrade")
                .team(team));

        awaitMembers(team, 1);
        assertThat(members(team)).containsExactly(member(BEN, null));
    }

    @Test
    void linksPeopleImportedWithTheirObjectIdOrTheirEmail() throws Exception {
        String team = "19:linked@thread.tacv2";
        long orgId = orgId();
        PersonDao people = teams.jdbi().onDemand(PersonDao.class);
        Person dan = people.insert(orgId, "Dan", null, "UTC", "en", false);
        people.insertIdentity(orgId, dan.id(), Platform.TEAMS, "aad-dan-0004", "aad-dan-0004");
        Person eve = people.insert(orgId, "Eve", "Eve@Acme.test", "UTC", "en", false);
        Person fay = people.insert(orgId, "Fay", "fay@elsewhere.test", "UTC", "en", false);
        teams.microsoft.roster(
                team,
                10,
                new RosterMember("29:dan-r", "aad-dan-0004", "Dan", null),
                new RosterMember("29:eve-r", "aad-eve-0005", "Eve", "eve@acme.test"));

        post(added(team));

        awaitMembers(team, 2);
        assertThat(identity(dan)).containsExactly("29:dan-r aad-dan-0004");
        assertThat(identity(eve)).containsExactly("29:eve-r aad-eve-0005");
        assertThat(identity(fay)).isEmpty();
    }

    @Test
    void followsPeopleJoiningAndLeavingTheTeam() throws Exception {
        String team = "19:moves@thread.tacv2";
        teams.microsoft.roster(team, 10, ANA);
        post(added(team));
        awaitMembers(team, 1);

        post(TestActivity.conversationUpdate(teams.microsoft.serviceUrl())
                .inChannel(team)
                .team(team)
                .added("29:gus-r", "aad-gus-0006"));
        assertThat(Rows.strings(
                        teams.jdbi(), "SELECT teams_user_id FROM team_members WHERE team_id = ? ORDER BY 1", team))
                .containsExactly("29:ana-r", "29:gus-r");

        post(TestActivity.conversationUpdate(teams.microsoft.serviceUrl())
                .inChannel(team)
                .team(team)
                .removed("29:ana-r", "aad-ana-0001"));
        assertThat(Rows.strings(teams.jdbi(), "SELECT teams_user_id FROM team_members WHERE team_id = ?", team))
                .containsExactly("29:gus-r");
    }

    @Test
    void forgetsATeamWhenCandorIsRemovedFromIt() throws Exception {
        String removed = "19:removed@thread.tacv2";
        String uninstalled = "19:uninstalled@thread.tacv2";
        teams.microsoft.roster(removed, 10, ANA);
        teams.microsoft.roster(uninstalled, 10, BEN);
        post(added(removed));
        post(TestActivity.installationUpdate(teams.microsoft.serviceUrl(), "add")
                .team(uninstalled));
        awaitMembers(removed, 1);
        awaitMembers(uninstalled, 1);

        post(TestActivity.conversationUpdate(teams.microsoft.serviceUrl())
                .inChannel(removed)
                .team(removed)
                .removed(BOT_ID, null));
        post(TestActivity.installationUpdate(teams.microsoft.serviceUrl(), "remove")
                .team(uninstalled));

        assertThat(Rows.count(
                        teams.jdbi(),
                        "SELECT count(*) FROM team_rosters WHERE team_id IN (?, ?)",
                        removed,
                        uninstalled))
                .isZero();
        assertThat(Rows.count(
                        teams.jdbi(),
                        "SELECT count(*) FROM team_members WHERE team_id IN (?, ?)",
                        removed,
                        uninstalled))
                .isZero();
    }

    @Test
    void readsTheRosterOfATeamItWasInBeforeRostersWereKeptWhenTheTeamSpeaks() throws Exception {
        String team = "19:older@thread.tacv2";
        teams.microsoft.roster(team, 10, CEY);

        post(TestActivity.message(teams.microsoft.serviceUrl(), "<at>Candor</at> help")
                .inChannel(team + ";messageid=1700000000123")
                .team(team)
                .mentionCandor());
        awaitMembers(team, 1);
        post(TestActivity.message(teams.microsoft.serviceUrl(), "<at>Candor</at> help")
                .inChannel(team + ";messageid=1700000000124")
                .team(team)
                .mentionCandor());

        assertThat(teams.microsoft.rosterReads()).hasSize(1);
    }

    @Test
    void opensAChatWithSomeoneWhoNeverWroteToCandorThroughTheirTeam() throws Exception {
        String team = "19:reach@thread.tacv2";
        long orgId = orgId();
        PersonDao people = teams.jdbi().onDemand(PersonDao.class);
        Person hal = people.insert(orgId, "Hal", null, "UTC", "en", false);
        people.insertIdentity(
                orgId,
                hal.id(),
                Platform.TEAMS,
                "7a1e0000-0000-4000-8000-000000000007",
                "7a1e0000-0000-4000-8000-000000000007");
        teams.microsoft.failNewChats(403);
        // Queued while Candor knew Hal only by his object id, and before Candor was in a team of his.
        queue(orgId, "7a1e0000-0000-4000-8000-000000000007", "roster-test:hal");
        await("Teams refuses: Candor is neither installed for Hal nor in a team of his")
                .atMost(WAIT)
                .until(() -> "not_installed_for_user"
                        .equals(Rows.one(
                                        teams.jdbi(),
                                        "SELECT last_error FROM outbox WHERE idempotency_key = 'roster-test:hal'")
                                .get("last_error")));
        assertThat(Rows.strings(teams.jdbi(), "SELECT reason FROM reach_failures WHERE org_id = ?", orgId))
                .containsExactly("not_installed_for_user");
        teams.microsoft.reset();
        teams.microsoft.roster(
                team, 10, new RosterMember("29:hal-r", "7a1e0000-0000-4000-8000-000000000007", "Hal", null));
        post(added(team));
        awaitMembers(team, 1);
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM reach_failures WHERE org_id = ?", orgId))
                .isZero();

        queue(orgId, "7a1e0000-0000-4000-8000-000000000007", "roster-test:hal:2");

        await("the reminder reaches Hal")
                .atMost(WAIT)
                .until(() -> !teams.microsoft.sends().isEmpty());
        JsonNode created =
                FakeBotFramework.json(teams.microsoft.conversationsCreated().get(0));
        assertThat(created.path("members").findValuesAsText("id")).containsExactly("29:hal-r");
        assertThat(created.path("tenantId").asText()).isEqualTo(TestActivity.TENANT);
        assertThat(teams.microsoft.sends())
                .extracting(FakeBotFramework::path)
                .containsExactly("/v3/conversations/a:chat-29:hal-r/activities");
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT conversation_id FROM conversation_refs WHERE person_id = ? AND kind = 'dm'",
                        hal.id()))
                .containsExactly("a:chat-29:hal-r");
    }

    private static void queue(long orgId, String userId, String key) {
        teams.jdbi()
                .useTransaction(handle ->
                        Outbox.toUser(handle, orgId, Platform.TEAMS, userId, key, Message.of("Your check-in")));
    }

    private static TestActivity added(String team) {
        return TestActivity.conversationUpdate(teams.microsoft.serviceUrl(), BOT_ID)
                .inChannel(team)
                .team(team);
    }

    private static void post(TestActivity activity) throws Exception {
        assertThat(teams.post(activity.json()).statusCode()).isIn(200, 202);
    }

    private static long orgId() {
        return teams.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertTeams(TestActivity.TENANT, "Acme", teams.microsoft.serviceUrl())
                .id();
    }

    private static void awaitMembers(String team, long count) {
        await("the roster of " + team + " has " + count + " member(s)")
                .atMost(WAIT)
                .until(() -> Rows.count(
                                teams.jdbi(),
                                "SELECT count(*) FROM team_members m JOIN team_rosters r USING (org_id, team_id)"
                                        + " WHERE team_id = ? AND r.read_at IS NOT NULL",
                                team)
                        == count);
    }

    private static List<String> members(String team) {
        return Rows.strings(
                teams.jdbi(),
                "SELECT teams_user_id || ' ' || aad_object_id || ' ' || name || ' ' || coalesce(email, '-')"
                        + " FROM team_members WHERE team_id = ? ORDER BY teams_user_id",
                team);
    }

    private static String member(RosterMember member, String email) {
        return member.teamsId() + " " + member.objectId() + " " + member.name() + " " + (email == null ? "-" : email);
    }

    private static List<String> identity(Person person) {
        return Rows.strings(
                teams.jdbi(),
                "SELECT platform_user_id || ' ' || aad_object_id FROM platform_identities"
                        + " WHERE person_id = ? AND platform = 'teams'",
                person.id());
    }
}
