package dev.candor.bot.pulse.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.pulse.PulseFeature;
import dev.candor.bot.pulse.results.SurveyResults.BreakdownResult;
import dev.candor.bot.pulse.results.SurveyResults.GroupResult;
import dev.candor.bot.server.FileLinks;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.Role;
import dev.candor.storage.pulse.results.PulseResultsDao;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Results of a survey answered through the engine: 16 people (Sales 8 under Mira in Berlin; Support 6 and Legal 2
 * under Omar in Paris) with a minimum group of 5. Legal is too small and, hidden alone, would leave 2 answers to
 * subtract from the round; the rules hide Support with it.
 */
class PulseResultsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Database database = TestDatabase.fresh();
    private static final Jdbi jdbi = database.jdbi();
    private static final List<String> COMMENTS = new ArrayList<>();
    private static PulseResultsCommands commands;
    private static PulseFixture fixture;
    private static long orgId;
    private static long hana;
    private static long mira;
    private static long omar;
    private static long employee;
    private static List<Long> sales;
    private static List<Long> omars;

    @BeforeAll
    static void answerTheSurvey() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        orgId = jdbi.onDemand(OrganisationDao.class)
                .upsertSlack("T0PULSE", "Acme")
                .id();
        Asking asking = new Asking(jdbi, clock, new WorkingTimeLoader(jdbi, clock), Optional.empty());
        asking.features().register(new PulseFeature());
        fixture = new PulseFixture(jdbi, asking, orgId, NOW);
        commands = new PulseResultsCommands(
                jdbi, new FileLinks(jdbi, Optional.of(URI.create("https://candor.example.com")), clock));
        hana = fixture.person("Hana", Role.HR_ADMIN, "People", null, "Berlin", Platform.SLACK, "U0HANA");
        mira = fixture.person("Mira", Role.MANAGER, "Sales", null, "Berlin", Platform.SLACK, "U0MIRA");
        omar = fixture.person("Omar", Role.MANAGER, "Support", null, "Paris", Platform.SLACK, "U0OMAR");
        sales = people(8, "Sales", mira, "Berlin");
        List<Long> support = people(6, "Support", omar, "Paris");
        List<Long> legal = people(2, "Legal", omar, "Paris");
        employee = sales.get(0);
        omars = new ArrayList<>(support);
        omars.addAll(legal);
        List<Long> everyone = new ArrayList<>(sales);
        everyone.addAll(omars);

        long survey = fixture.survey("December pulse", hana, 5);
        long earlier = fixture.round(survey, "2026-W48", everyone);
        for (int i = 0; i < everyone.size(); i++) {
            fixture.answer(earlier, everyone.get(i), 6, 2, null, null);
        }
        long latest = fixture.round(survey, "2026-W49", everyone);
        for (int i = 0; i < everyone.size(); i++) {
            // 11 comments: one more than a message shows
            String comment = i % 3 != 1 ? "Comment number " + i : null;
            if (comment != null) {
                COMMENTS.add(comment);
            }
            fixture.answer(latest, everyone.get(i), i % 11, 1 + i % 5, i % 2 == 0 ? "Office" : "Home", comment);
        }
        long small = fixture.survey("Tiny pulse", hana, 5);
        long smallRound = fixture.round(small, "once", everyone);
        sales.subList(0, 4).forEach(person -> fixture.answer(smallRound, person, 9, 4, null, null));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void hrSeesAnswerRateDistributionsEnpsTrendAndCommentsWithCharts() {
        SurveyResults results = read(hana, "December pulse");

        assertThat(results.shown()).isTrue();
        assertThat(results.answered()).isEqualTo(16);
        assertThat(results.asks()).isEqualTo(16);
        SurveyResults.QuestionResult enps = results.questions().get(0);
        // answers 0..10 then 0..4 again
        assertThat(enps.counts()).containsExactly(2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1);
        assertThat(enps.enps()).isEqualTo(new SurveyResults.Enps(-62, 2, 2, 12));
        assertThat(results.questions().get(2).counts()).containsExactly(8, 8);
        assertThat(results.questions()).hasSize(3); // the text question is comments, not a chart
        assertThat(results.trend())
                .extracting(SurveyResults.TrendPoint::period)
                .containsExactly("2026-W48", "2026-W49");
        assertThat(results.trend().get(0).averages()).containsEntry("enps", 6.0).containsEntry("workload", 2.0);
        assertThat(results.commentCount()).isEqualTo(COMMENTS.size()).isEqualTo(11);
        assertThat(results.comments())
                .as("a message's worth, picked at random")
                .hasSize(ResultsMessages.SHOWN_COMMENTS)
                .extracting(ShownComment::text)
                .isSubsetOf(COMMENTS)
                .doesNotHaveDuplicates();

        Message message = message(hana, "results December pulse");
        assertThat(message.blocks()).filteredOn(Block.Image.class::isInstance).hasSize(4);
        assertThat(text(message))
                .contains(
                        "16 of 16 answered (100%)",
                        "eNPS -62: 2 promoters, 2 passives, 12 detractors",
                        "1 more comment is left out of this message.");
    }

    @Test
    void breakdownsShowNoGroupUnderTheMinimumAndNothingThatSubtractionWouldIsolate() {
        SurveyResults results = read(hana, "December pulse");

        BreakdownResult departments = results.breakdowns().stream()
                .filter(breakdown -> breakdown.breakdown() == Breakdown.DEPARTMENT)
                .findFirst()
                .orElseThrow();
        assertThat(departments.groups()).extracting(GroupResult::name).containsExactly("Sales");
        for (BreakdownResult breakdown : results.breakdowns()) {
            int shown =
                    breakdown.groups().stream().mapToInt(GroupResult::answers).sum();
            assertThat(breakdown.groups()).allSatisfy(group -> {
                assertThat(group.answers()).isGreaterThanOrEqualTo(5);
                assertThat(safe(results.answers() - group.answers())).isTrue();
            });
            assertThat(safe(results.answers() - shown))
                    .as("the round minus every shown " + breakdown.breakdown())
                    .isTrue();
        }
        String text = text(message(hana, "results December pulse"));
        assertThat(text).contains("Sales (8 answers)").doesNotContain("Legal").doesNotContain("Support (");
        assertThat(new String(ResultsCsv.write(results), StandardCharsets.UTF_8))
                .contains("breakdown:department,,Sales,answers,8")
                .doesNotContain("Legal")
                .doesNotContain("Support");
    }

    @Test
    void aRoundUnderTheMinimumShowsOnlyHowManyAnswered() {
        Message message = message(hana, "results Tiny pulse");

        assertThat(text(message)).contains("4 answers so far; results show from 5.");
        assertThat(message.blocks()).noneMatch(Block.Image.class::isInstance).noneMatch(Block.Quote.class::isInstance);
    }

    @Test
    void aManagerSeesTheirOwnOrganisationAndNobodyElseSeesAnything() {
        SurveyResults omarsView = read(omar, "December pulse");
        assertThat(omarsView.shown()).isTrue();
        assertThat(omarsView.answers()).isEqualTo(8);
        assertThat(omarsView.breakdowns()).isEmpty();
        assertThat(omarsView.questions().get(1).total()).isEqualTo(8);
        List<String> organisation = jdbi.withExtension(PulseResultsDao.class, dao -> dao.listOrganisation(orgId, omar));
        assertThat(organisation)
                .containsExactlyInAnyOrderElementsOf(List.of(
                        Long.toString(omar),
                        Long.toString(omars.get(0)),
                        Long.toString(omars.get(1)),
                        Long.toString(omars.get(2)),
                        Long.toString(omars.get(3)),
                        Long.toString(omars.get(4)),
                        Long.toString(omars.get(5)),
                        Long.toString(omars.get(6)),
                        Long.toString(omars.get(7))));

        assertThat(text(message(omar, "results December pulse"))).contains("Your organisation");
        assertThat(reply(employee, "results December pulse")).isEqualTo(Reply.privately(PulseResultsCommands.REFUSED));
    }

    @Test
    void exportIsForHrAndHoldsCountsNotPeople() {
        assertThat(text(((Reply.Private) reply(mira, "export December pulse")).message()))
                .contains("Exports are for HR admins");
        Reply done = reply(hana, "export December pulse");

        assertThat(text(((Reply.Private) done).message())).contains("direct message with the download link");
        String csv = new String(ResultsCsv.write(read(hana, "December pulse")), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("section,question,group,label,value\r\n")
                .contains("distribution,How likely are you to recommend working here?,,0,2")
                .contains("enps,How likely are you to recommend working here?,,score,-62")
                .doesNotContain("Comment number");
        String dm = jdbi.withHandle(
                handle -> handle.select("SELECT payload::text FROM outbox WHERE idempotency_key LIKE 'pulse-export:%'")
                        .mapTo(String.class)
                        .one());
        assertThat(dm).contains("https://candor.example.com/files/").contains("pulse-");
    }

    /** No answers, or at least the minimum: what subtracting two outputs may leave. */
    private static boolean safe(int difference) {
        return difference == 0 || difference >= 5;
    }

    private static List<Long> people(int count, String department, long manager, String location) {
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(
                    fixture.person(department + i, Role.EMPLOYEE, department, manager, location, Platform.SLACK, null));
        }
        return people;
    }

    private static SurveyResults read(long person, String survey) {
        Actor actor = actor(person);
        Scope scope = actor.isHrAdmin()
                ? Scope.wholeOrganisation()
                : Scope.organisation(
                        jdbi.withExtension(PulseResultsDao.class, dao -> dao.listOrganisation(orgId, person)));
        return new ResultsReader(jdbi)
                .read(
                        orgId,
                        jdbi.withExtension(PulseResultsDao.class, dao -> dao.findSurvey(orgId, survey))
                                .orElseThrow(),
                        scope)
                .orElseThrow();
    }

    private static Message message(long person, String text) {
        return ((Reply.Private) reply(person, text)).message();
    }

    private static Reply reply(long person, String text) {
        return commands.handle(new Command(
                actor(person),
                new ConversationRef(Platform.SLACK, "C0HR", ConversationKind.CHANNEL, null),
                "pulse",
                text,
                List.of(),
                "slack:trigger:" + System.nanoTime()));
    }

    private static Actor actor(long person) {
        Role role = person == hana ? Role.HR_ADMIN : person == mira || person == omar ? Role.MANAGER : Role.EMPLOYEE;
        return new Actor(
                orgId, "T0PULSE", person, Platform.SLACK, "U" + person, "P", role, ZoneId.of("UTC"), Locale.ENGLISH);
    }

    private static String text(Message message) {
        return message.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
