package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
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
 * Feedback in Teams, from JWT-signed activities in each person's chat with Candor: Gil gives Ana feedback in one
 * line (private) and from the form card for her manager Mo alone; Ana thanks Gil and replies; then everyone tries
 * to read each piece (the visibility matrix): exactly its giver and whom its visibility names read its words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsFeedbackTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final String PRIVATE_TEXT = "the demo was clear; next time leave time for questions";
    private static final String MANAGER_ONLY_TEXT = "Ana was late with the Q4 numbers three times this month";
    private static final String SHARED_TEXT = "The launch plan of Li was thorough and easy to follow";
    private static final List<String> PEOPLE = List.of("gil", "ana", "mo", "li", "hana", "zed");

    private static TeamsServer teams;
    private static TeamsChat chat;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(Clock.fixed(NOW, ZoneOffset.UTC));
        chat = new TeamsChat(teams, PEOPLE);
        for (String person : PEOPLE) {
            teams.post(chat.says(person, "help").json());
        }
        teams.awaitOutboxIdle();
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'hr_admin' WHERE name = 'Hana'");
            handle.execute("UPDATE people SET role = 'manager' WHERE name IN ('Mo', 'Zed')");
            handle.execute(
                    "UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Zed') WHERE name = 'Li'");
            handle.execute("UPDATE people SET manager_id = (SELECT id FROM people WHERE name = 'Mo')"
                    + " WHERE name IN ('Ana', 'Gil')");
        });
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
    void gilGivesAnaPrivateFeedbackInOneLineAndOnlyAnaIsSentIt() throws Exception {
        JsonNode confirmation = chat.reply(
                chat.says("gil", "feedback <at>Ana</at> " + PRIVATE_TEXT).mention("29:ana", "Ana"));

        assertThat(confirmation.toString()).contains("Feedback sent to Ana. Only Ana (and you) can read it.");
        JsonNode dm = chat.awaitDm("ana", PRIVATE_TEXT);
        Goldens.assertMatches("feedback-dm.json", dm);
        assertThat(dm.toString()).contains("Feedback from Gil", "feedback.thank", "feedback.reply");
        assertThat(Rows.strings(teams.jdbi(), "SELECT visibility FROM feedback"))
                .containsExactly("private");
    }

    @Test
    @Order(2)
    void theFormCardSendsFeedbackForTheManagerAlone() throws Exception {
        JsonNode form = chat.reply(chat.says("gil", "feedback"));
        Goldens.assertMatches("feedback-form.json", form);

        JsonNode refused = chat.answer(chat.submits(
                "gil",
                Cards.filledIn(form, Map.of("person", chat.aad("ana"), "went_well", "ok", "visibility", "private"))));
        assertThat(refused.toString()).contains("at least 20 characters");

        JsonNode sent = chat.answer(chat.submits(
                "gil",
                Cards.filledIn(
                        form,
                        Map.of("person", chat.aad("ana"), "better", MANAGER_ONLY_TEXT, "visibility", "manager_only"))));
        assertThat(sent.toString()).contains("Feedback about Ana sent to Mo");
        chat.awaitDm("mo", MANAGER_ONLY_TEXT);
        assertThat(chat.dms("ana")).noneMatch(text -> text.contains(MANAGER_ONLY_TEXT));
        assertThat(Rows.strings(teams.jdbi(), "SELECT visibility FROM feedback ORDER BY id"))
                .containsExactly("private", "manager_only");
    }

    @Test
    @Order(3)
    void anaThanksGilAndReplies() throws Exception {
        String id = feedbackId(PRIVATE_TEXT);
        JsonNode thanked = chat.answer(chat.presses("ana", "feedback.thank", id));
        assertThat(thanked.toString()).contains("Gil will hear that you thanked them");
        chat.awaitDm("gil", "Ana thanked you");

        JsonNode replyForm = chat.answer(chat.presses("ana", "feedback.reply", id));
        assertThat(replyForm.toString()).contains("Your reply to Gil");
        JsonNode sent = chat.answer(chat.submits(
                "ana", Cards.filledIn(replyForm, Map.of("text", "Thanks, I will keep ten minutes for questions"))));
        assertThat(sent.toString()).contains("on its way to Gil");
        chat.awaitDm("gil", "keep ten minutes for questions");
    }

    @Test
    @Order(4)
    void exactlyTheGiverAndWhomTheVisibilityNamesReadEachPiece() throws Exception {
        JsonNode form = chat.reply(chat.says("gil", "feedback"));
        assertThat(chat.answer(chat.submits(
                                "gil",
                                Cards.filledIn(
                                        form,
                                        Map.of(
                                                "person",
                                                chat.aad("li"),
                                                "went_well",
                                                SHARED_TEXT,
                                                "visibility",
                                                "with_manager"))))
                        .toString())
                .contains("Li and their manager Zed");
        // the giver, the recipient, the recipient's manager, another manager, a peer, an HR admin
        Map<String, List<String>> readers = Map.of(
                PRIVATE_TEXT, List.of("gil", "ana"),
                MANAGER_ONLY_TEXT, List.of("gil", "mo"),
                SHARED_TEXT, List.of("gil", "li", "zed"));
        for (String who : PEOPLE) {
            String seen = chat.reply(chat.says(who, "feedback me")).toString()
                    + chat.reply(chat.says(who, "feedback team"))
                    + welcome(who);
            for (Map.Entry<String, List<String>> piece : readers.entrySet()) {
                assertThat(seen.contains(piece.getKey()))
                        .as("%s reads \"%s\"", who, piece.getKey())
                        .isEqualTo(piece.getValue().contains(who));
                JsonNode pressed = chat.answer(chat.presses(who, "feedback.reply", feedbackId(piece.getKey())));
                assertThat(pressed.toString().contains("yours to read"))
                        .as("%s is refused the reply form of \"%s\"", who, piece.getKey())
                        .isNotEqualTo(piece.getValue().contains(who));
            }
        }
        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT DISTINCT target FROM outbox WHERE idempotency_key LIKE 'feedback:%' ORDER BY target"))
                .as("feedback was sent to its readers only")
                .containsExactly("29:ana", "29:gil", "29:li", "29:mo", "29:zed");
    }

    @Test
    @Order(5)
    void theWelcomeOfThePersonalChatShowsEachPersonOnlyTheFeedbackTheyReceivedAndItsButtonOpensTheForm()
            throws Exception {
        for (String who : PEOPLE) {
            String home = welcome(who).toString();
            assertThat(home).as("%s's welcome", who).contains("Your feedback", "Give feedback");
            assertThat(home.contains(PRIVATE_TEXT))
                    .as("%s's welcome shows the private piece", who)
                    .isEqualTo(who.equals("ana"));
            assertThat(home).as("%s's welcome", who).doesNotContain(MANAGER_ONLY_TEXT);
            assertThat(home.contains("@Candor feedback team shows how much feedback"))
                    .as("%s's welcome points to the team", who)
                    .isEqualTo(who.equals("mo") || who.equals("zed"));
        }
        JsonNode ana = welcome("ana");
        // two received, one of them for Mo alone: Ana reads one and counts one
        assertThat(facts(ana)).containsEntry("Received, last 90 days", "1").containsEntry("Given, last 90 days", "0");
        assertThat(facts(welcome("gil"))).containsEntry("Given, last 90 days", "3");

        JsonNode form =
                chat.answer(chat.submits("ana", giveButton(ana).path("data").deepCopy()));
        assertThat(form.toString()).contains("Give feedback", "Who is it for?", "What went well?", "Who reads it?");
        assertThat(Cards.input(form, "person").path("type").asText()).isEqualTo("Input.ChoiceSet");
    }

    @Test
    @Order(6)
    void hrSwitchesAVisibilityOffAndTheFormNoLongerOffersIt() throws Exception {
        assertThat(chat.reply(chat.says("gil", "candor admin feedback with-manager off"))
                        .toString())
                .contains("HR admins");
        JsonNode changed = chat.reply(chat.says("hana", "candor admin feedback with-manager off"));
        assertThat(changed.toString())
                .contains("Them and their manager**: on → off", "Undo: @Candor admin feedback with-manager on");
        Goldens.assertMatches("feedback-admin.json", chat.reply(chat.says("hana", "candor admin feedback")));

        JsonNode form = chat.reply(chat.says("gil", "feedback"));
        assertThat(Cards.input(form, "visibility").toString())
                .contains("manager_only")
                .doesNotContain("with_manager");
        assertThat(Rows.strings(teams.jdbi(), "SELECT action || ' ' || new_value FROM audit_log"))
                .containsExactly("feedback with-manager off");
    }

    @Test
    @Order(7)
    void gilAsksLiForFeedbackAndGetsHerAnswerNamed() throws Exception {
        JsonNode asked = chat.reply(chat.says("gil", "feedback request <at>Li</at> about the Q4 launch demo")
                .mention("29:li", "Li"));
        assertThat(asked.toString()).contains("Asked Li for feedback about the Q4 launch demo");
        chat.awaitDm("li", "Feedback for Gil about the Q4 launch demo");
        String ask = Rows.strings(
                        teams.jdbi(),
                        "SELECT a.id::text FROM asks a JOIN rounds r ON r.id = a.round_id WHERE r.feature = 'feedback'")
                .get(0);

        JsonNode form = chat.answer(chat.presses("li", "ask.answer", ask));
        assertThat(form.toString()).contains("What should I keep doing?", "Gil reads your answer with your name");
        teams.post(chat.submits(
                        "li", Cards.filledIn(form, Map.of("keep", "Walking through the numbers first", "better", "")))
                .json());

        JsonNode answer = chat.awaitDm("gil", "Walking through the numbers first");
        Goldens.assertMatches("feedback-request-answer.json", answer);
        assertThat(answer.toString())
                .contains("Li answered your feedback request about the Q4 launch demo", "(no answer)");
    }

    @Test
    @Order(8)
    void moDeclinesARequestWithAReasonThatGilReceives() throws Exception {
        chat.reply(chat.says("gil", "feedback request <at>Mo</at> about the offsite")
                .mention("29:mo", "Mo"));
        String ask = Rows.strings(
                        teams.jdbi(),
                        "SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id JOIN rounds r"
                                + " ON r.id = a.round_id WHERE r.feature = 'feedback' AND p.name = 'Mo'")
                .get(0);
        assertThat(chat.awaitDm("mo", "Feedback for Gil about the offsite").toString())
                .contains("ask.decline");

        JsonNode form = chat.answer(chat.presses("mo", "ask.decline", ask));
        Goldens.assertMatches("ask-decline-form.json", form);
        teams.post(chat.submits("mo", Cards.filledIn(form, Map.of("reason", "I missed the offsite")))
                .json());

        assertThat(chat.awaitDm("gil", "Mo declined your feedback request about the offsite")
                        .toString())
                .contains("I missed the offsite");
        assertThat(chat.answer(chat.presses("mo", "ask.answer", ask)).toString())
                .contains("You declined this one");
    }

    @Test
    @Order(9)
    void anAnonymousRequestWithTooFewAnswersShowsNone() throws Exception {
        JsonNode asked = chat.reply(chat.says(
                        "gil",
                        "feedback request anonymous <at>Li</at> <at>Mo</at> <at>Hana</at> about the" + " roadmap")
                .mention("29:li", "Li")
                .mention("29:mo", "Mo")
                .mention("29:hana", "Hana"));
        assertThat(asked.toString()).contains("Asked Li, Mo and Hana anonymously");
        String round = Rows.strings(
                        teams.jdbi(),
                        "SELECT r.id::text FROM rounds r JOIN feedback_requests q ON r.subject = 'request:' || q.id"
                                + " WHERE q.topic = 'the roadmap'")
                .get(0);
        JsonNode form = chat.answer(chat.presses("li", "ask.answer", ask(round, "Li")));
        assertThat(form.toString()).contains("reads the answers without names");
        teams.post(chat.submits("li", Cards.filledIn(form, Map.of("keep", "The quarterly themes", "better", "")))
                .json());
        for (String person : List.of("mo", "hana")) {
            JsonNode decline =
                    chat.answer(chat.presses(person, "ask.decline", ask(round, person.equals("mo") ? "Mo" : "Hana")));
            teams.post(chat.submits(person, Cards.filledIn(decline, Map.of("reason", "")))
                    .json());
        }

        ((dev.candor.scheduler.ask.AskSweepJob) teams.candor.asking().sweepJob().job()).sweep();

        JsonNode closed = chat.awaitDm("gil", "closed with 1 answer");
        assertThat(closed.toString()).contains("Candor keeps them to itself").doesNotContain("The quarterly themes");
    }

    @Test
    @Order(10)
    void anaNominatesPeersMoApprovesAndUnderANamedPolicyAnaReadsEachAnswer() throws Exception {
        assertThat(chat.reply(chat.says("hana", "candor admin feedback subject-sees named"))
                        .toString())
                .contains("anonymous → named");
        assertThat(chat.reply(chat.says("gil", "feedback request about <at>Ana</at> from <at>Li</at>")
                                .mention("29:ana", "Ana")
                                .mention("29:li", "Li"))
                        .toString())
                .contains("Only Ana's manager (or an HR admin)");

        JsonNode sent = chat.reply(chat.says("ana", "feedback nominate <at>Li</at> <at>Gil</at> for the Q1 project")
                .mention("29:li", "Li")
                .mention("29:gil", "Gil"));

        assertThat(sent.toString()).contains("Sent to Mo for approval: Li and Gil, about the Q1 project");
        JsonNode dm = chat.awaitDm("mo", "Ana proposes Li and Gil to give feedback about Ana: the Q1 project");
        Goldens.assertMatches("feedback-nomination.json", dm);
        String nomination = Rows.strings(teams.jdbi(), "SELECT id::text FROM feedback_nominations")
                .get(0);
        assertThat(chat.answer(chat.presses("gil", "feedback.nomination.approve", nomination))
                        .toString())
                .contains("Only the manager it was sent to");
        assertThat(chat.answer(chat.presses("mo", "feedback.nomination.approve", nomination))
                        .toString())
                .contains("Asked Li and Gil for feedback about Ana: the Q1 project");
        chat.awaitDm("ana", "Mo approved your nomination and asked Li and Gil");

        String round = Rows.strings(
                        teams.jdbi(),
                        "SELECT r.id::text FROM rounds r JOIN feedback_requests q ON r.subject = 'request:' || q.id"
                                + " WHERE q.topic = 'the Q1 project' AND q.subject_sees = 'named'")
                .get(0);
        JsonNode form = chat.answer(chat.presses("li", "ask.answer", ask(round, "Li")));
        assertThat(form.toString()).contains("What should they keep doing?", "Ana reads it too, with your name");
        teams.post(chat.submits("li", Cards.filledIn(form, Map.of("keep", "Ana ran the Q1 retro well", "better", "")))
                .json());
        assertThat(chat.awaitDm("mo", "Ana ran the Q1 retro well").toString())
                .contains("Li answered your feedback request about Ana: the Q1 project");
        assertThat(chat.awaitDm("ana", "Li answered Mo's feedback request about you")
                        .toString())
                .contains("Ana ran the Q1 retro well");
        for (String other : List.of("gil", "hana", "li")) {
            assertThat(chat.dms(other)).noneMatch(text -> text.contains("Q1 retro"));
        }
        assertThat(chat.reply(chat.says("hana", "candor admin feedback subject-sees anonymous"))
                        .toString())
                .contains("named → anonymous");
    }

    @Test
    @Order(11)
    void theRequestFormAsksSeveralPeopleAndRefusesA360FromSomeoneWhoIsNotTheManager() throws Exception {
        JsonNode form = chat.reply(chat.says("gil", "feedback request"));
        Goldens.assertMatches("feedback-request-form.json", form);
        assertThat(Cards.input(form, "people").path("type").asText()).isEqualTo("Input.ChoiceSet");

        JsonNode refused = chat.answer(chat.submits(
                "gil",
                Cards.filledIn(
                        form, Map.of("people", chat.aad("li"), "about", chat.aad("ana"), "topic", "the Q2 plan"))));
        assertThat(refused.toString()).contains("Only Ana's manager (or an HR admin)");
        assertThat(Rows.strings(teams.jdbi(), "SELECT id::text FROM feedback_requests WHERE topic = 'the Q2 plan'"))
                .isEmpty();

        JsonNode asked = chat.answer(chat.submits(
                "gil",
                Cards.filledIn(
                        form, Map.of("people", chat.aad("li") + "," + chat.aad("hana"), "topic", "the Q2 plan"))));
        assertThat(asked.toString()).contains("Asked Li and Hana for feedback about the Q2 plan");
        chat.awaitDm("li", "Feedback for Gil about the Q2 plan");
        chat.awaitDm("hana", "Feedback for Gil about the Q2 plan");

        JsonNode viaWelcome = chat.answer(chat.submits(
                "ana", button(welcome("ana"), "Ask for feedback").path("data").deepCopy()));
        assertThat(viaWelcome.toString()).contains("Ask for feedback", "Whom do you ask?");
    }

    @Test
    @Order(12)
    void aRequesterWritesTheirOwnQuestionsAndReadsTheAnswersUnderThem() throws Exception {
        JsonNode form = chat.reply(chat.says("gil", "feedback request"));
        JsonNode wrong = chat.answer(chat.submits(
                "gil",
                Cards.filledIn(
                        form,
                        Map.of("people", chat.aad("li"), "topic", "the hiring loop", "questions", "How was it?"))));
        assertThat(wrong.toString()).contains("Line 1", "One question per line");

        String own = "scale: How clear was the hiring loop? [Unclear | Very clear]\n"
                + "text: What would you change? (optional)";
        assertThat(chat.answer(chat.submits(
                                "gil",
                                Cards.filledIn(
                                        form,
                                        Map.of(
                                                "people",
                                                chat.aad("li"),
                                                "topic",
                                                "the hiring loop",
                                                "questions",
                                                own))))
                        .toString())
                .contains("Asked Li for feedback about the hiring loop");
        chat.awaitDm("li", "Feedback for Gil about the hiring loop");
        String round = Rows.strings(
                        teams.jdbi(),
                        "SELECT r.id::text FROM rounds r JOIN feedback_requests q ON r.subject = 'request:' || q.id"
                                + " WHERE q.topic = 'the hiring loop'")
                .get(0);

        JsonNode answering = chat.answer(chat.presses("li", "ask.answer", ask(round, "Li")));
        assertThat(answering.toString())
                .contains("How clear was the hiring loop?", "What would you change?")
                .doesNotContain("What should I keep doing?");
        teams.post(chat.submits(
                        "li",
                        Cards.filledIn(
                                answering,
                                Map.of(
                                        inputLabelled(answering, "How clear was the hiring loop?"), "4",
                                        inputLabelled(answering, "What would you change?"), "Fewer rounds")))
                .json());
        assertThat(chat.awaitDm("gil", "Fewer rounds").toString())
                .contains("Li answered your feedback request about the hiring loop", "How clear was the hiring loop?");
    }

    private static String ask(String round, String name) {
        return Rows.strings(
                        teams.jdbi(),
                        "SELECT a.id::text FROM asks a JOIN people p ON p.id = a.person_id WHERE a.round_id = " + round
                                + " AND p.name = '" + name + "'")
                .get(0);
    }

    /** The card Candor greets the person with when they add it: their home sections come with it. */
    private static JsonNode welcome(String person) throws Exception {
        String name = Character.toUpperCase(person.charAt(0)) + person.substring(1);
        return chat.reply(TestActivity.conversationUpdate(teams.microsoft.serviceUrl(), TeamsServer.BOT_ID)
                .from("29:" + person, name, chat.aad(person))
                .inPersonalChat("a:dm-" + person)
                .timezone("Europe/Berlin"));
    }

    private static Map<String, String> facts(JsonNode card) {
        Map<String, String> facts = new HashMap<>();
        for (JsonNode fact : card.findValues("facts")) {
            fact.forEach(pair ->
                    facts.put(pair.path("title").asText(), pair.path("value").asText()));
        }
        return facts;
    }

    private static JsonNode giveButton(JsonNode card) {
        return button(card, "Give feedback");
    }

    /** The id of the card's input labelled {@code label}. */
    private static String inputLabelled(JsonNode card, String label) {
        for (JsonNode input : card.findParents("label")) {
            if (label.equals(input.path("label").asText()) && input.has("id")) {
                return input.path("id").asText();
            }
        }
        throw new AssertionError("no input labelled " + label + " in " + card);
    }

    private static JsonNode button(JsonNode card, String title) {
        for (JsonNode action : card.findValues("actions")) {
            for (JsonNode button : action) {
                if (title.equals(button.path("title").asText())) {
                    return button;
                }
            }
        }
        throw new AssertionError("no " + title + " button in " + card);
    }

    private static String feedbackId(String words) {
        return Rows.strings(teams.jdbi(), "SELECT id::text FROM feedback WHERE body LIKE '%" + words + "%'")
                .get(0);
    }
}
