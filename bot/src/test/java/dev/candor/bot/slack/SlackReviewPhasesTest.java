package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.review.ReviewCycleDays;
import dev.candor.bot.review.ReviewSummaries;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.review.ReviewRounds;
import dev.candor.scheduler.review.ReviewSummaryJob;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A whole review cycle in Slack, from creation to sharing, with a clock the test moves through its phases: HR starts
 * it with every phase; Ana proposes peers (not herself, not her manager) and Mo approves some and adds one; the
 * approved peers, and only they, review her with the evidence a colleague may see; Mo reviews her with his 1:1
 * action items and what was for him alone; Ana can't read that review until Mo shares it in the sharing phase; then
 * she reads it with his note and acknowledges it with a comment. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackReviewPhasesTest {
    /** Monday 4 January 2027, 09:00 in Berlin. */
    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");

    private static final String CYCLE = "2027 mid-year";
    private static final MutableClock clock = new MutableClock(START);
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackChat chat;
    private static RoundSeriesJob series;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                database,
                new Candor.Options(clock, DeliveryConfig.defaults(), null));
        chat = new SlackChat(slack, new SlackClient(candor.port()), clock);
        series = new RoundSeriesJob(
                database.jdbi(), clock, List.of(new ReviewRounds(candor.asking().rounds())));
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        long hana = SlackPeople.insert(database, orgId, "Hana", null, "hr_admin", "People", "2020-01-06");
        long mo = SlackPeople.insert(database, orgId, "Mo", hana, "manager", "Sales", "2021-05-03");
        for (String name : List.of("Ana", "Gil", "Li")) {
            SlackPeople.insert(database, orgId, name, mo, "employee", "Sales", "2024-03-01");
        }
        for (String name : List.of("Hana", "Mo", "Ana", "Gil", "Li")) {
            slack.user("U0" + name.toUpperCase(), name, name.toLowerCase() + "@acme.test", "Europe/Berlin", false);
        }
        await("Candor answers commands")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> review("help", "U0ANA").toString().contains("/candor review new"));
        for (String name : List.of("Hana", "Mo", "Gil", "Li")) {
            review("help", "U0" + name.toUpperCase());
        }
        // what Ana's half-year left: feedback from Li for Mo alone, and an action item of Mo's 1:1s with her
        database.jdbi().useHandle(handle -> {
            handle.execute("INSERT INTO feedback (org_id, giver_id, recipient_id, manager_id, visibility, body,"
                    + " created_at) SELECT g.org_id, g.id, a.id, a.manager_id, 'manager_only', 'She rushes the"
                    + " handovers', '2026-09-10T09:00:00Z' FROM people g, people a WHERE g.name = 'Li'"
                    + " AND a.name = 'Ana'");
            handle.execute("INSERT INTO one_on_ones (org_id, manager_id, report_id, every_weeks, weekday, local_time,"
                    + " zone, occurrence, next_event_at) SELECT a.org_id, a.manager_id, a.id, 2, 2, '10:00',"
                    + " 'Europe/Berlin', '2030-01-08T10:00', '2030-01-07T09:00Z' FROM people a"
                    + " WHERE a.name = 'Ana'");
            handle.execute("INSERT INTO one_on_one_items (org_id, one_on_one_id, kind, text, owner_id, added_by,"
                    + " occurrence, created_at) SELECT o.org_id, o.id, 'action', 'Write the handover checklist',"
                    + " o.report_id, o.manager_id, '2026-10-06T10:00', '2026-10-06T10:30Z' FROM one_on_ones o");
        });
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void hrStartsACycleWithEveryPhaseAndTheFormRefusesAPeerReviewWithoutItsNomination() throws Exception {
        JsonNode form =
                chat.openedView(chat.command("candor", "review new", "U0HANA").trigger());
        JsonNode wrong = chat.submitAs(
                "U0HANA",
                form,
                Map.of(
                        "name", CYCLE,
                        "peer_opens", "2027-01-07",
                        "peer_due", "2027-01-13",
                        "sharing_opens", "2027-01-18",
                        "sharing_due", "2027-01-22"));
        assertThat(wrong.path("errors").path("peers_opens").asText()).contains("Peer reviews need both");
        assertThat(wrong.path("errors").path("sharing_opens").asText()).contains("Sharing shares the manager review");
        JsonNode started = chat.submitAs("U0HANA", form, ReviewCycleDays.everyPhase(CYCLE));
        assertThat(started.path("response_action").asText()).as("%s", started).isEqualTo("update");
        Golden.assertMatches("review-started-phases", started.get("view"));
        assertThat(started.toString())
                .contains(
                        "Everyone proposes peer reviewers, whom their manager approves, from Mon 4 Jan 2027 (now) to"
                                + " Wed 6 Jan 2027",
                        "The approved peers review them from Thu 7 Jan 2027 to Wed 13 Jan 2027",
                        "Managers share their reviews, which each person acknowledges, from Mon 18 Jan 2027 to"
                                + " Fri 22 Jan 2027");
        sweep();
        assertThat(chat.awaitDm("D0ANA", "Peer nomination: " + CYCLE).toString())
                .as("one DM with what Ana has to do this morning, each with its button")
                .contains("2 for you to answer", "Self review: " + CYCLE, "ask.answer");
        assertThat(chat.dmTexts("D0ANA")).hasSize(1);
        assertThat(rows("SELECT count(*)::text FROM rounds WHERE subject LIKE '%:peers'"))
                .containsExactly("1");
    }

    @Test
    @Order(2)
    void anaProposesPeersButNeitherHerselfNorHerManager() throws Exception {
        JsonNode form = chat.openedView(chat.press("U0ANA", "ask.answer", ask("peers", null, "Ana"), "ana-nominates"));
        Golden.assertMatches("review-nomination-form", Golden.withoutMetadata(form));
        assertThat(form.toString()).contains("Colleagues to review you", "Why these colleagues?");

        JsonNode herself = chat.submitAs("U0ANA", form, Map.of("review_peers", "U0GIL,U0ANA"));
        assertThat(herself.path("errors").path("review_peers").asText()).contains("other than yourself");
        JsonNode manager = chat.submitAs("U0ANA", form, Map.of("review_peers", "U0GIL,U0MO"));
        assertThat(manager.path("errors").path("review_peers").asText()).contains("not the manager");
        assertThat(rows("SELECT count(*)::text FROM review_peers")).containsExactly("0");

        JsonNode saved =
                chat.submitAs("U0ANA", form, Map.of("review_peers", "U0GIL,U0LI", "q1", "We shipped billing together"));
        assertThat(saved.path("response_action").asText()).as("%s", saved).isEqualTo("update");
        assertThat(rows("SELECT p.name || ' by ' || b.name || ' ' || coalesce(rp.approved::text, 'undecided')"
                        + " FROM review_peers rp JOIN people p ON p.id = rp.peer_id JOIN people b"
                        + " ON b.id = rp.proposed_by ORDER BY p.name"))
                .containsExactly("Gil by Ana undecided", "Li by Ana undecided");

        ReviewSummaryJob summaries = new ReviewSummaryJob(
                database.jdbi(), clock, new WorkingTimeLoader(database.jdbi(), clock), new ReviewSummaries());
        assertThat(summaries.sweep())
                .as("one for Mo (Ana, Gil, Li), one for Hana (Mo)")
                .isEqualTo(2);
        assertThat(summaries.sweep()).as("once a week").isZero();
        JsonNode summary = chat.awaitDm("D0MO", "did their peer nomination");
        Golden.assertMatches("review-summary-phases", summary);
        assertThat(summary.toString())
                .contains(
                        "0 of 3 of your reports did their self review",
                        "1 of 3 of your reports did their peer nomination")
                .contains("Done: Ana");
        assertThat(chat.dmTexts("D0MO").stream().filter(text -> text.contains("of your reports did their")))
                .as("one DM for both phases")
                .hasSize(1);
    }

    @Test
    @Order(3)
    void moApprovesGilLeavesLiOutAndAddsHana() throws Exception {
        sweep();
        JsonNode dm = chat.awaitDm("D0MO", "Approve the peer reviewers of Ana");
        assertThat(dm.toString()).contains("ask.answer");
        JsonNode form = chat.openedView(chat.press("U0MO", "ask.answer", ask("peers", "Ana", "Mo"), "mo-approves"));
        Golden.assertMatches("review-approval-form", Golden.withoutMetadata(form));
        assertThat(form.toString()).contains("Ana proposed*: Gil, Li", "We shipped billing together", "Peer reviewers");
        assertThat(chat.press("U0GIL", "ask.answer", ask("peers", "Ana", "Mo"), "gil-not-his"))
                .isNotNull();
        await("Gil may not approve Ana's peers")
                .atMost(Duration.ofSeconds(10))
                .until(() -> String.join(" ", slack.responses("gil-not-his")).contains("sent to someone else"));

        JsonNode saved = chat.submitAs("U0MO", form, Map.of("review_peers", "U0GIL,U0HANA"));
        assertThat(saved.path("response_action").asText()).as("%s", saved).isEqualTo("update");
        assertThat(rows("SELECT p.name || ' by ' || b.name || ' ' || rp.approved || ' decided by ' || d.name"
                        + " FROM review_peers rp JOIN people p ON p.id = rp.peer_id JOIN people b"
                        + " ON b.id = rp.proposed_by JOIN people d ON d.id = rp.decided_by ORDER BY p.name"))
                .containsExactly(
                        "Gil by Ana true decided by Mo",
                        "Hana by Mo true decided by Mo",
                        "Li by Ana false decided by Mo");
        JsonNode told = chat.awaitDm("D0ANA", "Your peer reviewers for " + CYCLE);
        Golden.assertMatches("review-peers-approved", told);
        assertThat(told.toString()).contains("Gil, Hana").doesNotContain("Li");
    }

    @Test
    @Order(4)
    void onThursdayTheApprovedPeersReviewHerWithWhatAColleagueMaySee() throws Exception {
        clock.set(Instant.parse("2027-01-07T08:05:00Z"));
        assertThat(series.sweep()).as("the peer and the manager review").isEqualTo(2);
        sweep();
        assertThat(rows("SELECT p.name FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people p"
                        + " ON p.id = a.person_id WHERE r.subject LIKE '%:peer:%' ORDER BY p.name"))
                .as("Gil and Hana, approved; not Li")
                .containsExactly("Gil", "Hana");
        assertThat(chat.awaitDm("D0GIL", "Peer review of Ana").toString()).contains("ask.answer");
        JsonNode reviews = chat.awaitDm("D0MO", "3 for you to answer");
        Golden.assertMatches("review-manager-asks", reviews);
        assertThat(reviews.toString())
                .contains("Manager review of Ana: ", "Manager review of Gil: ", "Manager review of Li: ");
        assertThat(chat.dmTexts("D0MO").stream().filter(text -> text.contains("Manager review of")))
                .as("one DM listing Mo's three reviews, not one per report")
                .hasSize(1);
        assertThat(chat.dmTexts("D0LI")).noneMatch(text -> text.contains("Peer review of Ana"));

        assertThat(review("", "U0HANA").toString())
                .as("Hana has three things to do: her self review, a peer review, a manager review")
                .contains("3 for you to answer", "Self review: ", "Peer review of Ana: ", "Manager review of Mo: ");
        JsonNode form = chat.openedView(chat.press("U0GIL", "ask.answer", ask("peer", "Ana", "Gil"), "gil-peer"));
        Golden.assertMatches("review-peer-form", Golden.withoutMetadata(form));
        assertThat(form.toString())
                .contains("What their Wed 1 Jul 2026 to Thu 31 Dec 2026 left in Candor")
                .doesNotContain("She rushes the handovers")
                .doesNotContain("Write the handover checklist")
                .doesNotContain("check-ins answered");
        JsonNode saved = chat.submitAs(
                "U0GIL", form, Map.of("q1", "5", "q2", "Clear handovers of billing", "q3", "More pairing"));
        assertThat(saved.path("response_action").asText()).as("%s", saved).isEqualTo("update");
    }

    @Test
    @Order(5)
    void moReviewsHerWithHisActionItemsAndSheCannotReadItBeforeItIsShared() throws Exception {
        JsonNode first = chat.openedView(chat.press("U0MO", "ask.answer", ask("manager", "Ana", "Mo"), "mo-drafts"));
        assertThat(first.path("notify_on_close").asBoolean())
                .as("long answers keep a draft")
                .isTrue();
        // Mo starts, closes the form to check something, and finds what he typed when he opens it again
        chat.closeAs("U0MO", first, Map.of("q2", "Shipped the billing migration, half"));
        assertThat(rows("SELECT count(*)::text FROM ask_drafts")).containsExactly("1");
        JsonNode form = chat.openedView(chat.press("U0MO", "ask.answer", ask("manager", "Ana", "Mo"), "mo-review"));
        assertThat(form.toString())
                .contains("Your draft is filled in", "Shipped the billing migration, half")
                .contains("She rushes the handovers")
                .contains("Action items from your 1:1s", "Write the handover checklist (Ana, 6 Oct, open)");
        chat.closeAs("U0GIL", first, Map.of("q2", "Gil's words"));
        assertThat(rows("SELECT draft::text FROM ask_drafts"))
                .as("nobody keeps a draft of someone else's ask")
                .noneMatch(draft -> draft.contains("Gil's words"));
        JsonNode saved = chat.submitAs(
                "U0MO", form, Map.of("q1", "4", "q2", "Shipped the billing migration", "q3", "Handovers", "q4", "4"));
        assertThat(saved.path("response_action").asText()).as("%s", saved).isEqualTo("update");
        assertThat(rows("SELECT count(*)::text FROM ask_drafts"))
                .as("sent: no draft")
                .containsExactly("0");

        String hers = chat.openedView(chat.command("candor", "review", "U0ANA").trigger())
                .toString();
        assertThat(hers)
                .contains("Self review: " + CYCLE)
                .doesNotContain("Shipped the billing migration")
                .doesNotContain("Write the handover checklist")
                .doesNotContain("She rushes the handovers");
    }

    @Test
    @Order(6)
    void inTheSharingPhaseMoSharesHisReviewWithANoteAndAnaAcknowledgesIt() throws Exception {
        clock.set(Instant.parse("2027-01-18T08:05:00Z"));
        assertThat(series.sweep()).isEqualTo(1);
        sweep();
        assertThat(rows("SELECT count(*)::text FROM rounds WHERE subject LIKE '%:sharing:%'"))
                .as("only the review Mo wrote is shared")
                .containsExactly("1");
        assertThat(chat.awaitDm("D0MO", "Share your review of Ana").toString()).contains("ask.answer");
        JsonNode share = chat.openedView(chat.press("U0MO", "ask.answer", ask("sharing", "Ana", "Mo"), "mo-shares"));
        Golden.assertMatches("review-share-form", Golden.withoutMetadata(share));
        assertThat(share.toString()).contains("Review by Mo", "Shipped the billing migration", "4 of 5");
        JsonNode shared = chat.submitAs("U0MO", share, Map.of("q1", "Let us talk it through on Tuesday"));
        assertThat(shared.path("response_action").asText()).as("%s", shared).isEqualTo("update");

        sweep();
        assertThat(chat.awaitDm("D0ANA", "Your manager's review: " + CYCLE).toString())
                .contains("ask.answer");
        assertThat(chat.dmTexts("D0GIL")).noneMatch(text -> text.contains("Your manager's review"));
        JsonNode ack = chat.openedView(chat.press("U0ANA", "ask.answer", ackAsk(), "ana-acks"));
        Golden.assertMatches("review-acknowledge-form", Golden.withoutMetadata(ack));
        assertThat(ack.toString())
                .contains("Shipped the billing migration", "Let us talk it through on Tuesday", "I have read my review")
                .doesNotContain("She rushes the handovers")
                .doesNotContain("Clear handovers of billing");
        JsonNode acknowledged =
                chat.submitAs("U0ANA", ack, Map.of("q1", "yes", "q2", "Fair; I want more billing work"));
        assertThat(acknowledged.path("response_action").asText())
                .as("%s", acknowledged)
                .isEqualTo("update");
        JsonNode toMo = chat.awaitDm("D0MO", "Ana acknowledged your review");
        Golden.assertMatches("review-acknowledged", toMo);
        assertThat(toMo.toString()).contains("Fair; I want more billing work");

        assertThat(review("status " + CYCLE, "U0HANA").toString())
                .contains("*Peer nomination*", "*Peer review*", "*Sharing*", "2 of 2 done");
        assertThat(rows("SELECT p.name || ' ' || a.state FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people p"
                        + " ON p.id = a.person_id WHERE r.subject LIKE '%:sharing:%' ORDER BY r.subject"))
                .as("who shared and who acknowledged, kept by the engine with when")
                .containsExactly("Mo answered", "Ana answered");
    }

    /** The ask of a phase's round, about a person (null: the round of everyone), sent to another. */
    private static String ask(String kind, String about, String asked) {
        return rows("SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people p"
                        + " ON p.id = a.person_id LEFT JOIN people s ON s.id = CAST(NULLIF(split_part(r.subject,"
                        + " ':', 3), '') AS bigint) WHERE split_part(r.subject, ':', 2) = '" + kind + "'"
                        + " AND r.subject NOT LIKE '%:ack' AND p.name = '" + asked + "' AND "
                        + (about == null ? "s.id IS NULL" : "s.name = '" + about + "'"))
                .get(0);
    }

    private static String ackAsk() {
        return rows("SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.subject LIKE '%:ack'")
                .get(0);
    }

    private static void sweep() {
        ((AskSweepJob) candor.asking().sweepJob().job()).sweep();
    }

    private static JsonNode review(String text, String user) throws Exception {
        return chat.command("candor", "review " + text, user).body();
    }

    private static List<String> rows(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(String.class).list());
    }
}
