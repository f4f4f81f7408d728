package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.plan.PlanNudges;
import dev.candor.scheduler.plan.PlanReminderJob;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * An improvement plan in Teams, from JWT-signed activities and a clock the test moves: Mo writes one for Ana from the
 * form card; Ana acknowledges and comments from her card; Gil, another manager and HR of another tenant see nothing;
 * the sweep reminds Mo before the check-in, asks for notes after it and for the outcome at the end; Mo ends the plan
 * and nothing more is sent. The steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsPlanTest {
    private static final List<String> PEOPLE = List.of("hana", "mo", "ana", "gil", "zoe");
    /** Monday 4 January 2027, 11:00 in Berlin. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-01-04T10:00:00Z"));

    private static final String OTHER_TENANT = "0b0b0b0b-1111-2222-3333-444444444444";

    private static TeamsServer teams;
    private static TeamsChat chat;
    private static PlanReminderJob sweep;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(clock);
        chat = new TeamsChat(teams, PEOPLE);
        for (String person : PEOPLE) {
            teams.post(chat.says(person, "help").json());
        }
        teams.post(mallory("help").json());
        teams.awaitOutboxIdle();
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'hr_admin' WHERE name IN ('Hana', 'Mallory')");
            handle.execute("UPDATE people SET role = 'manager' WHERE name IN ('Mo', 'Zoe')");
            handle.execute("UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Mo')"
                    + " WHERE name IN ('Ana', 'Gil')");
        });
        sweep = PlanReminderJob.on(teams.jdbi(), clock, new PlanNudges());
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
    void moWritesAPlanForAnaFromTheFormCardAndAnaAndHrAreTold() throws Exception {
        Goldens.assertMatches("plan-help.json", chat.reply(chat.says("ana", "candor plan help")));
        assertThat(chat.reply(newPlan("gil")).toString()).contains("Only Ana's manager or an HR admin");
        JsonNode form = chat.reply(newPlan("mo"));
        Goldens.assertMatches("plan-new-form.json", form);
        JsonNode wrong = chat.answer(chat.submits("mo", asFilled(form, Map.of("ends_on", "2027-01-01"))));
        assertThat(wrong.toString()).contains("Write at least one goal", "It ends after it starts");

        JsonNode started = chat.answer(chat.submits(
                "mo",
                asFilled(
                        form,
                        Map.of(
                                "goal_1", "Review pull requests within two working days",
                                "measure_1", "9 of 10 reviews within two days"))));
        Goldens.assertMatches("plan-started.json", started);
        assertThat(started.toString()).contains("Started improvement plan #1 for Ana");
        JsonNode dm = chat.awaitDm("ana", "has started an improvement plan with you");
        Goldens.assertMatches("plan-employee-dm.json", dm);
        assertThat(dm.toString()).contains("plan.ack", "plan.comment");
        Goldens.assertMatches("plan-hr-copy.json", chat.awaitDm("hana", "started improvement plan #1 for Ana"));
        assertThat(chat.dms("gil")).isEmpty();
        assertThat(chat.dms("zoe")).isEmpty();
    }

    @Test
    @Order(2)
    void anaAcknowledgesAndCommentsFromHerCard() throws Exception {
        assertThat(chat.answer(chat.presses("ana", "plan.ack", "1")).toString())
                .contains("You acknowledged improvement plan #1");
        chat.awaitDm("mo", "Ana acknowledged improvement plan #1");
        JsonNode form = chat.answer(chat.presses("ana", "plan.comment", "1"));
        Goldens.assertMatches("plan-comment-form.json", form);
        assertThat(chat.answer(chat.submits("ana", Cards.filledIn(form, Map.of("text", "I need help with goal 1"))))
                        .toString())
                .contains("Your comment is kept with improvement plan #1");
        assertThat(chat.awaitDm("mo", "Ana commented on improvement plan #1").toString())
                .contains("I need help with goal 1");
    }

    @Test
    @Order(3)
    void onlyAnaMoAndHrSeeThePlan() throws Exception {
        JsonNode shown = chat.reply(chat.says("hana", "candor plan show 1"));
        Goldens.assertMatches("plan-show.json", shown);
        assertThat(shown.toString()).contains("Improvement plan #1 · Ana", "I need help with goal 1");
        assertThat(chat.reply(chat.says("ana", "candor plan show 1")).toString())
                .contains("Improvement plan #1 · Ana");
        Goldens.assertMatches("plan-list.json", chat.reply(chat.says("mo", "candor plan list")));

        String none = "There is no improvement plan #1 that you can see. @Candor candor plan list shows yours.";
        for (String outsider : List.of("gil", "zoe")) {
            assertThat(chat.reply(chat.says(outsider, "candor plan show 1")).toString())
                    .contains(none)
                    .doesNotContain("Review pull requests");
            assertThat(chat.answer(chat.presses(outsider, "plan.show", "1")).toString())
                    .contains(none);
            assertThat(chat.answer(chat.presses(outsider, "plan.comment", "1")).toString())
                    .contains(none);
            assertThat(chat.reply(chat.says(outsider, "candor plan list")).toString())
                    .contains("There are no improvement plans you can see.");
        }
        assertThat(chat.reply(chat.says("gil", "candor plan show 99")).toString())
                .contains(none.replace("#1", "#99"));
        teams.microsoft.reset();
        teams.post(mallory("candor plan show 1").json());
        assertThat(teams.microsoft.replies()).hasSize(1);
        assertThat(Cards.of(teams.microsoft.replies().get(0)).toString()).contains(none);
        teams.microsoft.reset();
        teams.post(mallory("candor plan list").json());
        assertThat(Cards.of(teams.microsoft.replies().get(0)).toString()).contains("No improvement plans are open.");
    }

    @Test
    @Order(4)
    void theSweepRemindsMoAsksForNotesAndForTheOutcomeOnceAndNothingAfterTheEnd() throws Exception {
        clock.set(Instant.parse("2027-02-02T08:05:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).isZero();
        Goldens.assertMatches("plan-checkin-reminder.json", chat.awaitDm("mo", "Check-in on Wednesday 3 February"));

        clock.set(Instant.parse("2027-02-04T08:05:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).isZero();
        Goldens.assertMatches("plan-notes-ask.json", chat.awaitDm("mo", "How did the check-in of Wednesday"));
        JsonNode form = chat.answer(chat.presses("mo", "plan.note", "1:2027-02-03"));
        Goldens.assertMatches("plan-note-form.json", form);
        assertThat(chat.answer(chat.submits("mo", Cards.filledIn(form, Map.of("text", "Reviews at 7 of 10"))))
                        .toString())
                .contains("Your notes of the check-in of Wed 3 Feb 2027 are kept");
        assertThat(chat.answer(chat.presses("ana", "plan.note", "1:2027-02-03")).toString())
                .contains("Follow-up notes are your manager's");

        // the second check-in and its notes, then the end: Monday 5 April, 09:05 in Berlin
        clock.set(Instant.parse("2027-03-08T08:05:00Z"));
        assertThat(sweep.sweep()).as("the reminder was missed; the notes ask").isEqualTo(1);
        clock.set(Instant.parse("2027-04-05T07:05:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        JsonNode ask = chat.awaitDm("mo", "what is the outcome?");
        Goldens.assertMatches("plan-outcome-ask.json", ask);
        JsonNode extend = chat.answer(chat.presses("mo", "plan.extend", "1"));
        Goldens.assertMatches("plan-extend-form.json", extend);

        teams.microsoft.reset();
        assertThat(chat.answer(chat.presses("mo", "plan.outcome", "1:ended")).toString())
                .contains("Improvement plan #1 for Ana is ended");
        assertThat(chat.awaitDm("ana", "is ended").toString()).contains("Mo, Mon 5 Apr 2027");
        chat.awaitDm("hana", "is ended");
        clock.set(Instant.parse("2027-04-06T07:05:00Z"));
        assertThat(sweep.sweep()).as("nothing for a closed plan").isZero();
        assertThat(chat.answer(chat.presses("mo", "plan.outcome", "1:completed"))
                        .toString())
                .contains("is closed already");
    }

    private static TestActivity newPlan(String person) {
        return chat.says(person, "candor plan new <at>Ana</at>").mention("29:ana", "Ana");
    }

    private static TestActivity mallory(String text) {
        return TestActivity.message(teams.microsoft.serviceUrl(), text)
                .from("29:mallory", "Mallory", "00000000-0000-4000-8000-0000000000ff")
                .inPersonalChat("a:dm-mallory")
                .timezone("Europe/Berlin")
                .tenant(OTHER_TENANT);
    }

    /** What Teams sends: every input's value as the card shows it, changed where {@code changes} says. */
    private static ObjectNode asFilled(JsonNode card, Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode element : card.path("body")) {
            if (element.has("id") && element.has("value")) {
                values.put(element.path("id").asText(), element.path("value").asText());
            }
        }
        values.putAll(changes);
        return Cards.filledIn(card, values);
    }
}
