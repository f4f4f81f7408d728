package dev.candor.bot.kudos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.people.PersonDao;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of giving kudos, on a real database: allowance, values, length, people, where it is shown. */
class KudosServiceTest {
    private static final AtomicInteger keys = new AtomicInteger();
    private static final ConversationRef GENERAL =
            new ConversationRef(Platform.SLACK, "C0GENERAL", ConversationKind.CHANNEL, null);
    private static final ConversationRef SECRET =
            new ConversationRef(Platform.SLACK, "G0SECRET", ConversationKind.PRIVATE_CHANNEL, null);

    private Database database;
    private PeopleDirectory directory;
    private KudosService service;
    private Actor gil;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        directory = new PeopleDirectory(database.jdbi(), java.util.Map.of(), Runnable::run);
        service = new KudosService(database.jdbi(), directory, Clock.systemUTC());
        gil = directory.actorFor(PlatformUser.slack("T0ACME", "U0GIL", "Gil"));
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void fiftyParallelRequestsFromOneGiverNeverOverspend() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<GiveOutcome>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Mention someone = new Mention("U0P" + i, "Person " + i);
            requests.add(() -> service.give(give(GENERAL, List.of(someone), "thanks for the help today")));
        }
        List<GiveOutcome> outcomes = new ArrayList<>();
        // Bounded: a deadlock fails the test (its futures are cancelled) instead of hanging the build.
        for (Future<GiveOutcome> future : pool.invokeAll(requests, 60, TimeUnit.SECONDS)) {
            outcomes.add(future.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(GiveOutcome.Given.class::isInstance).hasSize(5);
        assertThat(outcomes).filteredOn(GiveOutcome.Refused.class::isInstance).hasSize(45);
        assertThat(count("SELECT count(*) FROM kudos_recipients")).isEqualTo(5);
    }

    /** Two people thanking each other at the same moment: each locks their own allowance, never the other's. */
    @Test
    void peopleGivingEachOtherKudosAtOnceNeverDeadlock() throws Exception {
        var settings = database.jdbi().onDemand(KudosSettingsDao.class);
        settings.save(settings.get(gil.orgId()).withAllowance(1000, AllowancePeriod.DAY));
        List<Actor> givers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            givers.add(directory.actorFor(PlatformUser.slack("T0ACME", "U0G" + i, "Giver " + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<GiveOutcome>> requests = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < givers.size(); i++) {
                Actor giver = givers.get(i);
                List<Mention> others = new ArrayList<>();
                for (int j = 0; j < givers.size(); j++) {
                    if (j != i) {
                        others.add(new Mention("U0G" + j, "Giver " + j));
                    }
                }
                requests.add(() -> service.give(GiveRequest.command(
                        giver, GENERAL, others, "thanks for the pairing", "mutual:" + keys.incrementAndGet(), null)));
            }
        }
        List<GiveOutcome> outcomes = new ArrayList<>();
        for (Future<GiveOutcome> future : pool.invokeAll(requests, 60, TimeUnit.SECONDS)) {
            outcomes.add(future.get());
        }
        pool.shutdown();

        assertThat(outcomes).hasSize(120).allMatch(GiveOutcome.Given.class::isInstance);
        assertThat(count("SELECT count(*) FROM kudos_recipients")).isEqualTo(120 * 5);
    }

    @Test
    void chargesOnePerRecipientAndSaysWhatIsLeft() {
        GiveOutcome first = service.give(give(GENERAL, people("U0ANA", "U0LI", "U0BO"), "great launch, everyone"));
        GiveOutcome second = service.give(give(GENERAL, people("U0ANA", "U0LI", "U0BO"), "and the retro was great"));

        assertThat(((GiveOutcome.Given) first).allowance().remaining()).isEqualTo(2);
        assertThat(second).isInstanceOf(GiveOutcome.Refused.class);
        assertThat(((GiveOutcome.Refused) second).reason().fallbackText())
                .contains("You have 2 kudos left today, and this one needs 3")
                .contains("Nothing was sent");
    }

    @Test
    void suggestsTheValueATypoMeantAndCanRequireOne() {
        var values = database.jdbi().onDemand(CompanyValueDao.class);
        values.save(gil.orgId(), "ownership", "Ownership", "💪", "We own outcomes");
        values.save(gil.orgId(), "craft", "Craft", null, null);

        GiveOutcome typo = service.give(give(GENERAL, people("U0ANA"), "fixed the flaky build #ownrship"));
        assertThat(((GiveOutcome.Refused) typo).reason().fallbackText()).contains("did you mean #ownership?");

        KudosSettings settings =
                database.jdbi().onDemand(KudosSettingsDao.class).get(gil.orgId());
        database.jdbi().onDemand(KudosSettingsDao.class).save(withValueRequired(settings));
        GiveOutcome untagged = service.give(give(GENERAL, people("U0ANA"), "fixed the flaky build"));
        GiveOutcome tagged = service.give(give(GENERAL, people("U0ANA"), "fixed the flaky build #OWNERSHIP"));

        assertThat(((GiveOutcome.Refused) untagged).reason().fallbackText()).contains("#craft, #ownership");
        assertThat(((GiveOutcome.Given) tagged).values()).containsExactly("ownership");
    }

    @Test
    void asksForMoreThanAFewWords() {
        GiveOutcome outcome = service.give(give(GENERAL, people("U0ANA"), "thx #craft"));

        assertThat(outcome).isInstanceOf(GiveOutcome.Refused.class);
        assertThat(((GiveOutcome.Refused) outcome).field()).isEqualTo("message");
        assertThat(((GiveOutcome.Refused) outcome).reason().fallbackText()).contains("at least 10 characters");
    }

    @Test
    void refusesPeopleWhoLeftAndMoreThanTenPeople() {
        var ana = directory.personFor(gil, new Mention("U0ANA", "Ana"));
        database.jdbi().onDemand(PersonDao.class).setActive(gil.orgId(), ana.id(), false);
        List<Mention> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new Mention("U0T" + i, "T" + i));
        }

        GiveOutcome left = service.give(give(GENERAL, people("U0ANA"), "thanks for all the years"));
        GiveOutcome crowd = service.give(give(GENERAL, eleven, "thanks for all the help"));

        assertThat(((GiveOutcome.Refused) left).reason().fallbackText()).contains("left the organisation");
        assertThat(((GiveOutcome.Refused) crowd).reason().fallbackText()).contains("more than 10 people");
    }

    @Test
    void postsInTheKudosChannelUnlessGivenSomewherePrivate() {
        var settings = database.jdbi().onDemand(KudosSettingsDao.class);
        settings.save(withKudosChannel(settings.get(gil.orgId()), "C0KUDOS"));

        GiveOutcome.Given open =
                (GiveOutcome.Given) service.give(give(GENERAL, people("U0ANA"), "great demo in standup"));
        GiveOutcome.Given hidden =
                (GiveOutcome.Given) service.give(give(SECRET, people("U0ANA"), "great work on the secret plan"));

        assertThat(open.postedTo()).isEqualTo("C0KUDOS");
        assertThat(hidden.postedTo()).isEqualTo("G0SECRET");
        var outbox = database.jdbi().onDemand(OutboxDao.class);
        assertThat(outbox.findByKey(gil.orgId(), "kudos:" + open.kudos().id() + ":post"))
                .get()
                .satisfies(post -> assertThat(post.target()).isEqualTo("C0KUDOS"));
    }

    @Test
    void storesTheSameSubmissionOnce() {
        GiveRequest request = new GiveRequest(
                gil,
                GENERAL,
                people("U0ANA"),
                "thanks for pairing today",
                dev.candor.storage.kudos.Via.COMMAND,
                "same-trigger",
                null,
                null,
                null,
                null);

        GiveOutcome first = service.give(request);
        GiveOutcome again = service.give(request);

        assertThat(first).isInstanceOf(GiveOutcome.Given.class);
        assertThat(again).isInstanceOf(GiveOutcome.AlreadyGiven.class);
        assertThat(count("SELECT count(*) FROM kudos")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(2);
    }

    private GiveRequest give(ConversationRef where, List<Mention> recipients, String message) {
        return GiveRequest.command(gil, where, recipients, message, "test:" + keys.incrementAndGet(), null);
    }

    private static List<Mention> people(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> new Mention(id, id.substring(2)))
                .toList();
    }

    private long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }

    static KudosSettings withValueRequired(KudosSettings s) {
        return s.withValueRequired(true);
    }

    static KudosSettings withKudosChannel(KudosSettings s, String channel) {
        return s.withKudosChannels(channel, s.teamsKudosChannel());
    }
}
