package dev.candor.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.MessageShortcut;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.kudos.KudosForms;
import dev.candor.bot.kudos.KudosHandler;
import dev.candor.bot.kudos.KudosService;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.PlatformUser;
import dev.candor.storage.Database;
import dev.candor.storage.Platform;
import dev.candor.storage.TestDatabase;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.CompanyValueDao;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Neutral forms as Adaptive Card forms with Teams' people picker, compared with golden files ({@link Goldens}). */
class TeamsFormCardTest {
    static final String GIL_AAD = "0b7e5a1c-1111-4c2d-9e3f-00000000a001";
    static final String ANA_AAD = "0b7e5a1c-2222-4c2d-9e3f-00000000a002";
    private static final ConversationRef DM =
            new ConversationRef(Platform.TEAMS, "a:dm-gil", ConversationKind.DM, null);
    private static final ConversationRef CHANNEL =
            new ConversationRef(Platform.TEAMS, "19:general@thread.tacv2", ConversationKind.CHANNEL, null);

    private static Database database;
    private static Actor gil;
    private static KudosHandler kudos;
    private static KudosForms forms;
    private static TeamsPeople people;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        PeopleDirectory directory = new PeopleDirectory(database.jdbi(), Map.of(), Runnable::run);
        gil = directory.actorFor(teamsUser("29:gil", "Gil Giver", GIL_AAD));
        directory.actorFor(teamsUser("29:ana", "Ana Lopez", ANA_AAD));
        directory.personFor(gil, new Mention("29:li", "Li"));
        CompanyValueDao values = database.jdbi().onDemand(CompanyValueDao.class);
        values.save(gil.orgId(), "ownership", "Ownership", "🚀", "We finish what we start");
        values.save(gil.orgId(), "care", "Care", "💛", "We look out for each other");
        KudosService service = new KudosService(database.jdbi(), directory, Clock.systemUTC());
        forms = new KudosForms(database.jdbi(), directory, service);
        kudos = new KudosHandler(service, forms);
        people = new TeamsPeople(database.jdbi(), directory);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void rendersTheEmptyKudosFormWithThePeoplePickerAndTheCompanyValues() throws IOException {
        Form form = ((Reply.OpenForm) kudos.handle(new Command(gil, DM, "kudos", "", List.of(), "f1"))).form();

        ObjectNode card = card(TeamsFormCard.Draft.of(form), TeamsFormCard.Surface.PERSONAL_CHAT);

        Goldens.assertMatches("kudos-form.json", card);
        JsonNode picker = input(card, "people");
        assertThat(picker.path("choices.data").path("dataset").asText()).isEqualTo("graph.microsoft.com/users");
        assertThat(picker.path("isMultiSelect").asBoolean()).isTrue();
        assertThat(input(card, "values").path("choices").findValuesAsText("value"))
                .containsExactly("care", "ownership");
        JsonNode data = card.path("actions").get(0).path("data");
        assertThat(data.path("formId").asText()).isEqualTo("kudos.give");
        assertThat(TeamsFormJson.read(data.path("form"))).contains(form);
    }

    @Test
    void rendersTheFormFromAMessageWithItsAuthorChosenAndItsWordsQuoted() throws IOException {
        Form form = shortcutForm(new Mention("29:ana", "Ana Lopez"));

        ObjectNode card = card(TeamsFormCard.Draft.of(form), TeamsFormCard.Surface.DIALOG);

        Goldens.assertMatches("kudos-form-from-message.json", card);
        assertThat(input(card, "people").path("value").asText()).isEqualTo(ANA_AAD);
        assertThat(card.path("body").toString())
                .contains("Shipped the release notes")
                .doesNotContain("Give kudos\"");
    }

    @Test
    void searchesOnlyTheConversationsMembersInChatsAndChannels() {
        Form form = ((Reply.OpenForm) kudos.handle(new Command(gil, CHANNEL, "kudos", "", List.of(), "f2"))).form();

        ObjectNode card = card(TeamsFormCard.Draft.of(form), TeamsFormCard.Surface.SHARED_CHAT);

        assertThat(input(card, "people").path("choices.data").path("dataset").asText())
                .isEqualTo("graph.microsoft.com/users?scope=currentContext");
    }

    @Test
    void offersPeopleKnownWithoutAnObjectIdAsChoicesOfTheirOwn() {
        Form form = shortcutForm(new Mention("29:li", "Li"));

        JsonNode picker = input(card(TeamsFormCard.Draft.of(form), TeamsFormCard.Surface.DIALOG), "people");

        assertThat(picker.path("choices").toString())
                .isEqualTo("[{\"title\":\"Li\",\"value\":\"29:li\"},{\"title\":\"Gil Giver\",\"value\":\"%s\"}]"
                        .formatted(GIL_AAD));
        assertThat(picker.path("value").asText()).isEqualTo("29:li");
    }

    @Test
    void showsEachMistakeUnderItsInputAndKeepsWhatWasTyped() throws IOException {
        Form form = ((Reply.OpenForm) kudos.handle(new Command(gil, CHANNEL, "kudos", "", List.of(), "f3"))).form();
        Reply reply = forms.handle(new FormSubmission(
                gil, CHANNEL, form.formId(), Map.of("people", List.of("29:ana"), "message", List.of("ok")), "", "e1"));
        Map<String, String> errors = ((Reply.FormErrors) reply).errors();

        ObjectNode card = card(
                new TeamsFormCard.Draft(form, Map.of("people", ANA_AAD, "message", "ok", "values", "care"), errors),
                TeamsFormCard.Surface.SHARED_CHAT);

        Goldens.assertMatches("kudos-form-errors.json", card);
        JsonNode body = card.path("body");
        int message = indexOf(body, "message");
        assertThat(body.get(message).path("value").asText()).isEqualTo("ok");
        assertThat(body.get(message + 1).path("color").asText()).isEqualTo("Attention");
        assertThat(body.get(message + 1).path("text").asText()).contains("Say a little more");
        assertThat(input(card, "people").path("value").asText()).isEqualTo(ANA_AAD);
        assertThat(input(card, "values").path("value").asText()).isEqualTo("care");
    }

    @Test
    void rendersTheHomeViewAsACardForThePersonAlone() throws IOException {
        Message home = new Message(
                "Your kudos this week: 3 received, 2 given",
                List.of(
                        new Block.Header("Your kudos"),
                        new Block.Fields(List.of(
                                new Block.Field("Received this week", Text.of("3")),
                                new Block.Field("Given this week", Text.of("2")))),
                        new Block.Progress("Left to give today", 3, 5),
                        new Block.Divider(),
                        new Block.Section(Text.builder()
                                .plain("Latest: ")
                                .person("29:ana", "Ana Lopez")
                                .plain(" thanked you for the demo")
                                .build())));

        TeamsAnswer answer = TeamsAnswer.plan(
                new Reply.Home(home), TeamsAnswer.Origin.COMMAND, gil, CHANNEL, null, (draft, surface) -> null);

        assertThat(answer.post()).isNull();
        assertThat(answer.privately()).isEqualTo(home);
        Goldens.assertMatches(
                "home.json", TeamsAnswer.Card.of(answer.privately()).content());
    }

    @Test
    void closesAUsedFormInAChannelSayingWhoSentIt() throws IOException {
        Form form = ((Reply.OpenForm) kudos.handle(new Command(gil, CHANNEL, "kudos", "", List.of(), "f4"))).form();
        Message confirmation = Message.of("✅ Kudos to Ana.");

        TeamsAnswer answer = TeamsAnswer.plan(
                Reply.privately(confirmation),
                TeamsAnswer.Origin.FORM,
                gil,
                CHANNEL,
                TeamsFormCard.Draft.of(form),
                (draft, surface) -> null);

        assertThat(answer.privately()).isEqualTo(confirmation);
        Goldens.assertMatches("kudos-form-sent.json", answer.inPlace().content());
    }

    @Test
    void refusesInputsNamedLikeTheCardsOwnData() {
        Form form = new Form(
                "test.form",
                "Test",
                "Send",
                List.of(),
                List.of(new Form.TextInput("context", "Context", null, false, false, null, 0)),
                "");

        assertThatThrownBy(() -> card(TeamsFormCard.Draft.of(form), TeamsFormCard.Surface.DIALOG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    private static Form shortcutForm(Mention author) {
        MessageShortcut shortcut = new MessageShortcut(
                gil,
                CHANNEL,
                "kudos.give_from_message",
                "1700000000555",
                author,
                "Shipped the release notes",
                "https://teams.microsoft.com/l/message/19:general@thread.tacv2/1700000000555",
                "s1");
        return ((Reply.OpenForm) forms.handle(shortcut)).form();
    }

    private static ObjectNode card(TeamsFormCard.Draft draft, TeamsFormCard.Surface surface) {
        TeamsFormCard.People known = new TeamsFormCard.People(
                new Mention(gil.platformUserId(), gil.name()), person -> people.objectId(gil.orgId(), person));
        return TeamsFormCard.card(draft, surface, known);
    }

    static JsonNode input(JsonNode card, String id) {
        JsonNode body = card.path("body");
        return body.get(indexOf(body, id));
    }

    private static int indexOf(JsonNode body, String id) {
        for (int i = 0; i < body.size(); i++) {
            if (id.equals(body.get(i).path("id").asText())) {
                return i;
            }
        }
        throw new AssertionError("no input " + id + " in " + body);
    }

    private static PlatformUser teamsUser(String id, String name, String aad) {
        return new PlatformUser(Platform.TEAMS, TestActivity.TENANT, id, name, aad, "Europe/Berlin", "en-US", null);
    }
}
