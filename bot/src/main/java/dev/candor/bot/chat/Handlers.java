package dev.candor.bot.chat;

/** The neutral handler shapes a feature can implement besides {@link CommandHandler}. */
public final class Handlers {
    private Handlers() {}

    /** Buttons whose action id starts with the feature's name. */
    public interface ActionHandler {
        Reply handle(Action action);
    }

    /** Forms whose form id starts with the feature's name. */
    public interface FormHandler {
        Reply handle(FormSubmission submission);
    }

    /** Every emoji reaction the platforms report. */
    public interface ReactionHandler {
        Reply handle(Reaction reaction);
    }

    /** The person's home view. */
    public interface HomeHandler {
        Reply handle(HomeOpened opened);
    }

    /** Shortcuts on messages whose id starts with the feature's name. */
    public interface ShortcutHandler {
        Reply handle(MessageShortcut shortcut);
    }
}
