package dev.candor.bot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.candor.bot.people.Unreachable.Reason;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.conversation.ReachDao;
import dev.candor.storage.conversation.TeamMember;
import dev.candor.storage.conversation.TeamRosterDao;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who Candor can't reach, why, and what to do about it, from what the database knows about each person. */
class ReachabilityTest {
    private final Database database = TestDatabase.fresh();
    private final PersonDao people = database.jdbi().onDemand(PersonDao.class);
    private final OrganisationDao orgs = database.jdbi().onDemand(OrganisationDao.class);
    private final Reachability reachability = new Reachability(database.jdbi());

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void inSlackListsPeopleWithoutAnAccountDeactivatedOrRefusedAndWhy() {
        long org = orgs.upsertSlack("T0ACME", "Acme").id();
        Person ana = person(org, "Ana", null, Platform.SLACK, "U0ANA", null);
        Person ben = person(org, "Ben", "ben@acme.test", null, null, null);
        Person cal = person(org, "Cal", null, Platform.SLACK, "U0CAL", null);
        people.setActive(org, cal.id(), false);
        Person dee = person(org, "Dee", null, Platform.SLACK, "U0DEE", null);
        Person eli = person(org, "Eli", null, Platform.SLACK, "U0ELI", null);
        refused(org, Platform.SLACK, "U0DEE", "user_disabled");
        refused(org, Platform.SLACK, "U0ELI", "user_not_found");
        long otherOrg = orgs.upsertSlack("T0OTHER", "Other").id();
        Person stranger = person(otherOrg, "Stranger", null, null, null, null);

        List<Unreachable> unreachable =
                reachability.unreachable(org, List.of(ana.id(), ben.id(), cal.id(), dee.id(), eli.id(), stranger.id()));

        assertThat(unreachable)
                .extracting(Unreachable::name, Unreachable::reason)
                .containsExactly(
                        tuple("Ben", Reason.NO_ACCOUNT),
                        tuple("Cal", Reason.DEACTIVATED),
                        tuple("Dee", Reason.DEACTIVATED),
                        tuple("Eli", Reason.CHAT_REFUSED));
        assertThat(unreachable).allSatisfy(person -> {
            assertThat(person.platform()).isEqualTo(Platform.SLACK);
            assertThat(person.explanation()).isNotBlank();
            assertThat(person.fix()).isNotBlank();
        });
        assertThat(unreachable.get(0).fix()).contains("slack_user_id");
        assertThat(unreachable.get(3).explanation()).contains("user_not_found");
    }

    @Test
    void inTeamsCountsSomeoneInARosterOrWithAnAccountAsReachableUntilTeamsRefuses() {
        long org = orgs.upsertTeams("tenant-1", "Acme", "https://smba.example/emea/")
                .id();
        Person gil = person(org, "Gil", null, Platform.TEAMS, "29:gil", "aad-gil");
        Person hana = person(org, "Hana", "hana@acme.test", null, null, null);
        Person ivy = person(org, "Ivy", "Ivy@Acme.test", null, null, null);
        Person jo = person(org, "Jo", null, Platform.TEAMS, "aad-jo", "aad-jo");
        Person kim = person(org, "Kim", null, Platform.TEAMS, "29:kim", "aad-kim");
        refused(org, Platform.TEAMS, "29:kim", "not_installed_for_user");
        Person nia = person(org, "Nia", null, Platform.TEAMS, "29:nia", "aad-nia");
        refused(org, Platform.TEAMS, "29:nia", "not_installed_for_user");
        // Nia installed Candor for herself since, and wrote to it.
        database.jdbi()
                .onDemand(ConversationDao.class)
                .upsert(org, Platform.TEAMS, "a:dm-nia", ConversationKind.DM, nia.id(), "{}");
        roster(
                org,
                "19:team@thread.tacv2",
                new TeamMember(org, "19:team@thread.tacv2", "aad-ivy", "29:ivy", "Ivy", "ivy@acme.test"),
                new TeamMember(org, "19:team@thread.tacv2", "aad-jo", "29:jo", "Jo", null));

        List<Unreachable> unreachable =
                reachability.unreachable(org, List.of(gil.id(), hana.id(), ivy.id(), jo.id(), kim.id(), nia.id()));

        assertThat(unreachable)
                .extracting(Unreachable::name, Unreachable::reason)
                .containsExactly(tuple("Hana", Reason.NO_ACCOUNT), tuple("Kim", Reason.CHAT_REFUSED));
        assertThat(unreachable).allSatisfy(person -> assertThat(person.fix())
                .contains("Install Candor in a team they belong to, or for everyone"));
        assertThat(unreachable.get(1).explanation()).contains("isn't installed for them");
        assertThat(people.findIdentity(org, ivy.id(), Platform.TEAMS))
                .hasValueSatisfying(
                        identity -> assertThat(identity.platformUserId()).isEqualTo("29:ivy"));
    }

    @Test
    void inATeamsTenantCandorNeverHeardFromOnlyPeopleWithAChatOrInARosterAreReachable() {
        long org = orgs.upsertTeams("tenant-2", "Quiet", null).id();
        Person lou = person(org, "Lou", null, Platform.TEAMS, "29:lou", "aad-lou");
        Person mo = person(org, "Mo", null, Platform.TEAMS, "29:mo", "aad-mo");
        database.jdbi()
                .onDemand(ConversationDao.class)
                .upsert(org, Platform.TEAMS, "a:dm-mo", ConversationKind.DM, mo.id(), "{}");

        assertThat(reachability.unreachable(org, List.of(lou.id(), mo.id())))
                .extracting(Unreachable::name, Unreachable::reason)
                .containsExactly(tuple("Lou", Reason.NOT_INTRODUCED));
    }

    @Test
    void answersForMorePeopleThanOneStatementTakes() {
        long org = orgs.upsertSlack("T0BIG", "Big").id();
        List<Long> ids = database.jdbi().withHandle(handle -> handle.createQuery(
                        "INSERT INTO people (org_id, name) SELECT :org, 'P' || n FROM generate_series(1, 12000) n"
                                + " RETURNING id")
                .bind("org", org)
                .mapTo(Long.class)
                .list());

        assertThat(reachability.unreachable(org, ids)).hasSize(12_000);
    }

    private Person person(long org, String name, String email, Platform platform, String userId, String aad) {
        Person person = people.insert(org, name, email, "UTC", "en", false);
        if (platform != null) {
            people.insertIdentity(org, person.id(), platform, userId, aad);
        }
        return person;
    }

    private void refused(long org, Platform platform, String userId, String reason) {
        database.jdbi().onDemand(ReachDao.class).recordFailure(org, platform, userId, reason);
    }

    private void roster(long org, String team, TeamMember... members) {
        TeamRosterDao rosters = database.jdbi().onDemand(TeamRosterDao.class);
        rosters.upsertTeam(org, team, "Platform", "https://smba.example/emea/");
        rosters.upsertMembers(List.of(members));
    }
}
