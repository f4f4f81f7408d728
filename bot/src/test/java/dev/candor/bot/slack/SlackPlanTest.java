package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.plan.PlanNudges;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.plan.PlanReminderJob;
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
 * An improvement plan in Slack, from signed requests and a clock the test moves: Mo writes one for his report Ana in
 * the form; Ana and HR are told, Ana acknowledges and comments; only Ana, Mo and HR can see it (not Gil, not another
 * manager, not HR of another workspace); the sweep reminds Mo before each check-in, asks for notes after it and for
 * the outcome at the end, each once; Mo extends the plan, then completes it, and nothing more is sent. The steps
 * build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackPlanTest {
    /** Monday 4 January 2027, 11:00 in Berlin. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-01-04T10:00:00Z"));

    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackChat chat;
    private static PlanReminderJob sweep;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                database,
                new Candor.Options(clock, DeliveryConfig.defaults(), null));
        chat = new SlackChat(slack, new SlackClient(candor.port()), clock);
        sweep = PlanReminderJob.on(database.jdbi(), clock, new PlanNudges());
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        long hana = SlackPeople.insert(database, orgId, "Hana", null, "hr_admin");
        long mo = SlackPeople.insert(database, orgId, "Mo", hana, "manager");
        SlackPeople.insert(database, orgId, "Ana", mo, "employee");
        SlackPeople.insert(database, orgId, "Gil", mo, "employee");
        long zoe = SlackPeople.insert(database, orgId, "Zoe", hana, "manager");
        SlackPeople.insert(database, orgId, "Eve", zoe, "employee");
        for (String name : List.of("Hana", "Mo", "Ana", "Gil", "Zoe", "Eve", "Mallory")) {
            slack.user("U0" + name.toUpperCase(), name, name.toLowerCase() + "@acme.test", "Europe/Berlin", false);
        }
        await("Candor answers commands")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> plan("help", "U0ANA").toString().contains("/candor plan new @person"));
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void onlyTheManagerOrHrStartsAPlanAndTheFormSaysWhatIsWrong() throws Exception {
        Golden.assertMatches("plan-help", plan("help", "U0ANA"));
        assertThat(text(plan("new <@U0ANA|ana>", "U0GIL")))
                .startsWith("Only Ana's manager or an HR admin can write an improvement plan for them");
        assertThat(text(plan("new <@U0ANA|ana>", "U0ZOE"))).startsWith("Only Ana's manager or an HR admin");
        assertThat(text(plan("new <@U0ANA|ana>", "U0ANA"))).contains("not for yourself");
        assertThat(text(plan("new", "U0MO"))).isEqualTo("Say who the plan is for: /candor plan new @person.");

        JsonNode form = chat.openedView(
                chat.command("candor", "plan new <@U0ANA|ana>", "U0MO").trigger());
        Golden.assertMatches("plan-new-form", Golden.withoutMetadata(form));
        JsonNode wrong = chat.submitAs(
                "U0MO", form, Map.of("measure_1", "Every week", "ends_on", "2027-01-04", "checkin_1", "2026-12-01"));
        assertThat(wrong.path("errors").path("goal_1").asText()).contains("Say what the goal is");
        assertThat(wrong.path("errors").path("ends_on").asText()).contains("It ends after it starts");
        assertThat(wrong.path("errors").path("checkin_1").asText()).contains("That day has passed");
        assertThat(rows("SELECT count(*)::text FROM improvement_plans")).containsExactly("0");
    }

    @Test
    @Order(2)
    void moStartsAPlanAnaAndHrAreToldAndAnaAcknowledgesAndComments() throws Exception {
        JsonNode form = chat.openedView(
                chat.command("candor", "plan new <@U0ANA|ana>", "U0MO").trigger());
        JsonNode started = chat.submitAs(
                "U0MO",
                form,
                Map.of(
                        "goal_1", "Review pull requests within two working days",
                        "measure_1", "9 of 10 reviews within two days, each week from week 3",
                        "goal_2", "Estimate each ticket before starting it",
                        "measure_2", "Every ticket in the sprint has an estimate"));
        assertThat(started.path("response_action").asText()).as("%s", started).isEqualTo("update");
        Golden.assertMatches("plan-started", started.get("view"));
        assertThat(started.toString())
                .contains("Started improvement plan #1 for Ana, Mon 4 Jan 2027 to Sun 4 Apr 2027, with check-ins on"
                        + " Wed 3 Feb 2027, Fri 5 Mar 2027");

        JsonNode dm = chat.awaitDm("D0ANA", "has started an improvement plan with you");
        Golden.assertMatches("plan-employee-dm", dm);
        assertThat(dm.toString()).contains("plan.ack", "plan.comment", "9 of 10 reviews within two days");
        JsonNode copy = chat.awaitDm("D0HANA", "started improvement plan #1 for Ana");
        Golden.assertMatches("plan-hr-copy", copy);
        assertThat(copy.toString()).contains("You are copied as an HR admin");
        assertThat(chat.dmTexts("D0GIL")).isEmpty();
        assertThat(chat.dmTexts("D0ZOE")).isEmpty();
        assertThat(text(plan("new <@U0ANA|ana>", "U0HANA")))
                .isEqualTo("Ana has an open improvement plan already: /candor plan show 1.");

        chat.press("U0ANA", "plan.ack", "1", "ana-ack");
        await("Ana is told").until(() -> String.join(" ", slack.responses("ana-ack"))
                .contains("You acknowledged improvement plan #1; Mo is told."));
        assertThat(chat.awaitDm("D0MO", "Ana acknowledged improvement plan #1").toString())
                .contains("plan.show");
        assertThat(text(plan("ack 1", "U0ANA"))).isEqualTo("You acknowledged improvement plan #1 already.");
        assertThat(text(plan("ack 1", "U0MO"))).isEqualTo("Only Ana acknowledges their plan.");

        JsonNode commentForm = chat.openedView(chat.press("U0ANA", "plan.comment", "1", "ana-comment"));
        Golden.assertMatches("plan-comment-form", Golden.withoutMetadata(commentForm));
        assertThat(chat.submitAs("U0ANA", commentForm, Map.of("text", ""))
                        .path("errors")
                        .toString())
                .contains("Write your comment.");
        assertThat(text(plan("comment 1 I would like a pairing session for goal 2", "U0ANA")))
                .contains("Your comment is kept with improvement plan #1", "Mo can read it now");
        assertThat(chat.awaitDm("D0MO", "Ana commented on improvement plan #1").toString())
                .contains("I would like a pairing session for goal 2");
        assertThat(rows("SELECT v.kind || ' ' || p.name FROM improvement_plan_events v JOIN people p"
                        + " ON p.id = v.person_id ORDER BY v.id"))
                .containsExactly("created Mo", "acknowledged Ana", "comment Ana");
    }

    @Test
    @Order(3)
    void onlyAnaHerManagerAndHrSeeThePlanAndEveryoneElseGetsTheSameAnswerAsForNoPlan() throws Exception {
        JsonNode shown = plan("show 1", "U0MO");
        Golden.assertMatches("plan-show", shown);
        assertThat(shown.toString())
                .contains(
                        "Improvement plan #1 · Ana", "acknowledged it", "I would like a pairing session", "plan.note");
        assertThat(plan("show #1", "U0HANA").toString()).contains("Improvement plan #1 · Ana");
        assertThat(plan("show <@U0ANA|ana>", "U0ANA").toString())
                .contains("Improvement plan #1 · Ana")
                .doesNotContain("plan.note", "plan.ack");
        Golden.assertMatches("plan-list", plan("list", "U0HANA"));
        assertThat(plan("list", "U0MO").toString()).contains("#1 Ana");

        String none = text(plan("show 999", "U0GIL"));
        assertThat(none)
                .isEqualTo("There is no improvement plan #999 that you can see. /candor plan list shows yours.");
        for (String outsider : List.of("U0GIL", "U0ZOE", "U0EVE")) {
            assertThat(text(plan("show 1", outsider))).isEqualTo(none.replace("#999", "#1"));
            assertThat(text(plan("comment 1 let me in", outsider))).isEqualTo(none.replace("#999", "#1"));
            assertThat(text(plan("ack 1", outsider))).isEqualTo(none.replace("#999", "#1"));
            assertThat(text(plan("outcome 1 ended", outsider))).isEqualTo(none.replace("#999", "#1"));
            assertThat(text(plan("list", outsider))).isEqualTo("There are no improvement plans you can see.");
            assertThat(text(plan("show <@U0ANA|ana>", outsider)))
                    .isEqualTo("Ana has no improvement plan that you can see. /candor plan list shows yours.");
        }
        chat.press("U0GIL", "plan.show", "1", "gil-show");
        await("Gil sees nothing").until(() -> String.join(" ", slack.responses("gil-show"))
                .contains("There is no improvement plan #1 that you can see"));

        // Mallory is an HR admin of another workspace
        assertThat(otherWorkspace("plan list").path("text").asText()).isNotEmpty();
        database.jdbi()
                .useHandle(handle -> handle.execute("UPDATE people SET role = 'hr_admin' WHERE id ="
                        + " (SELECT person_id FROM platform_identities WHERE platform_user_id = 'U0MALLORY')"));
        assertThat(otherWorkspace("plan list").path("text").asText()).startsWith("No improvement plans are open.");
        assertThat(otherWorkspace("plan show 1").path("text").asText()).isEqualTo(none.replace("#999", "#1"));
        assertThat(otherWorkspace("plan comment 1 hello").path("text").asText()).isEqualTo(none.replace("#999", "#1"));

        assertThat(text(plan("note 1 She did well", "U0ANA"))).startsWith("Follow-up notes are your manager's");
        assertThat(rows("SELECT count(*)::text FROM improvement_plan_events")).containsExactly("3");
    }

    @Test
    @Order(4)
    void theSweepRemindsMoBeforeEachCheckinAndAsksForNotesAfterItOnce() throws Exception {
        // Tuesday 2 February, 08:30 in Berlin: the working day before the check-in, but before 09:00
        clock.set(Instant.parse("2027-02-02T07:30:00Z"));
        assertThat(sweep.sweep()).isZero();
        clock.set(Instant.parse("2027-02-02T08:05:00Z"));
        // two nodes sweeping at once send it once
        PlanReminderJob otherNode = PlanReminderJob.on(database.jdbi(), clock, new PlanNudges());
        java.util.concurrent.CompletableFuture<Integer> other =
                java.util.concurrent.CompletableFuture.supplyAsync(otherNode::sweep);
        assertThat(sweep.sweep() + other.get()).isEqualTo(1);
        assertThat(sweep.sweep()).as("once").isZero();
        JsonNode reminder = chat.awaitDm("D0MO", "Check-in on Wednesday 3 February");
        Golden.assertMatches("plan-checkin-reminder", reminder);
        assertThat(reminder.toString()).contains("Review pull requests within two working days");

        clock.set(Instant.parse("2027-02-03T08:05:00Z"));
        assertThat(sweep.sweep())
                .as("the check-in day: reminded already, notes after it")
                .isZero();
        clock.set(Instant.parse("2027-02-04T08:05:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).as("once").isZero();
        JsonNode ask = chat.awaitDm("D0MO", "How did the check-in of Wednesday 3 February go?");
        Golden.assertMatches("plan-notes-ask", ask);

        JsonNode form = chat.openedView(chat.press("U0MO", "plan.note", "1:2027-02-03", "mo-notes"));
        Golden.assertMatches("plan-note-form", Golden.withoutMetadata(form));
        JsonNode saved =
                chat.submitAs("U0MO", form, Map.of("text", "Reviews at 7 of 10; agreed to block an hour each morning"));
        assertThat(saved.toString()).contains("Your notes of the check-in of Wed 3 Feb 2027 are kept");
        assertThat(plan("show 1", "U0ANA").toString())
                .contains("notes of the check-in of Wed 3 Feb 2027", "Reviews at 7 of 10");

        // the second check-in: reminded on Thursday, notes written on the day, so no ask after it
        clock.set(Instant.parse("2027-03-04T08:05:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        clock.set(Instant.parse("2027-03-05T15:00:00Z"));
        assertThat(text(plan("note 1 Reviews at 9 of 10 this week", "U0MO")))
                .contains("Your notes of the check-in of Fri 5 Mar 2027 are kept");
        clock.set(Instant.parse("2027-03-08T08:05:00Z"));
        assertThat(sweep.sweep()).as("notes were written").isZero();
        await("two reminders")
                .until(() -> chat.dmTexts("D0MO").stream()
                                .filter(dm -> dm.contains("Check-in on"))
                                .count()
                        == 2);
        assertThat(chat.dmTexts("D0MO"))
                .filteredOn(dm -> dm.contains("How did the check-in"))
                .hasSize(1);
    }

    @Test
    @Order(5)
    void atTheEndMoIsAskedForTheOutcomeExtendsThePlanThenCompletesItAndNothingMoreIsSent() throws Exception {
        // Sunday 4 April is the end day; Mo doesn't work on Sundays
        clock.set(Instant.parse("2027-04-04T09:00:00Z"));
        assertThat(sweep.sweep()).isZero();
        // Monday 5 April, 09:05 in Berlin (summer time)
        clock.set(Instant.parse("2027-04-05T07:05:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).isZero();
        JsonNode ask = chat.awaitDm("D0MO", "what is the outcome?");
        Golden.assertMatches("plan-outcome-ask", ask);
        assertThat(ask.toString()).contains("plan.outcome", "1:completed", "plan.extend", "1:ended");

        JsonNode form = chat.openedView(chat.press("U0MO", "plan.extend", "1", "mo-extend"));
        Golden.assertMatches("plan-extend-form", Golden.withoutMetadata(form));
        JsonNode wrong = chat.submitAs("U0MO", form, Map.of("ends_on", "2027-03-01"));
        assertThat(wrong.path("errors").path("ends_on").asText()).contains("pick a later day");
        JsonNode extended = chat.submitAs("U0MO", form, Map.of("ends_on", "2027-05-03", "checkin", "2027-04-19"));
        assertThat(extended.toString())
                .contains("Improvement plan #1 for Ana now ends Mon 3 May 2027, with a check-in on Mon 19 Apr 2027");
        assertThat(chat.awaitDm("D0ANA", "extended improvement plan #1").toString())
                .contains("to Mon 3 May 2027");
        chat.awaitDm("D0HANA", "extended improvement plan #1");

        // Friday 16 April: the working day before Monday's new check-in
        clock.set(Instant.parse("2027-04-16T07:05:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(chat.awaitDm("D0MO", "Check-in on Monday 19 April")).isNotNull();

        // Monday 3 May: Mo completes it before the sweep; the outcome and the notes of 19 April are not asked
        clock.set(Instant.parse("2027-05-03T07:05:00Z"));
        assertThat(text(plan("outcome 1 extended", "U0MO"))).startsWith("Say the new end day");
        assertThat(text(plan("outcome 1 done", "U0MO")))
                .startsWith("Say how it ended: /candor plan outcome 1 completed");
        assertThat(text(plan("outcome 1 completed", "U0ANA"))).isEqualTo("The outcome is Mo's or HR's to record.");
        assertThat(text(plan("outcome 1 completed", "U0MO")))
                .isEqualTo("🏁 Improvement plan #1 for Ana is completed. Ana and HR admins are told; nothing more is"
                        + " sent about it.");
        assertThat(text(plan("outcome 1 ended", "U0MO"))).isEqualTo("Improvement plan #1 is closed already.");
        assertThat(sweep.sweep()).as("nothing for a closed plan").isZero();
        clock.set(Instant.parse("2027-05-04T07:05:00Z"));
        assertThat(sweep.sweep()).isZero();
        assertThat(chat.awaitDm("D0ANA", "is completed").toString()).contains("Mo, Mon 3 May 2027");
        chat.awaitDm("D0HANA", "is completed");
        assertThat(plan("list", "U0HANA").path("text").asText()).startsWith("No improvement plans are open.");
        assertThat(rows("SELECT v.kind || ' ' || p.name || coalesce(' ' || v.outcome, '') FROM"
                        + " improvement_plan_events v JOIN people p ON p.id = v.person_id ORDER BY v.id"))
                .containsExactly(
                        "created Mo",
                        "acknowledged Ana",
                        "comment Ana",
                        "note Mo",
                        "note Mo",
                        "outcome Mo extended",
                        "outcome Mo completed");
    }

    private static JsonNode plan(String text, String user) throws Exception {
        return chat.command("candor", "plan " + text, user).body();
    }

    /** A command from Mallory in another workspace. */
    private static JsonNode otherWorkspace(String text) throws Exception {
        Map<String, String> form = SlackClient.slashCommand(
                "/candor", text, "U0MALLORY", "C0OTHER", "general", slack.responseUrl("other"));
        form.put("team_id", "T0OTHER");
        form.put("team_domain", "other");
        return chat.post(form);
    }

    private static String text(JsonNode body) {
        return body.path("text").asText();
    }

    private static List<String> rows(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(String.class).list());
    }
}
