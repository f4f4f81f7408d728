package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.bot.feedback.SpeakUpTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Speak up in Teams, from JWT-signed activities in each person's chat with Candor: Gil speaks up to HR (Hana and
 * Ines) from the form card; Hana replies, Gil gets a notice that names nothing, opens the replies and answers back;
 * Ines replies again and Gil answers again. Whoever isn't a reader or the author is refused, so is someone of another
 * organisation, speaking up in a channel, and speaking up once HR switched it off or chose one person; then every row
 * of the database is read for a link between Gil and what he wrote.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamsSpeakUpTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final List<String> PEOPLE = List.of("gil", "ana", "hana", "ines", "zed", "li");
    private static final long GIL = 90417;
    private static final String FIRST = "Promotions go to whoever the director lunches with and everyone knows it";
    private static final String REPLY1 = "Thank you. Which promotion round do you mean";
    private static final String ANSWER1 = "The one in October for the platform team";
    private static final String REPLY2 = "We will review that round with an outside panel";
    private static final String ANSWER2 = "Good, please share the criteria with everyone";
    private static final String TO_ZED = "Our team lead reads private messages on the shared laptop";
    private static final String THREAD_ID = "00000000-0000-4000-8000-000000000001";

    private static TeamsServer teams;
    private static TeamsChat chat;
    private static String thread;
    private static JsonNode hanasReplyForm;
    private static JsonNode gilsAnswerForm;

    @BeforeAll
    static void start() throws Exception {
        teams = new TeamsServer(Clock.fixed(NOW, ZoneOffset.UTC));
        chat = new TeamsChat(teams, PEOPLE);
        // Gil's person id is a number nothing else is, for the search of the database at the end
        teams.jdbi().useHandle(handle -> handle.execute("SELECT setval('people_id_seq', ?)", GIL - 1));
        for (String person : PEOPLE) {
            teams.post(chat.says(person, "help").json());
        }
        teams.awaitOutboxIdle();
        teams.jdbi().useHandle(handle -> {
            handle.execute("UPDATE people SET role = 'hr_admin' WHERE name IN ('Hana', 'Ines')");
            handle.execute("UPDATE people SET role = 'manager' WHERE name = 'Zed'");
        });
        assertThat(Rows.strings(teams.jdbi(), "SELECT id::text FROM people WHERE name = 'Gil'"))
                .containsExactly(Long.toString(GIL));
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
    void gilSpeaksUpFromTheFormAndEachHrAdminGetsItWithoutHisName() throws Exception {
        assertThat(chat.reply(chat.says("gil", "feedback help")).toString()).contains("@Candor feedback anonymous");
        JsonNode form = chat.reply(chat.says("gil", "feedback anonymous"));
        Goldens.assertMatches("speakup-form.json", form);

        assertThat(chat.answer(chat.submits("gil", Cards.filledIn(form, Map.of("message", "too short"))))
                        .toString())
                .contains("at least 10 characters");
        JsonNode sent = chat.answer(chat.submits("gil", Cards.filledIn(form, Map.of("message", FIRST))));
        assertThat(sent.toString())
                .contains("Sent anonymously to the HR admins", "without anyone learning who you are");

        thread = Rows.strings(teams.jdbi(), "SELECT id::text FROM speakup_threads")
                .get(0);
        JsonNode dm = chat.awaitDm("hana", FIRST);
        Goldens.assertMatches("speakup-dm.json", normalized(dm));
        assertThat(dm.toString())
                .contains("Someone spoke up anonymously", "Hana and Ines")
                .doesNotContain("Gil");
        chat.awaitDm("ines", FIRST);
        assertThat(chat.dms("gil")).noneMatch(text -> text.contains(FIRST));
    }

    @Test
    @Order(2)
    void hrRepliesGilIsNoticedOpensTheRepliesAndAnswersBackTwice() throws Exception {
        hanasReplyForm = chat.answer(chat.presses("hana", "feedback.speakup.reply", thread));
        Goldens.assertMatches("speakup-reply-form.json", normalized(hanasReplyForm));
        assertThat(chat.answer(chat.submits("hana", Cards.filledIn(hanasReplyForm, Map.of("message", REPLY1))))
                        .toString())
                .contains("The author gets a notice");

        JsonNode notice = chat.awaitDm("gil", "Someone replied to a message you sent anonymously");
        Goldens.assertMatches("speakup-notice.json", notice);
        assertThat(notice.toString()).doesNotContain(thread, REPLY1, "Hana");

        JsonNode mine = chat.answer(chat.presses("gil", "feedback.speakup.mine", "replies"));
        Goldens.assertMatches("speakup-mine.json", normalized(mine));
        assertThat(mine.toString()).contains(FIRST, REPLY1, "feedback.speakup.answer");

        gilsAnswerForm = chat.answer(chat.presses("gil", "feedback.speakup.answer", thread));
        Goldens.assertMatches("speakup-answer-form.json", normalized(gilsAnswerForm));
        assertThat(chat.answer(chat.submits("gil", Cards.filledIn(gilsAnswerForm, Map.of("message", ANSWER1))))
                        .toString())
                .contains("Sent without your name to Hana and Ines");
        Goldens.assertMatches("speakup-answered.json", normalized(chat.awaitDm("hana", ANSWER1)));
        chat.awaitDm("ines", ANSWER1);

        JsonNode inesForm = chat.answer(chat.presses("ines", "feedback.speakup.reply", thread));
        assertThat(inesForm.toString()).contains("Hana:", REPLY1, "The author:", ANSWER1);
        chat.answer(chat.submits("ines", Cards.filledIn(inesForm, Map.of("message", REPLY2))));
        chat.awaitDm("gil", "Someone replied to a message you sent anonymously");
        assertThat(chat.answer(chat.presses("gil", "feedback.speakup.mine", "replies"))
                        .toString())
                .contains("Ines:", REPLY2);
        assertThat(chat.reply(chat.says("gil", "feedback anonymous replies")).toString())
                .as("the same without the notice")
                .contains("Ines:", REPLY2);
        JsonNode again = chat.answer(chat.presses("gil", "feedback.speakup.answer", thread));
        chat.answer(chat.submits("gil", Cards.filledIn(again, Map.of("message", ANSWER2))));
        chat.awaitDm("hana", ANSWER2);
        chat.awaitDm("ines", ANSWER2);

        assertThat(Rows.strings(
                        teams.jdbi(),
                        "SELECT seq || ' ' || coalesce(p.name, 'the author') FROM speakup_messages m LEFT JOIN people p"
                                + " ON p.id = m.sender_id ORDER BY seq"))
                .containsExactly("1 the author", "2 Hana", "3 the author", "4 Ines", "5 the author");
        teams.awaitOutboxIdle();
        assertThat(Rows.count(
                        teams.jdbi(),
                        "SELECT count(*) FROM outbox WHERE target = '29:gil' AND idempotency_key LIKE"
                                + " 'speakup:notice:%'"))
                .as("both notices reached Gil, and neither left a row naming him")
                .isZero();
    }

    @Test
    @Order(3)
    void onlyReadersReplyOnlyTheAuthorOpensAndAnotherOrganisationSeesNothing() throws Exception {
        assertThat(chat.answer(chat.presses("li", "feedback.speakup.reply", thread))
                        .toString())
                .contains("Only the people this anonymous message was sent to can reply to it.");
        assertThat(chat.answer(chat.submits("li", Cards.filledIn(hanasReplyForm, Map.of("message", "A forged reply"))))
                        .toString())
                .contains("Only the people this anonymous message was sent to");
        assertThat(chat.answer(chat.presses("hana", "feedback.speakup.answer", thread))
                        .toString())
                .contains("That conversation isn't yours");
        assertThat(chat.answer(chat.submits(
                                "hana", Cards.filledIn(gilsAnswerForm, Map.of("message", "A forged answer"))))
                        .toString())
                .contains("That conversation isn't yours");
        assertThat(chat.answer(chat.presses("li", "feedback.speakup.mine", "replies"))
                        .toString())
                .contains("There are no replies to anything you sent anonymously.");

        String otherTenant = "0b0b0b0b-1111-2222-3333-444444444444";
        JsonNode outsider = chat.answer(chat.presses("hana", "feedback.speakup.reply", thread)
                .from("29:mallory", "Mallory", "00000000-0000-4000-8000-0000000000ff")
                .tenant(otherTenant));
        assertThat(outsider.toString()).contains("Only the people this anonymous message was sent to");
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM speakup_messages"))
                .isEqualTo(5);
    }

    @Test
    @Order(4)
    void aChannelOffAndAChosenRecipientAreRefusedWithWhatToDo() throws Exception {
        teams.post(chat.says("li", "<at>Candor</at> feedback anonymous " + TO_ZED)
                .inChannel("19:general@thread.tacv2")
                .mentionCandor()
                .json());
        chat.awaitDm("li", "Speak up in your personal chat with Candor");
        assertThat(teams.microsoft.replies()).as("nothing said in the channel").isEmpty();
        assertThat(Rows.count(teams.jdbi(), "SELECT count(*) FROM speakup_threads"))
                .isEqualTo(1);

        chat.reply(chat.says("hana", "candor admin feedback speak-up off"));
        assertThat(chat.reply(chat.says("li", "feedback anonymous " + TO_ZED)).toString())
                .contains("switched speaking up anonymously off");
        chat.reply(chat.says("hana", "candor admin feedback speak-up on"));

        assertThat(chat.reply(chat.says("hana", "candor admin feedback speak-up-to <at>Zed</at>")
                                .mention("29:zed", "Zed"))
                        .toString())
                .contains("the HR admins → Zed");
        assertThat(chat.reply(chat.says("li", "feedback anonymous " + TO_ZED)).toString())
                .contains("Sent anonymously to Zed");
        assertThat(chat.awaitDm("zed", TO_ZED).toString()).contains("Sent to you alone, as HR chose.");
        assertThat(chat.dms("hana")).noneMatch(text -> text.contains(TO_ZED));
        assertThat(chat.reply(chat.says("zed", "feedback anonymous I would like to say something"))
                        .toString())
                .contains("go to you alone");
        chat.reply(chat.says("hana", "candor admin feedback speak-up-to hr"));
    }

    @Test
    @Order(5)
    void nothingInTheDatabaseLinksGilToWhatHeWrote() {
        teams.awaitOutboxIdle();

        SpeakUpTrail.assertNoLink(
                teams.jdbi(),
                GIL,
                List.of("29:gil", "a:dm-gil", chat.aad("gil")),
                List.of(FIRST, REPLY1, ANSWER1, REPLY2, ANSWER2));
    }

    private static JsonNode normalized(JsonNode card) {
        return Cards.json(card.toString().replace(thread, THREAD_ID));
    }
}
