package dev.candor.bot.feedback;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.bot.people.ProfileSource;
import dev.candor.storage.Platform;
import dev.candor.storage.audit.AuditDao;
import dev.candor.storage.feedback.FeedbackSettings;
import dev.candor.storage.feedback.FeedbackSettingsDao;
import dev.candor.storage.feedback.SubjectSees;
import dev.candor.storage.feedback.Visibility;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /candor admin feedback} (HR admins; the admin handler checks the role): which visibilities people may choose
 * besides private ({@code … with-manager|manager-only on|off}), whether anonymous requests and speak up are on
 * ({@code … anonymous-requests|speak-up on|off}), who receives speak-up messages ({@code … speak-up-to @name|hr}), and
 * whether the subject of a 360 reads its answers ({@code … subject-sees named|anonymous|none}). Every change is
 * audited and its answer says how to undo it.
 */
public final class FeedbackAdmin implements CommandHandler {
    private static final List<String> SWITCHES =
            List.of("with-manager", "manager-only", "anonymous-requests", "speak-up");

    private final Jdbi jdbi;
    private final PeopleDirectory directory;

    public FeedbackAdmin(Jdbi jdbi, PeopleDirectory directory) {
        this.jdbi = jdbi;
        this.directory = directory;
    }

    @Override
    public Reply handle(Command command) {
        String[] words = command.text().toLowerCase(Locale.ROOT).strip().split("\\s+");
        Platform platform = command.actor().platform();
        long orgId = command.actor().orgId();
        if (words.length < 3) {
            Message overview = jdbi.withHandle(handle -> overview(platform, handle, orgId));
            return Reply.privately(overview);
        }
        String which = words[2];
        if (which.equals("speak-up-to")) {
            return speakUpTo(command, words);
        }
        if (which.equals("subject-sees")) {
            SubjectSees sees = words.length == 4 ? subjectSees(words[3]) : null;
            if (sees == null) {
                return Reply.privately(usage(platform));
            }
            return change(command, which, s -> s.subjectSees().dbValue(), s -> withSubjectSees(s, sees));
        }
        if (words.length != 4 || !SWITCHES.contains(which) || !(words[3].equals("on") || words[3].equals("off"))) {
            return Reply.privately(usage(platform));
        }
        boolean on = words[3].equals("on");
        return change(command, which, s -> onOff(s.switchOf(which)), s -> withSwitch(s, which, on));
    }

    private Reply speakUpTo(Command command, String[] words) {
        Platform platform = command.actor().platform();
        if (words.length == 4 && words[3].equals("hr")) {
            return change(command, "speak-up-to", FeedbackAdmin::recipientValue, s -> withSpeakUpTo(s, null));
        }
        List<Mention> mentions = command.mentions();
        if (mentions.size() != 1) {
            return Reply.privately(usage(platform));
        }
        Person person;
        try {
            person = directory.personFor(command.actor(), mentions.get(0));
        } catch (ProfileSource.NoSuchUser unknown) {
            return Reply.privately(
                    FeedbackMessages.unknown(platform, mentions.get(0).displayName()));
        }
        if (person.isBot() || !person.active()) {
            return Reply.privately(person.name() + " can't receive speak-up messages: pick someone who works here.");
        }
        return change(command, "speak-up-to", FeedbackAdmin::recipientValue, s -> withSpeakUpTo(s, person.id()));
    }

    /** Applies one change under the settings row's lock, audits it, and says what changed and how to undo it. */
    private Reply change(
            Command command,
            String which,
            java.util.function.Function<Named, String> value,
            UnaryOperator<FeedbackSettings> update) {
        long orgId = command.actor().orgId();
        Platform platform = command.actor().platform();
        String[] change = jdbi.inTransaction(handle -> {
            FeedbackSettingsDao settings = handle.attach(FeedbackSettingsDao.class);
            settings.lock(orgId);
            FeedbackSettings was = settings.get(orgId);
            FeedbackSettings now = update.apply(was);
            settings.set(orgId, now);
            String before = value.apply(new Named(was, name(handle, orgId, was.speakUpTo())));
            String after = value.apply(new Named(now, name(handle, orgId, now.speakUpTo())));
            handle.attach(AuditDao.class).insert(orgId, command.actor().personId(), "feedback " + which, before, after);
            return new String[] {before, after, undoValue(which, was, handle, orgId)};
        });
        String undo = admin(platform) + " " + which + " " + change[2];
        String said = ": " + change[0] + " → " + change[1] + ". Undo: " + undo;
        return Reply.privately(new Message(
                label(which) + said,
                List.of(new Block.Section(
                        Text.builder().strong(label(which)).plain(said).build()))));
    }

    /** The settings with the speak-up recipient's name (null: the HR admins). */
    private record Named(FeedbackSettings settings, String recipient) {
        boolean switchOf(String which) {
            return FeedbackAdmin.switchOf(settings, which);
        }

        SubjectSees subjectSees() {
            return settings.subjectSees();
        }
    }

    private static String recipientValue(Named named) {
        return named.recipient() == null ? "the HR admins" : named.recipient();
    }

    private static String undoValue(String which, FeedbackSettings was, Handle handle, long orgId) {
        return switch (which) {
            case "speak-up-to" -> was.speakUpTo() == null ? "hr" : "@" + name(handle, orgId, was.speakUpTo());
            case "subject-sees" -> was.subjectSees().dbValue();
            default -> onOff(switchOf(was, which));
        };
    }

    private static String name(Handle handle, long orgId, Long personId) {
        if (personId == null) {
            return null;
        }
        return handle.attach(PersonDao.class).listByIds(orgId, List.of(personId)).stream()
                .findFirst()
                .map(Person::name)
                .orElse("someone who left");
    }

    private static FeedbackSettings settings(Handle handle, long orgId) {
        return handle.attach(FeedbackSettingsDao.class).get(orgId);
    }

    private static Message overview(Platform platform, Handle handle, long orgId) {
        FeedbackSettings settings = settings(handle, orgId);
        return overview(platform, settings, name(handle, orgId, settings.speakUpTo()));
    }

    static Message overview(Platform platform, FeedbackSettings settings, String speakUpTo) {
        Text.Builder text = Text.builder();
        for (Visibility visibility : Visibility.values()) {
            text.strong(FeedbackForms.choiceLabel(visibility))
                    .plain(": " + (settings.allows(visibility) ? "allowed" : "not allowed"))
                    .lineBreak();
        }
        text.strong("Anonymous requests")
                .plain(": " + (settings.anonymousRequests() ? "allowed" : "not allowed"))
                .lineBreak();
        text.strong("Speak up")
                .plain(": "
                        + (settings.speakUp() ? "on, to " + (speakUpTo == null ? "the HR admins" : speakUpTo) : "off"))
                .lineBreak();
        text.strong("360 subject").plain(": " + subjectSeesLabel(settings.subjectSees()));
        return new Message(
                "Feedback settings",
                List.of(
                        new Block.Header("Feedback"),
                        new Block.Section(text.build()),
                        new Block.Context(Text.of(usage(platform).replaceFirst("^Say ", "Change them with ")
                                + " HR admins never read feedback: these settings only say whom givers may"
                                + " address."))));
    }

    static String subjectSeesLabel(SubjectSees sees) {
        return switch (sees) {
            case NAMED -> "reads the answers with names";
            case ANONYMOUS -> "reads the answers without names, from three answers";
            case NONE -> "doesn't read the answers (the manager alone does)";
        };
    }

    private static String usage(Platform platform) {
        String admin = admin(platform);
        return "Say " + admin + " with-manager on|off, " + admin + " manager-only on|off, " + admin
                + " anonymous-requests on|off, " + admin + " speak-up on|off, " + admin + " speak-up-to @name|hr, or "
                + admin + " subject-sees named|anonymous|none. Private feedback is always allowed.";
    }

    private static SubjectSees subjectSees(String word) {
        for (SubjectSees sees : SubjectSees.values()) {
            if (sees.dbValue().equals(word)) {
                return sees;
            }
        }
        return null;
    }

    private static boolean switchOf(FeedbackSettings s, String which) {
        return switch (which) {
            case "with-manager" -> s.withManager();
            case "manager-only" -> s.managerOnly();
            case "anonymous-requests" -> s.anonymousRequests();
            default -> s.speakUp();
        };
    }

    private static FeedbackSettings withSwitch(FeedbackSettings s, String which, boolean on) {
        return new FeedbackSettings(
                which.equals("with-manager") ? on : s.withManager(),
                which.equals("manager-only") ? on : s.managerOnly(),
                which.equals("anonymous-requests") ? on : s.anonymousRequests(),
                which.equals("speak-up") ? on : s.speakUp(),
                s.speakUpTo(),
                s.subjectSees());
    }

    private static FeedbackSettings withSpeakUpTo(FeedbackSettings s, Long personId) {
        return new FeedbackSettings(
                s.withManager(), s.managerOnly(), s.anonymousRequests(), s.speakUp(), personId, s.subjectSees());
    }

    private static FeedbackSettings withSubjectSees(FeedbackSettings s, SubjectSees sees) {
        return new FeedbackSettings(
                s.withManager(), s.managerOnly(), s.anonymousRequests(), s.speakUp(), s.speakUpTo(), sees);
    }

    private static String label(String which) {
        return switch (which) {
            case "with-manager" -> FeedbackForms.choiceLabel(Visibility.WITH_MANAGER);
            case "manager-only" -> FeedbackForms.choiceLabel(Visibility.MANAGER_ONLY);
            case "anonymous-requests" -> "Anonymous requests";
            case "speak-up" -> "Speak up";
            case "speak-up-to" -> "Speak-up messages go to";
            default -> "360 subject reads the answers";
        };
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** "/candor admin feedback" in Slack, "@Candor admin feedback" in Teams, as the admin overview shows them. */
    private static String admin(Platform platform) {
        return (platform == Platform.SLACK ? Syntax.command(platform, "candor") + " admin" : "@Candor admin")
                + " feedback";
    }
}
