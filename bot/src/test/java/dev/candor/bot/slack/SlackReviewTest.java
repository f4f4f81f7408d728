package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.checkin.MutableClock;
import dev.candor.bot.review.ReviewNudges;
import dev.candor.bot.review.ReviewSummaries;
import dev.candor.scheduler.ask.AskSweepJob;
import dev.candor.scheduler.ask.RoundSeriesJob;
import dev.candor.scheduler.ask.WorkingTimeLoader;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.scheduler.review.ReviewOverdueJob;
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
 * A review cycle in Slack, from signed requests and a clock the test moves: HR starts one in the form for everyone
 * who joined by 1 November; everyone else is asked at once (Li is away, Neo joined later); Ana answers; a day before
 * it is due only Gil and Mo are reminded; after it is due HR's status names them as late, Li as away; pause, resume
 * and close; and a second cycle whose self review opens on Monday is opened by the engine's series job then. The
 * steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackReviewTest {
    /** Friday 4 December 2026, 11:00 in Berlin. */
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

    private static final MutableClock clock = new MutableClock(START);
    private static final String PUBLIC = "https://candor.example.com";
    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackChat chat;

    @BeforeAll
    static void start() throws Exception {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()).withPublicUrl(java.net.URI.create(PUBLIC)),
                database,
                new Candor.Options(clock, DeliveryConfig.defaults(), null));
        chat = new SlackChat(slack, new SlackClient(candor.port()), clock);
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        long hana = person(orgId, "Hana", null, "hr_admin", "People", "2020-01-06");
        long mo = person(orgId, "Mo", hana, "manager", "Sales", "2021-05-03");
        person(orgId, "Ana", mo, "employee", "Sales", "2024-03-01");
        person(orgId, "Gil", mo, "employee", "Engineering", "2025-01-10");
        person(orgId, "Neo", mo, "employee", "Engineering", "2026-12-01");
        person(orgId, "Li", mo, "employee", "Engineering", "2023-09-01");
        for (String name : List.of("Hana", "Mo", "Ana", "Gil", "Neo", "Li")) {
            slack.user("U0" + name.toUpperCase(), name, name.toLowerCase() + "@acme.test", "Europe/Berlin", false);
        }
        await("Candor answers commands")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> review("help", "U0ANA").toString().contains("/candor review new"));
        for (String name : List.of("Hana", "Mo", "Gil", "Neo", "Li")) {
            review("help", "U0" + name.toUpperCase());
        }
        database.jdbi()
                .useHandle(handle -> handle.execute("UPDATE people SET away_until = '2026-12-31' WHERE name = 'Li'"));
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void onlyHrStartsACycleAndTheFormSaysWhatIsWrong() throws Exception {
        assertThat(text(review("new", "U0ANA"))).isEqualTo("Review cycles are run by HR admins; ask one of them.");
        assertThat(text(review("list", "U0HANA"))).contains("No review cycles yet");

        JsonNode form =
                chat.openedView(chat.command("candor", "review new", "U0HANA").trigger());
        Golden.assertMatches("review-new-form", Golden.withoutMetadata(form));
        JsonNode wrong = chat.submitAs(
                "U0HANA",
                form,
                Map.of("name", "2026 annual review", "self_opens", "2026-12-10", "self_due", "2026-12-08"));
        assertThat(wrong.path("errors").path("self_due").asText()).contains("It is due after it opens");
        JsonNode departments =
                chat.submitAs("U0HANA", form, Map.of("name", "2026 annual review", "audience", "departments"));
        assertThat(departments.path("errors").path("audience").asText()).contains("Pick one or more departments");
        assertThat(rows("SELECT count(*)::text FROM review_cycles")).containsExactly("0");
    }

    @Test
    @Order(2)
    void hrStartsACycleAndEveryoneWhoJoinedByTheDayIsAskedAtOnceExceptWhoIsAway() throws Exception {
        JsonNode form =
                chat.openedView(chat.command("candor", "review new", "U0HANA").trigger());
        JsonNode started = chat.submitAs(
                "U0HANA",
                form,
                Map.of(
                        "name",
                        "2026 annual review",
                        "joined_by",
                        "2026-11-01",
                        "period_from",
                        "2026-01-01",
                        "period_to",
                        "2026-12-04",
                        "self_due",
                        "2026-12-13"));
        assertThat(started.path("response_action").asText()).as("%s", started).isEqualTo("update");
        Golden.assertMatches("review-started", started.get("view"));
        assertThat(started.toString())
                .contains(
                        "Started \\\"2026 annual review\\\" for 5 people: the self review is due Sun 13 Dec 2026",
                        "4 people asked now; 1 person away until after it is due, not asked");

        // Neo joined after 1 November; Sunday's deadline is Friday's end of work in Berlin (17:00 = 16:00 UTC)
        assertThat(rows("SELECT p.name || ' ' || a.state || ' ' || a.due_at FROM asks a JOIN people p"
                        + " ON p.id = a.person_id ORDER BY p.name"))
                .containsExactly(
                        "Ana pending 2026-12-11 16:00:00+00",
                        "Gil pending 2026-12-11 16:00:00+00",
                        "Hana pending 2026-12-11 16:00:00+00",
                        "Li skipped 2026-12-11 16:00:00+00",
                        "Mo pending 2026-12-11 16:00:00+00");
        JsonNode dm = chat.awaitDm("D0ANA", "Self review: 2026 annual review");
        Golden.assertMatches("review-self-ask", dm);
        assertThat(dm.toString()).contains("Only you and HR admins can read it", "ask.answer");
        assertThat(chat.dmTexts("D0NEO")).isEmpty();
        assertThat(rows("SELECT action || ' ' || new_value FROM audit_log WHERE action LIKE 'review%'"))
                .containsExactly("review new 2026 annual review");
    }

    @Test
    @Order(3)
    void anaAnswersAndADayBeforeTheDeadlineOnlyThoseNotDoneAreReminded() throws Exception {
        String ask = rows("SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id WHERE p.name = 'Ana'")
                .get(0);
        // the year Ana had: kudos, feedback (one piece for her manager alone), a goal
        database.jdbi().useHandle(handle -> {
            handle.execute("INSERT INTO kudos (org_id, giver_id, message, platform, created_at) SELECT org_id, id,"
                    + " 'Thanks for shipping the importer on a Friday night', 'slack', '2026-06-03T10:00:00Z'"
                    + " FROM people WHERE name = 'Gil'");
            handle.execute("INSERT INTO kudos_recipients (kudos_id, org_id, person_id) SELECT k.id, k.org_id, p.id"
                    + " FROM kudos k, people p WHERE p.name = 'Ana'");
            handle.execute(
                    "INSERT INTO kudos_values (kudos_id, org_id, tag) SELECT id, org_id, 'ownership' FROM kudos");
            handle.execute("INSERT INTO feedback (org_id, giver_id, recipient_id, manager_id, visibility, body,"
                    + " created_at) SELECT g.org_id, g.id, a.id, a.manager_id, v.visibility, v.body,"
                    + " '2026-09-10T09:00:00Z' FROM people g, people a, (VALUES ('private', 'Great estimates on the"
                    + " migration'), ('manager_only', 'She struggles with deadlines')) AS v (visibility, body)"
                    + " WHERE g.name = 'Gil' AND a.name = 'Ana'");
        });
        database.jdbi().useHandle(handle -> {
            // two check-ins Ana answered in April: moods 4 and 3, a blocker named once
            handle.execute("WITH q AS (INSERT INTO questionnaires (org_id, feature) SELECT org_id, 'checkin'"
                    + " FROM people WHERE name = 'Ana' RETURNING id, org_id), v AS (INSERT INTO"
                    + " questionnaire_versions (org_id, questionnaire_id, version, questions) SELECT org_id, id, 1,"
                    + " CAST('[{\"id\":\"q1\",\"type\":\"mood\",\"prompt\":\"How are you?\",\"required\":true},"
                    + "{\"id\":\"q2\",\"type\":\"text\",\"prompt\":\"What is blocking you?\",\"required\":false,"
                    + "\"multiline\":true,\"maxLength\":2000}]' AS jsonb) FROM q RETURNING org_id, questionnaire_id)"
                    + " INSERT INTO rounds (org_id, feature, subject, period, questionnaire_id, version,"
                    + " deadline_working_days, state, closes_at, closed_at) SELECT org_id, 'checkin', 'evidence', w,"
                    + " questionnaire_id, 1, 2, 'closed', '2026-05-01Z', '2026-05-01Z' FROM v,"
                    + " (VALUES ('2026-W17'), ('2026-W18')) AS weeks (w)");
            handle.execute("INSERT INTO asks (org_id, round_id, person_id, state, opens_at, sent_at, due_at,"
                    + " answered_at) SELECT r.org_id, r.id, p.id, 'answered', '2026-04-20Z', '2026-04-20Z',"
                    + " '2026-04-22Z', '2026-04-21Z' FROM rounds r, people p WHERE r.subject = 'evidence'"
                    + " AND p.name = 'Ana'");
            handle.execute("INSERT INTO answers (org_id, round_id, ask_id, questionnaire_version, answer_values,"
                    + " submitted_at) SELECT a.org_id, a.round_id, a.id, 1, CAST(CASE r.period WHEN '2026-W17' THEN"
                    + " '{\"q1\":4,\"q2\":\"Waiting on finance\"}' ELSE '{\"q1\":3,\"q2\":\"none\"}' END AS jsonb),"
                    + " '2026-04-21Z' FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.subject = 'evidence'");
        });
        chat.command("goals", "add Ship the billing migration by 2026-12-20", "U0ANA");

        assertThat(text(review("", "U0NEO"))).startsWith("You have no review to write now");
        assertThat(chat.openedView(chat.command("candor", "review", "U0ANA").trigger())
                        .toString())
                .contains("Self review: 2026 annual review");
        JsonNode form = chat.openedView(chat.press("U0ANA", "ask.answer", ask, "ana-answer"));
        Golden.assertMatches("review-self-form", Golden.withoutMetadata(form));
        assertThat(form.toString())
                .contains("What your Thu 1 Jan 2026 to Fri 4 Dec 2026 left in Candor")
                .contains("1 kudos*: #ownership ×1", "Thanks for shipping the importer on a Friday night” — Gil, 3 Jun")
                .contains("1 piece of feedback", "Great estimates on the migration")
                .doesNotContain("struggles with deadlines")
                .contains("2 check-ins answered*, average mood 3.5 of 5, a blocker named in 1")
                .contains("Ship the billing migration (Q4 2026): 0%, on track");
        JsonNode saved = chat.submitAs(
                "U0ANA",
                form,
                Map.of(
                        "q1",
                        "4",
                        "q2",
                        "Shipped the billing migration",
                        "q3",
                        "Finance sign-off",
                        "q4",
                        "Estimating",
                        "q5",
                        "4"));
        assertThat(saved.path("response_action").asText()).as("%s", saved).isEqualTo("update");

        // a week before (Friday 17:00 in Berlin, the deadline being next Friday's), then a day before
        clock.set(Instant.parse("2026-12-04T16:05:00Z"));
        sweep();
        // Monday 09:05 in Berlin: each manager gets one summary of their reports, once that week
        clock.set(Instant.parse("2026-12-07T08:05:00Z"));
        ReviewSummaryJob summaries = new ReviewSummaryJob(
                database.jdbi(), clock, new WorkingTimeLoader(database.jdbi(), clock), new ReviewSummaries());
        assertThat(summaries.sweep()).as("Mo (Gil to do) and Hana (Mo to do)").isEqualTo(2);
        assertThat(summaries.sweep()).as("once a week").isZero();
        JsonNode summary = chat.awaitDm("D0MO", "of your reports did their self review");
        Golden.assertMatches("review-summary", summary);
        assertThat(summary.toString())
                .contains("1 of 3 of your reports did their self review, due Sun 13 Dec 2026")
                .contains("Still to do: Gil", "Done: Ana", "Away: Li");

        clock.set(Instant.parse("2026-12-10T16:05:00Z"));
        sweep();
        await("Gil is reminded twice")
                .atMost(Duration.ofSeconds(15))
                .until(() -> chat.dmTexts("D0GIL").size() == 3);
        assertThat(chat.dmTexts("D0ANA")).as("Ana is done: no reminder").hasSize(1);
        assertThat(chat.dmTexts("D0LI")).as("Li is away").isEmpty();
        assertThat(rows("SELECT p.name || ' ' || a.reminders_sent FROM asks a JOIN people p ON p.id = a.person_id"
                        + " JOIN rounds r ON r.id = a.round_id WHERE r.feature = 'review' ORDER BY p.name"))
                .containsExactly("Ana 0", "Gil 2", "Hana 2", "Li 0", "Mo 2");
    }

    @Test
    @Order(4)
    void afterTheDeadlineHrSeesWhoIsLateWithTheirManagerAndLiAsAway() throws Exception {
        clock.set(Instant.parse("2026-12-11T16:30:00Z"));
        sweep();
        JsonNode status = review("status 2026 annual review", "U0HANA");
        Golden.assertMatches("review-status", status);
        assertThat(status.toString())
                .contains("1 of 5 done", "0 to do", "3 late", "1 away", "Engineering: 0 of 2", "Sales: 1 of 2")
                .contains("Gil (manager Mo)", "Mo (manager Hana)");
        assertThat(text(review("status 2025 review", "U0HANA"))).contains("There is no review cycle called");

        assertThat(text(review("export 2026 annual review", "U0MO"))).contains("run by HR admins");
        assertThat(text(review("export 2026 annual review", "U0HANA")))
                .contains("direct message with the download link");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        java.util.regex.Pattern.quote(PUBLIC) + "/files/[A-Za-z0-9_-]{43}/[A-Za-z0-9.-]+\\.csv")
                .matcher(chat.awaitDm("D0HANA", "/files/").toString());
        assertThat(link.find()).isTrue();
        java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        link.group().replace(PUBLIC, "http://127.0.0.1:" + candor.port())))
                                .GET()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("cycle,phase,person,about,department,manager,state,due,answered,rating 1,rating 1 value,"
                        + "rating 2,rating 2 value")
                .contains("2026 annual review,self,Ana,Ana,Sales,Mo,done,2026-12-11T16:00:00Z,2026-12-04T10:00:00Z,"
                        + "How well did you meet your goals this period?,4,")
                .contains("2026 annual review,self,Gil,Gil,Engineering,Mo,late,")
                .contains("2026 annual review,self,Li,Li,Engineering,Mo,away,")
                .doesNotContain("Shipped the billing migration", "Estimating");
        assertThat(review("list", "U0HANA").toString()).contains("2026 annual review", "1 of 5 done");
    }

    @Test
    @Order(5)
    void theLateAreToldTheyMayStillSendItForAWeekAndTwoWorkingDaysLaterTheirManagerIsTold() throws Exception {
        ReviewOverdueJob overdue = new ReviewOverdueJob(
                database.jdbi(),
                clock,
                new WorkingTimeLoader(database.jdbi(), clock),
                candor.asking().rounds(),
                new ReviewNudges());
        assertThat(overdue.sweep()).as("Gil, Hana and Mo; Li is away").isEqualTo(3);
        assertThat(overdue.sweep()).as("once").isZero();
        JsonNode told = chat.awaitDm("D0GIL", "was due Friday 11 December");
        Golden.assertMatches("review-overdue", told);
        assertThat(told.toString())
                .contains(
                        "Your self review of 2026 annual review was due Friday 11 December, 17:00. You can still"
                                + " send it until Friday 18 December, 17:00 (your time).",
                        "ask.answer");

        String gils = rows("SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                        + " ON r.id = a.round_id WHERE p.name = 'Gil' AND r.feature = 'review'")
                .get(0);
        JsonNode form = chat.openedView(chat.press("U0GIL", "ask.answer", gils, "gil-late"));
        JsonNode saved = chat.submitAs(
                "U0GIL", form, Map.of("q1", "3", "q2", "The importer", "q3", "Staging", "q4", "Tests", "q5", "3"));
        assertThat(saved.path("response_action").asText()).as("%s", saved).isEqualTo("update");
        assertThat(review("status 2026 annual review", "U0HANA").toString()).contains("2 of 5 done", "2 late");

        // Tuesday 17:30 in Berlin: two working days after Friday's deadline
        clock.set(Instant.parse("2026-12-15T16:30:00Z"));
        assertThat(overdue.sweep())
                .as("Mo's manager Hana; Gil sent his; Hana has no manager")
                .isEqualTo(1);
        assertThat(overdue.sweep()).isZero();
        assertThat(chat.awaitDm("D0HANA", "working days overdue").toString())
                .contains("Mo's self review of 2026 annual review is 2 working days overdue");
        assertThat(chat.dmTexts("D0MO")).noneMatch(dm -> dm.contains("Gil's self review"));
    }

    @Test
    @Order(6)
    void pauseResumeAndCloseAreHrsAndAudited() throws Exception {
        assertThat(text(review("pause 2026 annual review", "U0HANA"))).startsWith("⏸ Paused \"2026 annual review\"");
        assertThat(text(review("pause 2026 annual review", "U0HANA"))).contains("Only an active cycle");
        assertThat(text(review("resume 2026 annual review", "U0HANA"))).startsWith("▶️ Resumed");
        assertThat(text(review("close 2026 annual review", "U0MO"))).contains("run by HR admins");
        assertThat(text(review("close 2026 annual review", "U0HANA"))).startsWith("🏁 Closed \"2026 annual review\"");
        assertThat(text(review("close 2026 annual review", "U0HANA"))).contains("is closed already");
        assertThat(rows("SELECT action FROM audit_log WHERE action LIKE 'review%' ORDER BY id"))
                .containsExactly("review new", "review paused", "review active", "review close");
    }

    @Test
    @Order(7)
    void aSelfReviewThatOpensOnMondayIsOpenedByTheSeriesJobAtNineInEachZone() throws Exception {
        clock.set(Instant.parse("2026-12-11T17:00:00Z"));
        JsonNode form =
                chat.openedView(chat.command("candor", "review new", "U0HANA").trigger());
        JsonNode second = chat.submitAs(
                "U0HANA",
                form,
                Map.of(
                        "name",
                        "Sales mid-year",
                        "audience",
                        "organisation",
                        "manager",
                        "U0MO",
                        "self_opens",
                        "2026-12-14",
                        "self_due",
                        "2026-12-18"));
        assertThat(second.toString()).contains("It opens on Mon 14 Dec 2026 at 09:00 their time");
        RoundSeriesJob series = new RoundSeriesJob(
                database.jdbi(), clock, List.of(new ReviewRounds(candor.asking().rounds())));
        assertThat(series.sweep()).as("not before Monday").isZero();

        clock.set(Instant.parse("2026-12-14T08:05:00Z"));
        assertThat(series.sweep()).isEqualTo(1);
        assertThat(series.sweep()).as("once").isZero();
        sweep();
        assertThat(chat.awaitDm("D0ANA", "Self review: Sales mid-year").toString())
                .contains("ask.answer");
        assertThat(rows("SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                        + " ON r.id = a.round_id WHERE r.subject LIKE '%:self' AND r.id = (SELECT max(id) FROM rounds)"
                        + " ORDER BY p.name"))
                .as("everyone under Mo; Neo joined by then (no cut-off day)")
                .containsExactly("Ana", "Gil", "Li", "Neo");
    }

    @Test
    @Order(8)
    void hrOpensAPhaseNowRatherThanOnItsDayAndEveryoneFindsTheirReviewByCommand() throws Exception {
        JsonNode form =
                chat.openedView(chat.command("candor", "review new", "U0HANA").trigger());
        chat.submitAs(
                "U0HANA", form, Map.of("name", "Engineering Q1", "self_opens", "2027-01-04", "self_due", "2027-01-15"));
        assertThat(text(review("open Engineering Q1", "U0ANA"))).contains("run by HR admins");
        assertThat(text(review("open Engineering Q1", "U0HANA")))
                .isEqualTo("📝 Opened the self review of \"Engineering Q1\" now: 5 people asked now, 1 person at their"
                        + " next working morning; due Fri 15 Jan 2027.");
        assertThat(text(review("open Engineering Q1", "U0HANA"))).contains("is open already");
        RoundSeriesJob series = new RoundSeriesJob(
                database.jdbi(), clock, List.of(new ReviewRounds(candor.asking().rounds())));
        clock.set(Instant.parse("2027-01-04T08:05:00Z"));
        assertThat(series.sweep()).as("opened already").isZero();

        // her review to write, found by command as well as by her DM's button
        assertThat(chat.openedView(chat.command("candor", "review", "U0HANA").trigger())
                        .toString())
                .contains("Self review: Engineering Q1");
    }

    @Test
    @Order(9)
    void managersReviewEachReportWithTheEvidenceAManagerMaySeeAndNothingPrivate() throws Exception {
        JsonNode form =
                chat.openedView(chat.command("candor", "review new", "U0HANA").trigger());
        JsonNode wrong = chat.submitAs("U0HANA", form, Map.of("name", "Sales H2", "manager_opens", "2027-01-04"));
        assertThat(wrong.path("errors").path("manager_due").asText()).contains("Pick the day it is due too");
        JsonNode started = chat.submitAs(
                "U0HANA",
                form,
                Map.of(
                        "name",
                        "Sales H2",
                        "audience",
                        "organisation",
                        "manager",
                        "U0MO",
                        "period_from",
                        "2026-01-01",
                        "period_to",
                        "2026-12-31",
                        "self_opens",
                        "2027-01-11",
                        "self_due",
                        "2027-01-15",
                        "manager_opens",
                        "2027-01-04",
                        "manager_due",
                        "2027-01-22"));
        assertThat(started.toString())
                .contains("It opens on Mon 11 Jan 2027", "Managers review their reports from Mon 4 Jan 2027 (now)");
        sweep();
        assertThat(rows("SELECT r.subject FROM rounds r WHERE r.subject LIKE '%:manager:%' ORDER BY r.subject"))
                .as("one round per report of Mo's, each asking Mo")
                .hasSize(4);
        assertThat(chat.awaitDm("D0MO", "Manager review of Ana: Sales H2").toString())
                .contains("ask.answer");

        String ask = rows("SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id JOIN people s"
                        + " ON s.id = CAST(NULLIF(split_part(r.subject, ':', 3), '') AS bigint) WHERE r.subject LIKE '%:manager:%'"
                        + " AND s.name = 'Ana'")
                .get(0);
        JsonNode review = chat.openedView(chat.press("U0MO", "ask.answer", ask, "mo-review"));
        Golden.assertMatches("review-manager-form", Golden.withoutMetadata(review));
        assertThat(review.toString())
                .contains("What their Thu 1 Jan 2026 to Thu 31 Dec 2026 left in Candor")
                .contains("She struggles with deadlines")
                .doesNotContain("Great estimates on the migration")
                .doesNotContain("check-ins answered")
                .contains("Ship the billing migration");
        assertThat(chat.press("U0GIL", "ask.answer", ask, "gil-not-his")).isNotNull();
        await("Gil may not write Mo's review")
                .atMost(Duration.ofSeconds(10))
                .until(() -> String.join(" ", slack.responses("gil-not-his")).contains("sent to someone else"));

        JsonNode saved = chat.submitAs(
                "U0MO", review, Map.of("q1", "4", "q2", "Shipped the migration", "q3", "Estimates", "q4", "4"));
        assertThat(saved.path("response_action").asText()).as("%s", saved).isEqualTo("update");
        assertThat(review("status Sales H2", "U0HANA").toString())
                .contains("*Manager review*", "1 of 4 done", "3 to do", "*Self review*", "Opens Mon 11 Jan 2027");
    }

    private static void sweep() {
        ((AskSweepJob) candor.asking().sweepJob().job()).sweep();
    }

    private static JsonNode review(String text, String user) throws Exception {
        return chat.command("candor", "review " + text, user).body();
    }

    private static String text(JsonNode body) {
        return body.path("text").asText();
    }

    private static List<String> rows(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(String.class).list());
    }

    private static long person(
            long orgId, String name, Long managerId, String role, String department, String startDate) {
        return SlackPeople.insert(database, orgId, name, managerId, role, department, startDate);
    }
}
