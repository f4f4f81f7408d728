package dev.candor.bot.kudos;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Form;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.MessageShortcut;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Text;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.kudos.Via;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The kudos form: opened by {@code /kudos} alone or by the "Give kudos" shortcut on someone's message (author
 * pre-filled, message quoted), and its submission. Mistakes are shown next to the input they concern.
 */
public final class KudosForms implements Handlers.FormHandler, Handlers.ShortcutHandler {
    public static final String FORM_ID = "kudos.give";
    static final String PEOPLE = "people";
    static final String MESSAGE = "message";
    static final String VALUES = "values";

    private final Jdbi jdbi;
    private final PeopleDirectory directory;
    private final KudosService service;

    public KudosForms(Jdbi jdbi, PeopleDirectory directory, KudosService service) {
        this.jdbi = jdbi;
        this.directory = directory;
        this.service = service;
    }

    /** The empty form, or one about a message: its author chosen and its words quoted. */
    Form give(Actor actor, MessageShortcut about, Mention author) {
        List<CompanyValue> values = jdbi.onDemand(CompanyValueDao.class).list(actor.orgId());
        boolean valueRequired =
                jdbi.onDemand(KudosSettingsDao.class).get(actor.orgId()).valueRequired();
        List<Form.Input> inputs = new ArrayList<>();
        inputs.add(new Form.PeopleInput(
                PEOPLE,
                "Who do you want to thank?",
                KudosRequest.MAX_RECIPIENTS,
                true,
                author == null ? List.of() : List.of(author)));
        inputs.add(new Form.TextInput(MESSAGE, "What did they do?", "Thanks for…", true, true, null, 1000));
        if (!values.isEmpty()) {
            inputs.add(new Form.ChoiceInput(
                    VALUES,
                    "Which of our values did it show?",
                    values.stream().map(v -> new Form.Choice(v.tag(), label(v))).toList(),
                    true,
                    valueRequired,
                    List.of()));
        }
        List<Block> intro = new ArrayList<>();
        if (about != null && about.messageText() != null && !about.messageText().isBlank()) {
            intro.add(new Block.Context(Text.of("About this message:")));
            intro.add(new Block.Quote(Text.of(truncate(about.messageText(), 500))));
        }
        String context = about == null ? "" : FormContext.of(about.messageId(), about.permalink());
        return new Form(FORM_ID, "Give kudos", "Send kudos", intro, inputs, context);
    }

    @Override
    public Reply handle(MessageShortcut shortcut) {
        Mention author = shortcut.author() != null
                        && !shortcut.author()
                                .platformUserId()
                                .equals(shortcut.actor().platformUserId())
                ? shortcut.author()
                : null;
        return Reply.form(give(shortcut.actor(), shortcut, author));
    }

    @Override
    public Reply handle(FormSubmission submission) {
        Actor actor = submission.actor();
        List<Mention> people = submission.chosen(PEOPLE).stream()
                .distinct()
                .map(id -> new Mention(id, nameOf(actor, id)))
                .toList();
        String message = withValues(submission.text(MESSAGE), submission.chosen(VALUES));
        FormContext context = FormContext.parse(submission.context());
        GiveOutcome outcome = service.give(new GiveRequest(
                actor,
                submission.where(),
                people,
                message,
                context.messageId() == null ? Via.FORM : Via.SHORTCUT,
                submission.sourceKey(),
                context.messageId(),
                context.url(),
                null,
                submission.replyUrl()));
        if (outcome instanceof GiveOutcome.Refused refused) {
            return new Reply.FormErrors(Map.of(refused.field(), refused.reason().fallbackText()));
        }
        return KudosHandler.reply(outcome, people, submission.where().conversationId());
    }

    private String nameOf(Actor actor, String platformUserId) {
        String known = directory.knownName(actor.orgId(), actor.platform(), platformUserId);
        return known == null ? platformUserId : known;
    }

    private static String withValues(String message, List<String> values) {
        StringBuilder text = new StringBuilder(message);
        for (String value : values) {
            if (!message.toLowerCase(java.util.Locale.ROOT).contains("#" + value)) {
                text.append(" #").append(value);
            }
        }
        return text.toString().strip();
    }

    private static String label(CompanyValue value) {
        return (value.emoji() == null ? "" : value.emoji() + " ") + value.name();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
