package dev.candor.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.bot.Candor;
import dev.candor.bot.TestConfigs;
import dev.candor.bot.feedback.SpeakUpTrail;
import dev.candor.scheduler.outbox.DeliveryConfig;
import dev.candor.storage.Database;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.org.OrganisationDao;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Speak up in Slack, from signed requests: Gil sends HR (Hana and Ines) an anonymous message; Hana replies, Gil gets
 * a notice that names nothing, opens the replies, answers back; Ines replies again and Gil answers again. The guards
 * refuse whoever isn't a reader or the author, too little or too much, speak up switched off, and a chosen recipient
 * writing to themselves or gone; a retry sends nothing twice. Then every row of the database is read for a link
 * between Gil and what he wrote; and a Candor without an encryption key still delivers, saying replies can't come back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackSpeakUpTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final ObjectMapper json = new ObjectMapper();
    private static final long GIL = 90417;
    private static final String FIRST = "The on-call rota burns people out and nobody says so in the team meeting";
    private static final String REPLY1 = "Thank you for telling us. Which weeks were the worst for you";
    private static final String ANSWER1 = "The two weeks before each release when the pager never stops";
    private static final String REPLY2 = "We will add a second person to the rota for release weeks";
    private static final String ANSWER2 = "That would help a lot, thanks for listening";
    private static final String SECOND = "Expense approvals take six weeks and people pay out of pocket meanwhile";
    private static final String FROM_FORM = "The hiring loop asks candidates the same questions four times";
    private static final String TO_ZED = "Our team lead shares salary details of others in standups";

    private static FakeSlack slack;
    private static Database database;
    private static Candor candor;
    private static SlackClient client;
    private static SlackChat chat;
    private static String thread;
    private static JsonNode hanasReplyForm;
    private static JsonNode gilsAnswerForm;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        database = TestDatabase.fresh();
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 11);
        candor = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()).withEncryptionKey(key),
                database,
                new Candor.Options(Clock.fixed(NOW, ZoneOffset.UTC), DeliveryConfig.defaults(), null));
        client = new SlackClient(candor.port());
        chat = new SlackChat(slack, client, NOW);
        people(database);
        await("Candor answers commands")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> feedback("help", "U0ANA").toString().contains("/feedback anonymous"));
    }

    @AfterAll
    static void stop() {
        candor.close();
        database.close();
        slack.close();
    }

    @Test
    @Order(1)
    void gilSpeaksUpAndEachHrAdminGetsItWithoutHisName() throws Exception {
        JsonNode answer = feedback("anonymous " + FIRST, "U0GIL");

        assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
        assertThat(text(answer))
                .isEqualTo("📣 Sent anonymously to the HR admins. Their replies come to you here, and you can answer"
                        + " back, without anyone learning who you are.");
        thread = strings("SELECT id::text FROM speakup_threads").get(0);
        JsonNode dm = chat.awaitDm("D0HANA", FIRST);
        Golden.assertMatches("speakup-dm", normalized(dm));
        assertThat(dm.toString())
                .contains("Someone spoke up anonymously", "Hana and Ines")
                .doesNotContain("Gil");
        chat.awaitDm("D0INES", FIRST);
        assertThat(chat.dmTexts("D0GIL")).noneMatch(text -> text.contains(FIRST));
    }

    @Test
    @Order(2)
    void hrRepliesGilIsNoticedOpensTheRepliesAndAnswersBackTwice() throws Exception {
        hanasReplyForm = chat.openedView(chat.press("U0HANA", "feedback.speakup.reply", thread, "hana-reply"));
        Golden.assertMatches("speakup-reply-form", normalized(Golden.withoutMetadata(hanasReplyForm)));
        assertThat(chat.submitAs("U0HANA", hanasReplyForm, Map.of("message", REPLY1))
                        .toString())
                .contains("The author gets a notice");

        JsonNode notice = chat.awaitDm("D0GIL", "Someone replied to a message you sent anonymously");
        Golden.assertMatches("speakup-notice", notice);
        assertThat(notice.toString()).doesNotContain(thread, REPLY1, "Hana");

        JsonNode mine = seeReplies("U0GIL", "gil-mine-1");
        Golden.assertMatches("speakup-mine", normalized(mine));
        assertThat(mine.toString()).contains(FIRST, "*Hana:* " + REPLY1, "feedback.speakup.answer");

        gilsAnswerForm = chat.openedView(chat.press("U0GIL", "feedback.speakup.answer", thread, "gil-answer-1"));
        Golden.assertMatches("speakup-answer-form", normalized(Golden.withoutMetadata(gilsAnswerForm)));
        assertThat(chat.submitAs("U0GIL", gilsAnswerForm, Map.of("message", ANSWER1))
                        .toString())
                .contains("Sent without your name to Hana and Ines");
        JsonNode answered = chat.awaitDm("D0HANA", ANSWER1);
        Golden.assertMatches("speakup-answered", normalized(answered));
        chat.awaitDm("D0INES", ANSWER1);

        JsonNode inesForm = chat.openedView(chat.press("U0INES", "feedback.speakup.reply", thread, "ines-reply"));
        assertThat(inesForm.toString()).contains("*Hana:* " + REPLY1, "*The author:* " + ANSWER1);
        chat.submitAs("U0INES", inesForm, Map.of("message", REPLY2));
        await("a second notice")
                .atMost(Duration.ofSeconds(15))
                .until(() -> chat.dmTexts("D0GIL").stream()
                                .filter(text -> text.contains("Someone replied"))
                                .count()
                        == 2);
        assertThat(seeReplies("U0GIL", "gil-mine-2").toString()).contains("*Ines:* " + REPLY2);
        assertThat(feedback("anonymous replies", "U0GIL").toString())
                .as("the same without the notice")
                .contains("*Ines:* " + REPLY2, "*Hana:* " + REPLY1);
        assertThat(feedback("anonymous replies", "U0INES").toString())
                .contains("There are no replies to anything you sent anonymously")
                .doesNotContain(REPLY2);
        JsonNode again = chat.openedView(chat.press("U0GIL", "feedback.speakup.answer", thread, "gil-answer-2"));
        chat.submitAs("U0GIL", again, Map.of("message", ANSWER2));
        chat.awaitDm("D0HANA", ANSWER2);
        chat.awaitDm("D0INES", ANSWER2);

        assertThat(strings("SELECT seq || ' ' || coalesce(p.name, 'the author') FROM speakup_messages m LEFT JOIN"
                        + " people p ON p.id = m.sender_id ORDER BY seq"))
                .containsExactly("1 the author", "2 Hana", "3 the author", "4 Ines", "5 the author");
        assertThat(chat.dmTexts("D0GIL"))
                .hasSize(2)
                .allMatch(text -> !text.contains(thread) && !text.contains(REPLY1) && !text.contains(REPLY2));
    }

    @Test
    @Order(3)
    void onlyReadersReplyAndOnlyTheAuthorOpensOrAnswers() throws Exception {
        chat.press("U0LI", "feedback.speakup.reply", thread, "li-reply");
        awaitResponse("li-reply", "Only the people this anonymous message was sent to can reply to it.");
        assertThat(chat.submitAs("U0LI", hanasReplyForm, Map.of("message", "A forged reply from Li"))
                        .toString())
                .contains("Only the people this anonymous message was sent to");

        chat.press("U0HANA", "feedback.speakup.answer", thread, "hana-answer");
        awaitResponse("hana-answer", "That conversation isn't yours");
        assertThat(chat.submitAs("U0HANA", gilsAnswerForm, Map.of("message", "A forged answer from Hana"))
                        .toString())
                .contains("That conversation isn");
        chat.press("U0LI", "feedback.speakup.mine", "replies", "li-mine");
        awaitResponse("li-mine", "There are no replies to anything you sent anonymously.");
        chat.press("U0HANA", "feedback.speakup.reply", "not-a-thread", "hana-bad");
        awaitResponse("hana-bad", "Only the people this anonymous message was sent to");

        assertThat(count("SELECT count(*) FROM speakup_messages")).isEqualTo(5);
    }

    @Test
    @Order(4)
    void tooLittleOrTooMuchIsRefusedAndTheFormSendsAndARetrySendsNothingTwice() throws Exception {
        assertThat(text(feedback("anonymous too short", "U0ANA")))
                .isEqualTo("Say a little more (at least 10 characters), so that they can understand and answer.");
        assertThat(text(feedback("anonymous " + "a".repeat(3001), "U0ANA")))
                .contains("Keep it to 3000 characters (this is 3001)");

        JsonNode form = chat.openedView(command("anonymous", "U0ANA").trigger());
        Golden.assertMatches("speakup-form", Golden.withoutMetadata(form));
        JsonNode short_ = chat.submitAs("U0ANA", form, Map.of("message", "short"));
        assertThat(short_.path("errors").toString()).contains("at least 10 characters");
        assertThat(chat.submitAs("U0ANA", form, Map.of("message", FROM_FORM)).toString())
                .contains("Sent anonymously to the HR admins");
        chat.awaitDm("D0HANA", FROM_FORM);

        Map<String, String> once = SlackClient.slashCommand(
                "/feedback", "anonymous " + SECOND, "U0GIL", "C0TEAM", "team", slack.responseUrl("feedback"));
        assertThat(text(chat.post(once))).contains("Sent anonymously");
        assertThat(text(chat.post(once))).contains("sent already");
        assertThat(count("SELECT count(*) FROM speakup_messages WHERE body = '" + SECOND + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM speakup_threads")).isEqualTo(3);
    }

    @Test
    @Order(5)
    void hrSwitchesSpeakUpOffOrChoosesOnePersonWhoAloneReadsIt() throws Exception {
        assertThat(text(candor("admin feedback speak-up off", "U0HANA"))).contains("Speak up: on → off");
        assertThat(text(feedback("anonymous " + TO_ZED, "U0LI")))
                .isEqualTo("Your HR admins have switched speaking up anonymously off. You can still talk to them"
                        + " directly.");
        assertThat(text(feedback("anonymous", "U0LI"))).contains("switched speaking up anonymously off");
        candor("admin feedback speak-up on", "U0HANA");

        assertThat(text(candor("admin feedback speak-up-to <@U0ZED|zed>", "U0HANA")))
                .contains("the HR admins → Zed");
        assertThat(text(feedback("anonymous " + TO_ZED, "U0LI")))
                .startsWith("📣 Sent anonymously to Zed. Their replies come to you here");
        assertThat(chat.awaitDm("D0ZED", TO_ZED).toString()).contains("Sent to you alone, as HR chose.");
        assertThat(chat.dmTexts("D0HANA")).noneMatch(text -> text.contains(TO_ZED));
        assertThat(text(feedback("anonymous I would like to say something", "U0ZED")))
                .contains("go to you alone");

        database.jdbi().useHandle(handle -> handle.execute("UPDATE people SET active = false WHERE name = 'Zed'"));
        assertThat(text(feedback("anonymous I would like to say something", "U0LI")))
                .contains("There's nobody to receive it");
        database.jdbi().useHandle(handle -> handle.execute("UPDATE people SET active = true WHERE name = 'Zed'"));
        candor("admin feedback speak-up-to hr", "U0HANA");
    }

    @Test
    @Order(6)
    void nothingInTheDatabaseLinksGilToWhatHeWrote() {
        await("the outbox sent everything")
                .atMost(Duration.ofSeconds(15))
                .until(() -> count("SELECT count(*) FROM outbox WHERE status <> 'sent'") == 0);

        SpeakUpTrail.assertNoLink(
                database.jdbi(),
                GIL,
                List.of("U0GIL", "D0GIL"),
                List.of(FIRST, REPLY1, ANSWER1, REPLY2, ANSWER2, SECOND));

        assertThat(chat.dmTexts("D0GIL"))
                .as("Gil got a notice of each reply, though the outbox kept none")
                .filteredOn(text -> text.contains("Someone replied to a message you sent anonymously"))
                .hasSize(2);
        assertThat(strings("SELECT DISTINCT encode(author_key, 'hex') FROM speakup_threads"))
                .as("Gil's two threads share no key")
                .hasSize((int) count("SELECT count(*) FROM speakup_threads"));
    }

    @Test
    @Order(7)
    void withoutAnEncryptionKeyTheMessageStillArrivesAndReplyExplainsWhyItCantReachTheAuthor() throws Exception {
        Database keyless = TestDatabase.fresh();
        try (Candor plain = Candor.start(
                TestConfigs.slack(SlackClient.SECRET, slack.apiUrl()),
                keyless,
                new Candor.Options(Clock.fixed(NOW, ZoneOffset.UTC), DeliveryConfig.defaults(), null))) {
            people(keyless);
            SlackClient other = new SlackClient(plain.port());
            String words = "The office is too cold in the afternoons for anyone to focus";
            Map<String, String> command = SlackClient.slashCommand(
                    "/feedback", "anonymous " + words, "U0GIL", "C0TEAM", "team", slack.responseUrl("keyless"));
            HttpResponse<String> sent = other.post(
                    SlackClient.formBody(command), "application/x-www-form-urlencoded", NOW.getEpochSecond(), Map.of());
            assertThat(text(Golden.parse(sent.body())))
                    .contains("Sent anonymously to the HR admins", "replies can't reach you");
            assertThat(chat.awaitDm("D0HANA", words).toString()).contains("it can't pass a reply on to them");
            String id = keyless.jdbi().withHandle(handle -> handle.select("SELECT id::text FROM speakup_threads")
                    .mapTo(String.class)
                    .one());
            String payload = SlackRequests.blockAction(
                    "U0HANA", "feedback.speakup.reply", id, "D0HANA", slack.responseUrl("keyless-reply"));
            other.post(
                    SlackClient.formBody(Map.of("payload", payload)),
                    "application/x-www-form-urlencoded",
                    NOW.getEpochSecond(),
                    Map.of());
            awaitResponse("keyless-reply", "no CANDOR_ENCRYPTION_KEY, so a reply can't reach its author");
        } finally {
            keyless.close();
        }
    }

    private static void people(Database on) {
        for (String name : List.of("Gil", "Ana", "Hana", "Ines", "Zed", "Li")) {
            slack.user("U0" + name.toUpperCase(), name, name.toLowerCase() + "@acme.test", "Europe/Berlin", false);
        }
        long orgId = on.jdbi()
                .onDemand(OrganisationDao.class)
                .upsertSlack(SlackRequests.TEAM, SlackRequests.TEAM)
                .id();
        person(on, orgId, GIL, "Gil", "employee");
        person(on, orgId, null, "Ana", "employee");
        person(on, orgId, null, "Hana", "hr_admin");
        person(on, orgId, null, "Ines", "hr_admin");
        person(on, orgId, null, "Zed", "manager");
        person(on, orgId, null, "Li", "employee");
    }

    /** A person with a Slack account; {@code id} null for the next one (Gil's is one no other number is). */
    private static void person(Database on, long orgId, Long id, String name, String role) {
        on.jdbi().useHandle(handle -> {
            long personId = handle.createQuery(
                            "INSERT INTO people (id, org_id, name, timezone, profile_timezone, role) VALUES"
                                    + " (coalesce(:id, nextval('people_id_seq')), :org, :name, 'Europe/Berlin',"
                                    + " 'Europe/Berlin', :role) RETURNING id")
                    .bind("id", id)
                    .bind("org", orgId)
                    .bind("name", name)
                    .bind("role", role)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                            + " VALUES (?, ?, 'slack', ?)",
                    orgId,
                    personId,
                    "U0" + name.toUpperCase());
        });
    }

    /** The thread's id in place of the random one, so that golden files stay the same. */
    private static JsonNode normalized(JsonNode node) throws Exception {
        return Golden.parse(node.toString().replace(thread, "00000000-0000-4000-8000-000000000001"));
    }

    private static JsonNode seeReplies(String user, String responses) throws Exception {
        chat.press(user, "feedback.speakup.mine", "replies", responses);
        await("the replies").atMost(Duration.ofSeconds(10)).until(() -> !slack.responses(responses)
                .isEmpty());
        return Golden.parse(slack.responses(responses).get(0));
    }

    private static void awaitResponse(String responses, String words) {
        await("a response saying " + words).atMost(Duration.ofSeconds(10)).until(() -> String.join(
                        " ", slack.responses(responses))
                .replace("\\u0027", "'")
                .contains(words));
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
