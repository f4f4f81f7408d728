package dev.candor.bot.feedback;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.bot.chat.Syntax;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.audit.AuditDao;
import dev.candor.storage.feedback.FeedbackSettings;
import dev.candor.storage.feedback.FeedbackSettingsDao;
import dev.candor.storage.feedback.Visibility;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /candor admin feedback} (HR admins; the admin handler checks the role): which visibilities people may choose
 * besides private, and {@code … feedback with-manager|manager-only on|off}. Every change is audited.
 */
public final class FeedbackAdmin implements CommandHandler {
    private static final List<String> SWITCHES = List.of("with-manager", "manager-only", "anonymous-requests");

    private final Jdbi jdbi;

    public FeedbackAdmin(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Reply handle(Command command) {
        String[] words = command.text().toLowerCase(Locale.ROOT).strip().split("\\s+");
        Platform platform = command.actor().platform();
        long orgId = command.actor().orgId();
        if (words.length < 3) {
            return Reply.privately(
                    overview(platform, jdbi.onDemand(FeedbackSettingsDao.class).get(orgId)));
        }
        if (words.length != 4 || !SWITCHES.contains(words[2]) || !(words[3].equals("on") || words[3].equals("off"))) {
            return Reply.privately("Say " + admin(platform) + " with-manager on|off, " + admin(platform)
                    + " manager-only on|off, or " + admin(platform) + " anonymous-requests on|off. Private feedback"
                    + " is always allowed.");
        }
        String which = words[2];
        boolean on = words[3].equals("on");
        boolean before = jdbi.inTransaction(handle -> {
            FeedbackSettingsDao settings = handle.attach(FeedbackSettingsDao.class);
            settings.lock(orgId);
            FeedbackSettings was = settings.get(orgId);
            boolean wasOn = which.equals("with-manager")
                    ? was.withManager()
                    : which.equals("manager-only") ? was.managerOnly() : was.anonymousRequests();
            settings.set(
                    orgId,
                    which.equals("with-manager") ? on : was.withManager(),
                    which.equals("manager-only") ? on : was.managerOnly(),
                    which.equals("anonymous-requests") ? on : was.anonymousRequests());
            handle.attach(AuditDao.class)
                    .insert(orgId, command.actor().personId(), "feedback " + which, onOff(wasOn), onOff(on));
            return wasOn;
        });
        String undo = admin(platform) + " " + which + " " + onOff(before);
        return Reply.privately(new Message(
                label(which) + ": " + onOff(before) + " → " + onOff(on) + ". Undo: " + undo,
                List.of(new Block.Section(Text.builder()
                        .strong(label(which))
                        .plain(": " + onOff(before) + " → " + onOff(on) + ". Undo: " + undo)
                        .build()))));
    }

    static Message overview(Platform platform, FeedbackSettings settings) {
        Text.Builder text = Text.builder();
        for (Visibility visibility : Visibility.values()) {
            text.strong(FeedbackForms.choiceLabel(visibility))
                    .plain(": " + (settings.allows(visibility) ? "allowed" : "not allowed"))
                    .lineBreak();
        }
        text.strong("Anonymous requests")
                .plain(": " + (settings.anonymousRequests() ? "allowed" : "not allowed"))
                .lineBreak();
        return new Message(
                "Feedback settings",
                List.of(
                        new Block.Header("Feedback"),
                        new Block.Section(text.build()),
                        new Block.Context(Text.of("Private is always allowed. " + admin(platform)
                                + " with-manager on|off, " + admin(platform) + " manager-only on|off, "
                                + admin(platform) + " anonymous-requests on|off. HR admins"
                                + " never read feedback: these settings only say whom givers may address."))));
    }

    private static String label(String which) {
        return switch (which) {
            case "with-manager" -> FeedbackForms.choiceLabel(Visibility.WITH_MANAGER);
            case "manager-only" -> FeedbackForms.choiceLabel(Visibility.MANAGER_ONLY);
            default -> "Anonymous requests";
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
