package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Feedback in Slack, from signed requests: Gil gives Ana feedback in one line (private), then from the form for her
 * manager Mo alone and for both; the guards refuse himself, a bot, a deactivated person, two people and too few words;
 * Ana thanks Gil and replies, Gil replies back; then everyone tries every way to read each piece (the visibility
 * matrix): exactly its giver and whom its visibility names read its words. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackFeedbackTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ObjectMapper json = new ObjectMapper();
    private static final String PRIVATE_TEXT = "the demo was clear; next time leave time for questions";
    private static final String MANAGER_ONLY_TEXT = "Ana was late with the Q4 numbers three times this month";
    private static final String SHARED_TEXT = "The launch plan was thorough";

    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;
    private static SlackChat chat;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                database,
                new Candor.Options(Clock.fixed(NOW, ZoneOffset.UTC), DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        chat = new SlackChat(slack, client, NOW);
        for (String name : List.of("Gil", "Ana", "Mo", "Li", "Zed", "Hana", "Ola")) {
            slack.user("U0" + name.toUpperCase(), name, name.toLowerCase() + "@acme.test", "Europe/Berlin", false);
        }
        slack.user("U0BOT", "Deploybot", null, "UTC", true);
        long orgId = database.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        long mo = person(orgId, "Mo", null, "manager", true, false);
        long zed = person(orgId, "Zed", null, "manager", true, false);
        person(orgId, "Ana", mo, "employee", true, false);
        person(orgId, "Gil", mo, "employee", true, false);
        person(orgId, "Li", zed, "employee", true, false);
        person(orgId, "Hana", null, "hr_admin", true, false);
        person(orgId, "Ola", mo, "employee", false, false);
        person(orgId, "Deploybot", null, "employee", true, true);
        await("Candor answers commands")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> feedback("help", "U0ANA").toString().contains("/feedback me"));
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void helpSaysEveryCommandAndWhoReadsFeedback() throws Exception {
        JsonNode help = feedback("help", "U0GIL");

        Golden.assertMatches("feedback-help", help);
        assertThat(help.toString()).contains("/feedback me", "/feedback team", "HR admins don't read feedback");
    }

    @Test
    @Order(2)
    void gilGivesAnaPrivateFeedbackInOneLineAndOnlyAnaIsSentIt() throws Exception {
        JsonNode answer = feedback("<@U0ANA|ana> " + PRIVATE_TEXT, "U0GIL");

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(text(answer)).isEqualTo("✅ Feedback sent to Ana. Only Ana (and you) can read it.");
        JsonNode dm = chat.awaitDm("D0ANA", PRIVATE_TEXT);
        Golden.assertMatches("feedback-dm", dm);
        assertThat(dm.toString()).contains("Feedback from Gil", "feedback.thank", "feedback.reply");
        assertThat(strings("SELECT visibility || ' ' || coalesce(manager_id::text, 'no manager') FROM feedback"))
                .containsExactly("private no manager");
    }

    @Test
    @Order(3)
    void theGuardsRefuseWithWhatToDoAndStoreNothing() throws Exception {
        assertThat(text(feedback("<@U0GIL|gil> I should write more tests for this", "U0GIL")))
                .contains("Feedback to yourself");
        assertThat(text(feedback("<@U0BOT|deploybot> you deploy far too often, really", "U0GIL")))
                .contains("Deploybot is a bot");
        assertThat(text(feedback("<@U0OLA|ola> thanks for all the help this year", "U0GIL")))
                .contains("Ola has left or is deactivated");
        assertThat(text(feedback("<@U0ANA|ana> <@U0LI|li> good teamwork on the release", "U0GIL")))
                .contains("one person at a time");
        assertThat(text(feedback("<@U0ANA|ana> nice", "U0GIL"))).contains("at least 20 characters");
        assertThat(text(feedback("whatever you like", "U0GIL"))).contains("Say who it is for");
        assertThat(count("SELECT count(*) FROM feedback")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theFormSendsFeedbackForTheManagerAloneOrForBoth() throws Exception {
        SlackChat.Command opened = command("", "U0GIL");
        JsonNode form = chat.openedView(opened.trigger());
        Golden.assertMatches("feedback-form", Golden.withoutMetadata(form));

        JsonNode missing = chat.submitAs("U0GIL", form, Map.of("person", "U0ANA", "went_well", "ok"));
        assertThat(missing.path("response_action").asText()).isEqualTo("errors");
        assertThat(missing.path("errors").toString()).contains("at least 20 characters");

        JsonNode sent = chat.submitAs(
                "U0GIL", form, Map.of("person", "U0ANA", "better", MANAGER_ONLY_TEXT, "visibility", "manager_only"));
        assertThat(sent.path("response_action").asText(null)).as("%s", sent).isNotEqualTo("errors");
        chat.awaitDm("D0MO", MANAGER_ONLY_TEXT);

        chat.submitAs(
                "U0GIL",
                form,
                Map.of(
                        "person", "U0ANA",
                        "went_well", SHARED_TEXT,
                        "better", "Fewer slides next time",
                        "visibility", "with_manager"));
        chat.awaitDm("D0ANA", SHARED_TEXT);
        chat.awaitDm("D0MO", SHARED_TEXT);
        assertThat(chat.dmTexts("D0ANA")).noneMatch(text -> text.contains(MANAGER_ONLY_TEXT));
        assertThat(strings("SELECT visibility || ' ' || body FROM feedback ORDER BY id"))
                .containsExactly(
                        "private " + PRIVATE_TEXT,
                        "manager_only " + MANAGER_ONLY_TEXT,
                        "with_manager What went well: " + SHARED_TEXT + "\n\nWhat could be better: Fewer slides next"
                                + " time");
    }

    @Test
    @Order(5)
    void anaThanksGilOnceAndTheyReplyToEachOther() throws Exception {
        String first = feedbackId(PRIVATE_TEXT);
        chat.press("U0ANA", "feedback.thank", first, "thank-1");
        chat.awaitDm("D0GIL", "Ana thanked you");
        chat.press("U0ANA", "feedback.thank", first, "thank-2");
        await("the second thanks is refused")
                .atMost(Duration.ofSeconds(10))
                .until(() -> String.join(" ", slack.responses("thank-2")).contains("already"));
        assertThat(chat.dmTexts("D0GIL").stream().filter(text -> text.contains("thanked you")))
                .hasSize(1);

        String trigger = chat.press("U0ANA", "feedback.reply", first, "reply-1");
        JsonNode replyForm = chat.openedView(trigger);
        assertThat(replyForm.toString()).contains("Reply to Gil");
        chat.submitAs("U0ANA", replyForm, Map.of("text", "Thanks, I will keep ten minutes for questions"));
        chat.awaitDm("D0GIL", "keep ten minutes for questions");

        JsonNode backForm = chat.openedView(chat.press("U0GIL", "feedback.reply", first, "reply-2"));
        assertThat(backForm.toString()).contains("Reply to Ana");
        chat.submitAs("U0GIL", backForm, Map.of("text", "Great, see you at the next demo"));
        chat.awaitDm("D0ANA", "see you at the next demo");
        assertThat(count("SELECT count(*) FROM feedback_replies")).isEqualTo(2);
    }

    @Test
    @Order(6)
    void exactlyTheGiverAndWhomTheVisibilityNamesReadEachPiece() throws Exception {
        // who may read: private → Gil, Ana; manager only → Gil, Mo; with manager → Gil, Ana, Mo
        Map<String, List<String>> readers = Map.of(
                PRIVATE_TEXT, List.of("GIL", "ANA"),
                MANAGER_ONLY_TEXT, List.of("GIL", "MO"),
                SHARED_TEXT, List.of("GIL", "ANA", "MO"));
        for (String who : List.of("GIL", "ANA", "MO", "ZED", "LI", "HANA")) {
            String seen = text(feedback("me", "U0" + who))
                    + feedback("me", "U0" + who)
                    + feedback("me <@U0GIL|gil>", "U0" + who)
                    + feedback("team", "U0" + who);
            for (Map.Entry<String, List<String>> piece : readers.entrySet()) {
                boolean reads = piece.getValue().contains(who);
                assertThat(seen.contains(piece.getKey()))
                        .as("%s reads \"%s\"", who, piece.getKey())
                        .isEqualTo(reads);
            }
            for (String text : readers.keySet()) {
                String id = feedbackId(text);
                boolean reads = readers.get(text).contains(who);
                String key = "reply-" + who + "-" + id;
                String trigger = chat.press("U0" + who, "feedback.reply", id, key);
                if (reads) {
                    assertThat(chat.openedView(trigger).toString()).contains("Reply to");
                } else {
                    await("a reader who isn't one is refused")
                            .atMost(Duration.ofSeconds(10))
                            .until(() -> String.join(" ", slack.responses(key)).contains("yours to read"));
                }
            }
        }
        // Their DMs may hold other notes (a sweep may send the week's kudos nudge at any moment), never a piece of
        // feedback
        for (String channel : List.of("D0ZED", "D0LI", "D0HANA")) {
            assertThat(chat.dmTexts(channel)).as("%s's DMs", channel).noneMatch(text -> readers.keySet().stream()
                    .anyMatch(text::contains));
        }
    }

    @Test
    @Order(7)
    void aManagerSeesCountsForEveryReportAndOnlyTheWordsMeantForThem() throws Exception {
        JsonNode team = feedback("team", "U0MO");

        assertThat(team.toString())
                .contains("*Ana*: received 3, gave 0", "*Gil*: received 0, gave 3", MANAGER_ONLY_TEXT, SHARED_TEXT)
                .doesNotContain(PRIVATE_TEXT);
        assertThat(text(feedback("team", "U0LI"))).contains("You have no reports");
        JsonNode mine = feedback("me <@U0ANA|ana> week", "U0GIL");
        assertThat(mine.toString()).contains("with Ana · last week", PRIVATE_TEXT, MANAGER_ONLY_TEXT);
        Golden.assertMatches("feedback-me", feedback("me", "U0ANA"));
    }

    @Test
    @Order(8)
    void theAppHomeShowsEachPersonOnlyTheFeedbackTheyReceivedAndItsButtonOpensTheForm() throws Exception {
        for (String who : List.of("GIL", "ANA", "MO", "ZED", "LI", "HANA")) {
            String home = openHome("U0" + who).toString();
            assertThat(home).as("%s's home", who).contains("Your feedback", "Give feedback");
            assertThat(home.contains(PRIVATE_TEXT))
                    .as("%s's home shows the private piece", who)
                    .isEqualTo(who.equals("ANA"));
            assertThat(home.contains(SHARED_TEXT))
                    .as("%s's home shows the shared piece", who)
                    .isEqualTo(who.equals("ANA"));
            assertThat(home).as("%s's home", who).doesNotContain(MANAGER_ONLY_TEXT);
            assertThat(home.contains("/feedback team"))
                    .as("%s's home points to the team", who)
                    .isEqualTo(who.equals("MO") || who.equals("ZED"));
        }
        JsonNode ana = openHome("U0ANA");
        // three received, one of them for Mo alone: Ana reads two and counts two
        assertThat(fields(ana)).contains("*Received, last 90 days*\n2", "*Given, last 90 days*\n0");
        assertThat(fields(openHome("U0GIL"))).contains("*Given, last 90 days*\n3");

        JsonNode button = giveButton(ana);
        String payload = SlackRequests.homeAction(
                "U0ANA", button.get("action_id").asText(), button.get("value").asText());
        assertThat(chat.signed(SlackClient.formBody(Map.of("payload", payload))).statusCode())
                .isEqualTo(200);
        JsonNode form = chat.openedView(Golden.parse(payload).get("trigger_id").asText());
        assertThat(form.get("callback_id").asText()).isEqualTo("feedback.give");
        assertThat(form.toString()).contains("Who is it for?", "What went well?", "Who reads it?");
    }

    @Test
    @Order(9)
    void hrDecidesWhichVisibilitiesGiversMayChooseAndEveryChangeIsAudited() throws Exception {
        assertThat(text(candor("admin feedback manager-only off", "U0GIL"))).contains("HR admins");
        JsonNode overview = candor("admin feedback", "U0HANA");
        Golden.assertMatches("feedback-admin", overview);
        assertThat(overview.toString()).contains("Only their manager (about their work)*: allowed");

        assertThat(text(candor("admin feedback manager-only off", "U0HANA")))
                .contains("Only their manager (about their work): on → off")
                .contains("Undo: /candor admin feedback manager-only on");
        assertThat(strings("SELECT action || ' ' || old_value || ' → ' || new_value FROM audit_log"))
                .containsExactly("feedback manager-only on → off");
        assertThat(strings("SELECT with_manager || ' ' || manager_only FROM feedback_settings"))
                .containsExactly("true false");

        JsonNode form = chat.openedView(command("", "U0GIL").trigger());
        assertThat(form.toString()).contains("with_manager").doesNotContain("manager_only");
        JsonNode refused = chat.submitAs(
                "U0GIL",
                form,
                Map.of(
                        "person",
                        "U0ANA",
                        "went_well",
                        "A forged choice of a visibility HR switched off",
                        "visibility",
                        "manager_only"));
        assertThat(refused.path("errors").toString()).contains("don't allow");
        assertThat(count("SELECT count(*) FROM feedback")).isEqualTo(3);
        assertThat(text(candor("admin feedback sideways on", "U0HANA"))).contains("with-manager on|off");

        assertThat(text(candor("admin feedback speak-up-to <@U0OLA|ola>", "U0HANA")))
                .contains("can't receive speak-up messages");
        assertThat(text(candor("admin feedback speak-up-to <@U0ZED|zed>", "U0HANA")))
                .contains("Speak-up messages go to: the HR admins → Zed")
                .contains("Undo: /candor admin feedback speak-up-to hr");
        assertThat(text(candor("admin feedback speak-up-to hr", "U0HANA"))).contains("Zed → the HR admins");
        assertThat(text(candor("admin feedback subject-sees sometimes", "U0HANA")))
                .contains("subject-sees named|anonymous|none");
        assertThat(text(candor("admin feedback subject-sees none", "U0HANA")))
                .contains("360 subject reads the answers: anonymous → none")
                .contains("Undo: /candor admin feedback subject-sees anonymous");
        assertThat(candor("admin feedback", "U0HANA").toString())
                .contains("doesn't read the answers")
                .contains("on, to the HR admins");
        assertThat(text(candor("admin feedback subject-sees anonymous", "U0HANA")))
                .contains("none → anonymous");
        assertThat(strings("SELECT action || ' ' || old_value || ' → ' || new_value FROM audit_log ORDER BY id"))
                .containsExactly(
                        "feedback manager-only on → off",
                        "feedback speak-up-to the HR admins → Zed",
                        "feedback speak-up-to Zed → the HR admins",
                        "feedback subject-sees anonymous → none",
                        "feedback subject-sees none → anonymous");
    }

    @Test
    @Order(10)
    void gilAsksTwoPeopleForFeedbackAndGetsEachAnswerNamedAsItComes() throws Exception {
        assertThat(text(feedback("request <@U0GIL|gil> about my demo", "U0GIL")))
                .contains("Asking yourself");
        assertThat(text(feedback("request about my demo", "U0GIL"))).contains("Say whom to ask");

        JsonNode asked = feedback("request <@U0LI|li> <@U0ZED|zed> about the Q4 launch demo", "U0GIL");

        assertThat(text(asked))
                .isEqualTo("📨 Asked Li and Zed for feedback about the Q4 launch demo. Each gets it in their own"
                        + " working hours and has 5 working days, with a reminder on the way; each answer comes to you"
                        + " here, with their name.");
        assertThat(strings("SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r ON r.id ="
                        + " a.round_id WHERE r.feature = 'feedback' ORDER BY p.name"))
                .containsExactly("Li", "Zed");
        chat.awaitDm("D0LI", "Feedback for Gil about the Q4 launch demo");
        String ask = strings("SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                        + " ON r.id = a.round_id WHERE r.feature = 'feedback' AND p.name = 'Li'")
                .get(0);

        JsonNode form = chat.openedView(chat.press("U0LI", "ask.answer", ask, "li-answers"));
        assertThat(form.toString()).contains("What should I keep doing?", "Gil reads your answer with your name");
        chat.submitAs("U0LI", form, Map.of("keep", "Walking through the numbers first", "better", "Shorter slides"));

        JsonNode answer = chat.awaitDm("D0GIL", "Walking through the numbers first");
        Golden.assertMatches("feedback-request-answer", answer);
        assertThat(answer.toString())
                .contains("Li answered your feedback request about the Q4 launch demo", "Shorter slides");
        assertThat(chat.dmTexts("D0ZED")).noneMatch(text -> text.contains("Walking through the numbers"));

        String zedsAsk = strings("SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                        + " ON r.id = a.round_id WHERE r.feature = 'feedback' AND p.name = 'Zed'")
                .get(0);
        assertThat(chat.dmTexts("D0ZED")).anyMatch(text -> text.contains("ask.decline"));
        JsonNode decline = chat.openedView(chat.press("U0ZED", "ask.decline", zedsAsk, "zed-declines"));
        Golden.assertMatches("ask-decline-form", Golden.withoutMetadata(decline));
        chat.submitAs("U0ZED", decline, Map.of("reason", "I wasn't at the demo"));
        JsonNode declined = chat.awaitDm("D0GIL", "Zed declined your feedback request");
        assertThat(declined.toString()).contains("I wasn't at the demo");
        assertThat(strings("SELECT state || ' ' || skip_reason FROM asks WHERE id = " + zedsAsk))
                .containsExactly("skipped declined");
        String again = chat.press("U0ZED", "ask.decline", zedsAsk, "zed-again");
        await("declining twice is refused")
                .atMost(Duration.ofSeconds(10))
                .until(() -> String.join(" ", slack.responses("zed-again")).contains("You declined this one"));
        assertThat(again).isNotBlank();
    }

    @Test
    @Order(11)
    void anAnonymousRequestShowsItsAnswersOnlyWhenItClosesWithoutNamesAndFromThree() throws Exception {
        assertThat(text(feedback("request anonymous <@U0LI|li> <@U0ZED|zed> about the offsite", "U0GIL")))
                .contains("Ask at least 3 people anonymously");

        JsonNode asked = feedback("request anonymous <@U0LI|li> <@U0ZED|zed> <@U0MO|mo> about the offsite", "U0GIL");

        assertThat(text(asked)).contains("Asked Li, Zed and Mo anonymously", "without names, in random order");
        String round = strings("SELECT r.id::text FROM rounds r JOIN feedback_requests q ON r.subject = 'request:'"
                        + " || q.id WHERE q.topic = 'the offsite' AND r.anonymous")
                .get(0);
        Map<String, String> answers =
                Map.of("LI", "Clear agenda for the offsite", "ZED", "Good venue", "MO", "Strong facilitation");
        for (Map.Entry<String, String> person : answers.entrySet()) {
            String ask = strings(
                            "SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id WHERE a.round_id" + " = "
                                    + round + " AND p.name = ?",
                            person.getKey().charAt(0)
                                    + person.getKey().substring(1).toLowerCase())
                    .get(0);
            JsonNode form =
                    chat.openedView(chat.press("U0" + person.getKey(), "ask.answer", ask, "anon-" + person.getKey()));
            assertThat(form.toString()).contains("reads the answers without names");
            chat.submitAs("U0" + person.getKey(), form, Map.of("keep", person.getValue(), "better", ""));
        }
        assertThat(chat.dmTexts("D0GIL")).noneMatch(text -> text.contains("Good venue"));
        assertThat(strings("SELECT coalesce(ask_id::text, 'no ask') FROM answers WHERE round_id = " + round))
                .containsOnly("no ask")
                .hasSize(3);

        ((dev.candor.scheduler.ask.AskSweepJob) candor.asking().sweepJob().job()).sweep();

        JsonNode all = chat.awaitDm("D0GIL", "3 anonymous answers to your feedback request about the offsite");
        assertThat(all.toString())
                .contains("Clear agenda for the offsite", "Good venue", "Strong facilitation")
                .doesNotContain("Li", "Zed", "Mo ");
    }

    @Test
    @Order(12)
    void moRunsA360AboutAnaWhoReadsTheAnswersWithoutNamesOnlyWhenItCloses() throws Exception {
        assertThat(text(feedback("request about <@U0ANA|ana> from <@U0LI|li>", "U0GIL")))
                .contains("Only Ana's manager (or an HR admin) can ask for feedback about them")
                .contains("/feedback nominate");
        assertThat(text(feedback("request about <@U0ANA|ana> <@U0LI|li>", "U0MO")))
                .contains("request about @Ana from");
        assertThat(text(feedback("request about <@U0ANA|ana> from <@U0ANA|ana> <@U0LI|li>", "U0MO")))
                .contains("Ana is who the feedback is about");

        JsonNode asked = feedback(
                "request about <@U0ANA|ana> from <@U0LI|li> <@U0ZED|zed> <@U0GIL|gil> for the mid-year review", "U0MO");

        assertThat(text(asked))
                .startsWith("📨 Asked Li, Zed and Gil for feedback about Ana: the mid-year review.")
                .contains("Ana reads them without names, all together when the request closes, if at least 3");
        JsonNode told = chat.awaitDm("D0ANA", "Mo asked 3 people for feedback about you: the mid-year review");
        Golden.assertMatches("feedback-360-subject", told);
        String round = strings("SELECT r.id::text FROM rounds r JOIN feedback_requests q ON r.subject = 'request:'"
                        + " || q.id WHERE q.topic = 'the mid-year review' AND q.subject_sees = 'anonymous'"
                        + " AND NOT r.anonymous")
                .get(0);
        Map<String, String> answers =
                Map.of("LI", "Ana unblocks everyone", "ZED", "Ana writes clear specs", "GIL", "Ana pairs generously");
        for (Map.Entry<String, String> person : answers.entrySet()) {
            String name =
                    person.getKey().charAt(0) + person.getKey().substring(1).toLowerCase();
            chat.awaitDm("D0" + person.getKey(), "Feedback about Ana for Mo: the mid-year review");
            String ask = strings(
                            "SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id WHERE a.round_id = "
                                    + round + " AND p.name = ?",
                            name)
                    .get(0);
            JsonNode form =
                    chat.openedView(chat.press("U0" + person.getKey(), "ask.answer", ask, "360-" + person.getKey()));
            assertThat(form.toString())
                    .contains("What should they keep doing?")
                    .contains("Mo reads your answer with your name. Ana reads the answers without names");
            chat.submitAs("U0" + person.getKey(), form, Map.of("keep", person.getValue(), "better", ""));
            JsonNode named = chat.awaitDm("D0MO", person.getValue());
            assertThat(named.toString()).contains(name + " answered your feedback request about Ana: the mid-year");
        }
        assertThat(chat.dmTexts("D0ANA")).noneMatch(text -> text.contains("Ana unblocks everyone"));

        ((dev.candor.scheduler.ask.AskSweepJob) candor.asking().sweepJob().job()).sweep();

        JsonNode all = chat.awaitDm("D0ANA", "3 anonymous answers to Mo's feedback request about you");
        assertThat(all.toString())
                .contains("Ana unblocks everyone", "Ana writes clear specs", "Ana pairs generously")
                .doesNotContain("Li ", "Zed", "Gil");
        // nobody else reads a word of it: not a peer who answered, another manager, a colleague, or HR
        for (String channel : List.of("D0LI", "D0ZED", "D0GIL", "D0HANA", "D0OLA")) {
            assertThat(chat.dmTexts(channel)).noneMatch(text -> text.contains("Ana writes clear specs"));
        }
        for (String user : List.of("U0GIL", "U0ZED", "U0HANA", "U0LI")) {
            assertThat(feedback("me", user).toString()).doesNotContain("clear specs");
            assertThat(feedback("team", user).toString()).doesNotContain("clear specs");
            assertThat(openHome(user).toString()).doesNotContain("clear specs");
        }
    }

    @Test
    @Order(13)
    void anaNominatesPeersHerManagerApprovesAndSheReadsEachAnswerNamedWhenHrSaysSo() throws Exception {
        assertThat(text(candor("admin feedback subject-sees named", "U0HANA"))).contains("anonymous → named");
        assertThat(text(feedback("nominate <@U0LI|li> <@U0ZED|zed>", "U0HANA"))).contains("who your manager is");
        assertThat(text(feedback("nominate <@U0MO|mo>", "U0ANA"))).contains("Mo reads the answers");
        assertThat(text(feedback("nominate", "U0ANA"))).contains("/feedback nominate @Li @Mo");

        JsonNode sent = feedback("nominate <@U0LI|li> <@U0ZED|zed> for the Q1 project", "U0ANA");

        assertThat(text(sent))
                .isEqualTo("📨 Sent to Mo for approval: Li and Zed, about the Q1 project. You'll hear"
                        + " here when Mo decides.");
        JsonNode dm = chat.awaitDm("D0MO", "Ana proposes Li and Zed to give feedback about Ana: the Q1 project");
        Golden.assertMatches("feedback-nomination", dm);
        String nomination = strings("SELECT id::text FROM feedback_nominations WHERE topic = 'the Q1 project'")
                .get(0);
        chat.press("U0GIL", "feedback.nomination.approve", nomination, "gil-approves");
        await("someone else's approval is refused")
                .atMost(Duration.ofSeconds(10))
                .until(() -> String.join(" ", slack.responses("gil-approves")).contains("Only the manager"));

        chat.press("U0MO", "feedback.nomination.approve", nomination, "mo-approves");
        await("Mo's approval asks them").atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        String.join(" ", slack.responses("mo-approves")))
                .contains("Asked Li and Zed for feedback about Ana: the Q1 project"));
        chat.awaitDm("D0ANA", "Mo approved your nomination and asked Li and Zed for feedback about the Q1 project");
        chat.press("U0MO", "feedback.nomination.approve", nomination, "mo-again");
        await("approving twice asks nobody twice")
                .atMost(Duration.ofSeconds(10))
                .until(() -> String.join(" ", slack.responses("mo-again")).contains("decided on this nomination"));
        assertThat(strings("SELECT q.subject_sees || ' ' || r.name FROM feedback_nominations n JOIN feedback_requests q"
                        + " ON q.id = n.request_id JOIN people r ON r.id = q.requester_id WHERE n.id = "
                        + nomination))
                .containsExactly("named Mo");

        String ask = strings("SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r ON"
                        + " r.id = a.round_id JOIN feedback_requests q ON r.subject = 'request:' || q.id"
                        + " WHERE q.topic = 'the Q1 project' AND p.name = 'Li'")
                .get(0);
        chat.awaitDm("D0LI", "Feedback about Ana for Mo: the Q1 project");
        JsonNode form = chat.openedView(chat.press("U0LI", "ask.answer", ask, "li-q1"));
        assertThat(form.toString()).contains("Ana reads it too, with your name");
        chat.submitAs("U0LI", form, Map.of("keep", "Ana ran the Q1 retro well", "better", "Share drafts earlier"));
        chat.awaitDm("D0MO", "Ana ran the Q1 retro well");
        JsonNode toAna = chat.awaitDm("D0ANA", "Li answered Mo's feedback request about you: the Q1 project");
        assertThat(toAna.toString()).contains("Ana ran the Q1 retro well", "Share drafts earlier");
        assertThat(chat.dmTexts("D0ZED")).noneMatch(text -> text.contains("Q1 retro"));
        assertThat(chat.dmTexts("D0HANA")).noneMatch(text -> text.contains("Q1 retro"));

        feedback("nominate <@U0GIL|gil> for the offsite", "U0ANA");
        chat.awaitDm("D0MO", "Ana proposes Gil");
        String second = strings("SELECT id::text FROM feedback_nominations WHERE topic = 'the offsite'")
                .get(0);
        chat.press("U0MO", "feedback.nomination.decline", second, "mo-declines");
        chat.awaitDm("D0ANA", "Mo declined your nomination for feedback about the offsite");
        assertThat(strings("SELECT state FROM feedback_nominations WHERE id = " + second))
                .containsExactly("declined");
        assertThat(text(candor("admin feedback subject-sees anonymous", "U0HANA")))
                .contains("named → anonymous");
    }

    @Test
    @Order(14)
    void theRequestFormAsksSeveralPeopleAndRefusesA360FromSomeoneWhoIsNotTheManager() throws Exception {
        JsonNode form = chat.openedView(command("request", "U0GIL").trigger());
        Golden.assertMatches("feedback-request-form", Golden.withoutMetadata(form));
        assertThat(form.get("callback_id").asText()).isEqualTo("feedback.request");

        JsonNode refused =
                chat.submitAs("U0GIL", form, Map.of("people", "U0LI", "about", "U0ANA", "topic", "the Q2 plan"));
        assertThat(refused.path("response_action").asText()).isEqualTo("errors");
        assertThat(refused.path("errors").path("about").asText()).contains("Only Ana's manager (or an HR admin)");
        JsonNode yourself = chat.submitAs("U0GIL", form, Map.of("people", "U0GIL,U0LI", "topic", "the Q2 plan"));
        assertThat(yourself.path("errors").path("people").asText()).contains("Asking yourself");
        assertThat(count("SELECT count(*) FROM feedback_requests WHERE topic = 'the Q2 plan'"))
                .isZero();

        JsonNode asked = chat.submitAs("U0GIL", form, Map.of("people", "U0LI,U0HANA", "topic", "the Q2 plan"));
        assertThat(asked.path("response_action").asText(null)).as("%s", asked).isNotEqualTo("errors");
        chat.awaitDm("D0LI", "Feedback for Gil about the Q2 plan");
        chat.awaitDm("D0HANA", "Feedback for Gil about the Q2 plan");
        assertThat(strings("SELECT p.name FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r ON r.id ="
                        + " a.round_id JOIN feedback_requests q ON r.subject = 'request:' || q.id WHERE q.topic ="
                        + " 'the Q2 plan' ORDER BY p.name"))
                .containsExactly("Hana", "Li");

        assertThat(strings("SELECT DISTINCT q.feature FROM rounds r JOIN questionnaires q ON q.id = r.questionnaire_id"
                        + " JOIN feedback_requests f ON r.subject = 'request:' || f.id WHERE f.topic = 'the Q2 plan'"))
                .as("the questions as the form showed them are the defaults")
                .containsExactly("feedback");

        JsonNode home = openHome("U0ANA");
        String trigger = chat.press(
                "U0ANA", button(home, "Ask for feedback").path("action_id").asText(), "home", "ana-ask");
        assertThat(chat.openedView(trigger).get("callback_id").asText()).isEqualTo("feedback.request");
    }

    @Test
    @Order(15)
    void aRequesterWritesTheirOwnQuestionsAndReadsTheAnswersUnderThem() throws Exception {
        JsonNode form = chat.openedView(command("request", "U0GIL").trigger());

        JsonNode wrong = chat.submitAs(
                "U0GIL", form, Map.of("people", "U0ZED", "topic", "the hiring loop", "questions", "How was it?"));
        assertThat(wrong.path("errors").path("questions").asText()).contains("Line 1", "One question per line");

        String own = "scale: How clear was the hiring loop? [Unclear | Very clear]\n"
                + "choices: Which parts worked? [Brief | Interviews | Debrief]\ntext: What would you change? (optional)";
        JsonNode asked =
                chat.submitAs("U0GIL", form, Map.of("people", "U0ZED", "topic", "the hiring loop", "questions", own));
        assertThat(asked.path("response_action").asText(null)).as("%s", asked).isNotEqualTo("errors");
        String ask = strings("SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id JOIN feedback_requests f"
                        + " ON r.subject = 'request:' || f.id WHERE f.topic = 'the hiring loop'")
                .get(0);
        chat.awaitDm("D0ZED", "Feedback for Gil about the hiring loop");

        JsonNode answering = chat.openedView(chat.press("U0ZED", "ask.answer", ask, "zed-hiring"));
        assertThat(answering.toString())
                .contains("How clear was the hiring loop?", "Which parts worked?", "What would you change?")
                .doesNotContain("What should I keep doing?");
        JsonNode answered = chat.submitAs(
                "U0ZED",
                answering,
                Map.of(
                        blockId(answering, "How clear was the hiring loop?"), "4",
                        blockId(answering, "Which parts worked?"), "2",
                        blockId(answering, "What would you change?"), "Fewer rounds"));

        assertThat(answered.path("response_action").asText(null))
                .as("%s", answered)
                .isNotEqualTo("errors");
        JsonNode answer = chat.awaitDm("D0GIL", "Fewer rounds");
        assertThat(answer.toString())
                .contains("Zed answered your feedback request about the hiring loop", "How clear was the hiring loop?")
                .contains("Which parts worked?", "Debrief", "What would you change?");
        assertThat(strings("SELECT q.feature FROM questionnaires q JOIN rounds r ON r.questionnaire_id = q.id JOIN"
                        + " feedback_requests f ON r.subject = 'request:' || f.id WHERE f.topic = 'the hiring loop'"))
                .containsExactly("feedback_own");
    }

    /** Opens the App Home as this person and returns the view Candor published for them. */
    private static JsonNode openHome(String user) throws Exception {
        int before = published(user).size();
        String event = SlackRequests.homeOpened("Ev0HOME" + user + System.nanoTime(), user, "home");
        assertThat(client.post(event, "application/json", NOW.getEpochSecond(), Map.of())
                        .statusCode())
                .isEqualTo(200);
        await("views.publish for " + user)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> published(user).size() > before);
        List<JsonNode> views = published(user);
        return views.get(views.size() - 1);
    }

    private static List<JsonNode> published(String user) throws Exception {
        List<JsonNode> views = new ArrayList<>();
        for (Map<String, String> call : slack.calls("views.publish")) {
            if (user.equals(call.get("user_id"))) {
                views.add(Golden.parse(call.get("view")));
            }
        }
        return views;
    }

    private static List<String> fields(JsonNode view) {
        List<String> fields = new ArrayList<>();
        for (JsonNode block : view.get("blocks")) {
            block.path("fields").forEach(field -> fields.add(field.path("text").asText()));
        }
        return fields;
    }

    private static JsonNode giveButton(JsonNode view) {
        return button(view, "Give feedback");
    }

    /** The block id of the form's input labelled {@code label}. */
    private static String blockId(JsonNode view, String label) {
        for (JsonNode block : view.get("blocks")) {
            if (label.equals(block.path("label").path("text").asText())) {
                return block.path("block_id").asText();
            }
        }
        throw new AssertionError("no input labelled " + label + " in " + view);
    }

    private static JsonNode button(JsonNode view, String label) {
        for (JsonNode block : view.get("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (label.equals(element.path("text").path("text").asText())) {
                    return element;
                }
            }
        }
        throw new AssertionError("no " + label + " button in " + view);
    }

    private static JsonNode feedback(String text, String user) throws Exception {
        return command(text, user).body();
    }

    private static SlackChat.Command command(String text, String user) throws Exception {
        return chat.command("feedback", text, user);
    }

    private static JsonNode candor(String text, String user) throws Exception {
        return chat.command("candor", text, user).body();
    }

    private static String text(JsonNode body) {
        return body.path("text").asText();
    }

    private static String feedbackId(String words) {
        return strings("SELECT id::text FROM feedback WHERE body LIKE ?", "%" + words + "%")
                .get(0);
    }

    private static long person(long orgId, String name, Long managerId, String role, boolean active, boolean bot) {
        return database.jdbi().withHandle(handle -> {
            long id = handle.createQuery(
                            "INSERT INTO people (org_id, name, timezone, profile_timezone, manager_id, role, active,"
                                    + " is_bot) VALUES (:org, :name, 'Europe/Berlin', 'Europe/Berlin', :manager, :role,"
                                    + " :active, :bot) RETURNING id")
                    .bind("org", orgId)
                    .bind("name", name)
                    .bind("manager", managerId)
                    .bind("role", role)
                    .bind("active", active)
                    .bind("bot", bot)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', ?)",
                    orgId,
                    id,
                    name.equals("Deploybot") ? "U0BOT" : "U0" + name.toUpperCase());
            return id;
        });
    }

    private static long count(String sql) {
        return database.jdbi()
                .withHandle(handle -> handle.select(sql).mapTo(Long.class).one());
    }

    private static List<String> strings(String sql, Object... arguments) {
        return database.jdbi()
                .withHandle(handle ->
                        handle.select(sql, arguments).mapTo(String.class).list());
    }
}
