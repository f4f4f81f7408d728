package dev.candor.bot.feedback;

import dev.candor.bot.ask.KeyedHash;
import dev.candor.bot.chat.Action;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Handlers;
import dev.candor.bot.chat.HomeSection;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.scheduler.ask.Rounds;
import dev.candor.storage.feedback.Feedback;
import dev.candor.storage.feedback.Visibility;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /feedback}: {@code @name text} gives feedback in one line (private), alone it opens the form, {@code request}
 * asks for it (alone: the request form), {@code me}
 * and {@code team} read it, {@code anonymous} speaks up to HR ({@link SpeakUp}), {@code help} explains; the Thank and
 * Reply buttons under feedback DMs; and feedback's section of the home, whose Give feedback button opens the form.
 */
public final class FeedbackHandler implements CommandHandler, Handlers.ActionHandler, Handlers.FormHandler {
    private final PeopleDirectory directory;
    private final FeedbackGiving giving;
    private final FeedbackConversation conversation;
    private final FeedbackReading reading;
    private final FeedbackRequests requests;
    private final FeedbackNominations nominations;
    private final FeedbackHome home;
    private final SpeakUp speakUp;

    public FeedbackHandler(Jdbi jdbi, PeopleDirectory directory, Clock clock) {
        this(jdbi, directory, clock, null);
    }

    /** With requests for feedback asked through the engine's {@code rounds}. */
    public FeedbackHandler(Jdbi jdbi, PeopleDirectory directory, Clock clock, Rounds rounds) {
        this(jdbi, directory, clock, rounds, text -> Optional.empty());
    }

    /** With speak up's replies relayed under keyed hashes ({@code hash}, empty without an encryption key). */
    public FeedbackHandler(Jdbi jdbi, PeopleDirectory directory, Clock clock, Rounds rounds, KeyedHash hash) {
        this.speakUp = new SpeakUp(jdbi, hash);
        this.requests = rounds == null ? null : new FeedbackRequests(jdbi, directory, clock, rounds);
        this.nominations = requests == null ? null : new FeedbackNominations(jdbi, clock, requests);
        this.directory = directory;
        this.giving = new FeedbackGiving(jdbi, directory, clock);
        this.conversation = new FeedbackConversation(jdbi, clock);
        this.reading = new FeedbackReading(jdbi, directory, clock);
        this.home = new FeedbackHome(jdbi, clock);
    }

    /** Feedback's section of the person's home (the Slack App Home, the welcome of the Teams personal chat). */
    public HomeSection home() {
        return home;
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        if (command.text().isEmpty()) {
            return Reply.form(FeedbackForms.give(null, giving.settings(actor.orgId())));
        }
        if (command.mentions().isEmpty() || command.text().startsWith(command.verb() + " ")) {
            switch (command.verb()) {
                case "help":
                    return Reply.privately(FeedbackMessages.help(actor.platform()));
                case "me":
                    return Reply.privately(reading.me(command));
                case "team":
                    return Reply.privately(reading.team(actor));
                case "request":
                    if (requests == null) {
                        return Reply.privately(FeedbackMessages.usage(actor.platform()));
                    }
                    return command.text().equalsIgnoreCase("request")
                            ? Reply.form(requests.form(actor))
                            : Reply.privately(requests.request(command));
                case "anonymous":
                    return speakUp.command(command);
                case "nominate":
                    return nominations == null
                            ? Reply.privately(FeedbackMessages.usage(actor.platform()))
                            : Reply.privately(nominations.nominate(command));
                default:
                    if (command.mentions().isEmpty()) {
                        return Reply.privately(FeedbackMessages.usage(actor.platform()));
                    }
            }
        }
        List<String> people = command.mentions().stream()
                .map(Mention::platformUserId)
                .distinct()
                .toList();
        if (people.size() > 1) {
            return Reply.privately(FeedbackMessages.oneAtATime(actor.platform()));
        }
        Mention to = command.mentions().get(0);
        String body = withoutLeadingMention(command.text(), to);
        return outcome(giving.give(actor, to, body, Visibility.PRIVATE, command.sourceKey()), false);
    }

    @Override
    public Reply handle(Action action) {
        if (action.actionId().startsWith(SpeakUp.PREFIX)) {
            return speakUp.handle(action);
        }
        if (action.actionId().equals(FeedbackHome.GIVE)) {
            return Reply.form(
                    FeedbackForms.give(null, giving.settings(action.actor().orgId())));
        }
        if (action.actionId().equals(FeedbackHome.ASK)) {
            return requests == null
                    ? Reply.privately(FeedbackMessages.usage(action.actor().platform()))
                    : Reply.form(requests.form(action.actor()));
        }
        if (nominations != null
                && (action.actionId().equals(FeedbackNominations.APPROVE)
                        || action.actionId().equals(FeedbackNominations.DECLINE))) {
            return Reply.privately(nominations.decide(action));
        }
        Optional<Feedback> feedback = conversation.readable(action.actor(), action.value());
        if (feedback.isEmpty()) {
            return Reply.privately(FeedbackMessages.notYours());
        }
        return switch (action.actionId()) {
            case FeedbackMessages.THANK -> Reply.privately(conversation.thank(action.actor(), feedback.get()));
            case FeedbackMessages.REPLY -> Reply.form(conversation.replyForm(action.actor(), feedback.get()));
            default -> Reply.privately(FeedbackMessages.help(action.actor().platform()));
        };
    }

    @Override
    public Reply handle(FormSubmission form) {
        Actor actor = form.actor();
        if (form.formId().startsWith(SpeakUp.PREFIX)) {
            return speakUp.handle(form);
        }
        if (form.formId().equals(FeedbackForms.REQUEST) && requests != null) {
            FeedbackRequests.Outcome outcome = requests.submitted(form);
            return outcome.requestId().isPresent() || outcome.field() == null
                    ? Reply.privately(outcome.message())
                    : new Reply.FormErrors(
                            Map.of(outcome.field(), outcome.message().fallbackText()));
        }
        if (form.formId().equals(FeedbackForms.REPLY)) {
            Optional<Feedback> feedback = conversation.readable(actor, form.context());
            if (feedback.isEmpty()) {
                return Reply.privately(FeedbackMessages.notYours());
            }
            if (form.text(FeedbackForms.TEXT).isBlank()) {
                return new Reply.FormErrors(Map.of(FeedbackForms.TEXT, "Write your reply, or close the form."));
            }
            return Reply.privately(
                    conversation.reply(actor, feedback.get(), form.text(FeedbackForms.TEXT), form.sourceKey()));
        }
        List<String> chosen = form.chosen(FeedbackForms.PERSON);
        if (chosen.isEmpty()) {
            return new Reply.FormErrors(Map.of(FeedbackForms.PERSON, "Pick who the feedback is for."));
        }
        String id = chosen.get(0);
        String name = directory.knownName(actor.orgId(), actor.platform(), id);
        Mention to = new Mention(id, name == null ? id : name);
        String body = FeedbackForms.body(form.text(FeedbackForms.WENT_WELL), form.text(FeedbackForms.BETTER));
        return outcome(giving.give(actor, to, body, visibility(form), form.sourceKey()), true);
    }

    private static Reply outcome(FeedbackGiving.Outcome outcome, boolean fromForm) {
        if (outcome instanceof FeedbackGiving.Outcome.Given given) {
            return Reply.privately(given.confirmation());
        }
        if (outcome instanceof FeedbackGiving.Outcome.Refused refused) {
            return fromForm
                    ? new Reply.FormErrors(
                            Map.of(refused.field(), refused.reason().fallbackText()))
                    : Reply.privately(refused.reason());
        }
        return Reply.privately(FeedbackMessages.alreadyGiven());
    }

    private static Visibility visibility(FormSubmission form) {
        String chosen =
                form.chosen(FeedbackForms.VISIBILITY).stream().findFirst().orElse("");
        for (Visibility visibility : Visibility.values()) {
            if (visibility.dbValue().equals(chosen)) {
                return visibility;
            }
        }
        return Visibility.PRIVATE;
    }

    /** "@Ana Lima the demo…" → "the demo…". */
    private static String withoutLeadingMention(String text, Mention to) {
        String token = "@" + to.displayName();
        String rest = text.strip();
        if (rest.toLowerCase(Locale.ROOT).startsWith(token.toLowerCase(Locale.ROOT))) {
            rest = rest.substring(token.length());
        }
        return rest.replaceFirst("^[\\s,:–-]+", "").strip();
    }
}
