package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.review.ReviewCycleDays;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.review.ReviewRounds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A whole review cycle in Teams, from creation to sharing, from JWT-signed activities and a clock the test moves:
 * Ana proposes peers from her card, Mo approves Gil and adds Hana, the approved peers alone are asked, Mo's review is
 * hidden from Ana until he shares it with a note in the sharing phase, and Ana acknowledges it with a comment, which
 * Mo is told. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsReviewPhasesTest {
    private static final List<String> PEOPLE = List.of("hana", "mo", "ana", "gil", "li");
    private static final String CYCLE = "2027 mid-year";
    /** Monday 4 January 2027, 09:00 in Berlin. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-01-04T08:00:00Z"));

    private static TeamsServer teams;
    private static TeamsChat chat;
    private static RoundSeriesJob series;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(clock);
        chat = new TeamsChat(teams, PEOPLE);
        for (String person : PEOPLE) {
            teams.post(chat.says(person, "help").json());
        }
        teams.awaitOutboxIdle();
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'hr_admin', department = 'People' WHERE name = 'Hana'");
            handle.execute("UPDATE people SET role = 'manager', department = 'Sales',"
                    + " manager_id = (SELECT id FROM people WHERE name = 'Hana') WHERE name = 'Mo'");
            handle.execute("UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Mo'),"
                    + " department = 'Sales' WHERE name IN ('Ana', 'Gil', 'Li')");
        });
        series = new RoundSeriesJob(
                teams.jdbi(),
                clock,
                List.of(new ReviewRounds(teams.candor.asking().rounds())));
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
    @Order(1)
    void hanaStartsACycleWithEveryPhaseAndAnaProposesHerPeersFromHerCard() throws Exception {
        JsonNode form = chat.reply(chat.says("hana", "candor review new"));
        JsonNode started = chat.answer(chat.submits("hana", Cards.asFilled(form, ReviewCycleDays.everyPhase(CYCLE))));
        assertThat(started.toString())
                .contains("The approved peers review them from Thu 7 Jan 2027 to Wed 13 Jan 2027");
        sweep();
        chat.awaitDm("ana", "Peer nomination: " + CYCLE);

        JsonNode nominate = chat.answer(chat.presses("ana", "ask.answer", ask("peers", null, "Ana")));
        Goldens.assertMatches("review-nomination-form.json", nominate);
        JsonNode herself = chat.answer(chat.submits(
                "ana", Cards.filledIn(nominate, Map.of("review_peers", chat.aad("gil") + "," + chat.aad("ana")))));
        assertThat(herself.toString()).contains("Pick colleagues other than yourself");
        JsonNode saved = chat.answer(chat.submits(
                "ana",
                Cards.filledIn(
                        nominate,
                        Map.of(
                                "review_peers",
                                chat.aad("gil") + "," + chat.aad("li"),
                                "q1",
                                "We shipped billing together"))));
        assertThat(saved.toString()).contains("Answered ✓");
    }

    @Test
    @Order(2)
    void moApprovesGilAndAddsHanaAndOnlyTheyReviewAna() throws Exception {
        sweep();
        chat.awaitDm("mo", "Approve the peer reviewers of Ana");
        JsonNode approve = chat.answer(chat.presses("mo", "ask.answer", ask("peers", "Ana", "Mo")));
        Goldens.assertMatches("review-approval-form.json", approve);
        assertThat(approve.toString()).contains("Gil, Li", "We shipped billing together");
        JsonNode saved = chat.answer(chat.submits(
                "mo", Cards.filledIn(approve, Map.of("review_peers", chat.aad("gil") + "," + chat.aad("hana")))));
        assertThat(saved.toString()).contains("Answered ✓");
        assertThat(chat.awaitDm("ana", "Your peer reviewers for " + CYCLE).toString())
                .contains("Gil, Hana");

        clock.set(Instant.parse("2027-01-07T08:05:00Z"));
        assertThat(series.sweep()).isEqualTo(2);
        sweep();
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT p.name FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people p"
                                + " ON p.id = a.person_id WHERE r.subject LIKE '%:peer:%' ORDER BY p.name"))
                .containsExactly("Gil", "Hana");
        JsonNode peer = chat.answer(chat.presses("gil", "ask.answer", ask("peer", "Ana", "Gil")));
        Goldens.assertMatches("review-peer-form.json", peer);
        assertThat(peer.toString()).contains("Peer review of Ana: " + CYCLE, "What their");
        assertThat(chat.answer(chat.presses("li", "ask.answer", ask("peer", "Ana", "Gil")))
                        .toString())
                .contains("sent to someone else");
    }

    @Test
    @Order(3)
    void moSharesHisReviewInTheSharingPhaseAndAnaAcknowledgesIt() throws Exception {
        JsonNode first = chat.answer(chat.presses("mo", "ask.answer", ask("manager", "Ana", "Mo")));
        JsonNode draft = chat.answer(chat.submits(
                "mo", Cards.filledIn(first, "Save draft", Map.of("q2", "Shipped the billing migration, half"))));
        assertThat(draft.toString()).contains("Your draft is filled in", "Shipped the billing migration, half");
        JsonNode review = chat.answer(chat.presses("mo", "ask.answer", ask("manager", "Ana", "Mo")));
        Goldens.assertMatches("review-manager-draft.json", review);
        assertThat(review.toString()).contains("Shipped the billing migration, half", "Save draft");
        assertThat(review.toString())
                .as("a draft may leave the ratings for later: Teams must not refuse it, Candor checks on Send")
                .doesNotContain("isRequired");
        JsonNode unrated = chat.answer(
                chat.submits("mo", Cards.filledIn(review, Map.of("q2", "Shipped the billing migration", "q4", "4"))));
        assertThat(unrated.toString())
                .as("Send checks what Teams no longer does")
                .contains("Please answer this question.", "Shipped the billing migration");
        JsonNode written = chat.answer(chat.submits(
                "mo",
                Cards.filledIn(
                        review,
                        Map.of("q1", "4", "q2", "Shipped the billing migration", "q3", "Handovers", "q4", "4"))));
        assertThat(written.toString()).contains("Answered ✓");
        assertThat(Rows.strings(teams.jdbi(), "SELECT count(*)::text FROM ask_drafts"))
                .containsExactly("0");
        assertThat(chat.reply(chat.says("ana", "candor review")).toString())
                .contains("Self review: " + CYCLE)
                .doesNotContain("Shipped the billing migration");

        clock.set(Instant.parse("2027-01-18T08:05:00Z"));
        assertThat(series.sweep()).isEqualTo(1);
        sweep();
        chat.awaitDm("mo", "Share your review of Ana");
        JsonNode share = chat.answer(chat.presses("mo", "ask.answer", ask("sharing", "Ana", "Mo")));
        Goldens.assertMatches("review-share-form.json", share);
        assertThat(share.toString()).contains("Review by Mo", "Shipped the billing migration");
        assertThat(chat.answer(chat.submits("mo", Cards.filledIn(share, Map.of("q1", "Let us talk on Tuesday"))))
                        .toString())
                .contains("Answered ✓");

        sweep();
        chat.awaitDm("ana", "Your manager's review: " + CYCLE);
        String ack = Rows.strings(
                        teams.jdbi(),
                        "SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.subject LIKE '%:ack'")
                .get(0);
        JsonNode acknowledge = chat.answer(chat.presses("ana", "ask.answer", ack));
        Goldens.assertMatches("review-acknowledge-form.json", acknowledge);
        assertThat(acknowledge.toString())
                .contains("Shipped the billing migration", "Let us talk on Tuesday", "I have read my review");
        assertThat(chat.answer(chat.submits(
                                "ana", Cards.filledIn(acknowledge, Map.of("q1", "yes", "q2", "Fair, thanks"))))
                        .toString())
                .contains("Answered ✓");
        assertThat(chat.awaitDm("mo", "Ana acknowledged your review").toString())
                .contains("Fair, thanks");
        assertThat(chat.dms("gil")).noneMatch(dm -> dm.toString().contains("Your manager's review"));
    }

    private static String ask(String kind, String about, String asked) {
        return Rows.strings(
                        teams.jdbi(),
                        "SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people p"
                                + " ON p.id = a.person_id LEFT JOIN people s ON s.id = CAST(NULLIF(split_part("
                                + "r.subject, ':', 3), '') AS bigint) WHERE split_part(r.subject, ':', 2) = '" + kind
                                + "' AND r.subject NOT LIKE '%:ack' AND p.name = '" + asked + "' AND "
                                + (about == null ? "s.id IS NULL" : "s.name = '" + about + "'"))
                .get(0);
    }

    private static void sweep() {
        ((AskSweepJob) teams.candor.asking().sweepJob().job()).sweep();
    }
}
