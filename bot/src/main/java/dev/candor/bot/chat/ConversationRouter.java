package dev.candor.bot.chat;

import dev.candor.bot.chat.Handlers.ActionHandler;
import dev.candor.bot.chat.Handlers.FormHandler;
import dev.candor.bot.chat.Handlers.HomeHandler;
import dev.candor.bot.chat.Handlers.ReactionHandler;
import dev.candor.bot.chat.Handlers.ShortcutHandler;
import dev.candor.bot.logging.LogIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes neutral inbound requests to feature handlers. Both platform adapters call this one router, so a
 * feature behaves the same in Slack and in Teams. Actions, forms and shortcuts go to the feature named before the
 * dot of their id ({@code kudos.give} → kudos).
 */
public final class ConversationRouter {
    private static final Logger log = LoggerFactory.getLogger(ConversationRouter.class);

    private final Map<String, CommandHandler> commands;
    private final CommandHandler fallback;
    private final Map<String, ActionHandler> actions;
    private final Map<String, FormHandler> forms;
    private final Map<String, ShortcutHandler> shortcuts;
    private final List<ReactionHandler> reactions;
    private final HomeHandler home;

    private ConversationRouter(Builder builder) {
        this.commands = Map.copyOf(builder.commands);
        this.fallback = builder.fallback;
        this.actions = Map.copyOf(builder.actions);
        this.forms = Map.copyOf(builder.forms);
        this.shortcuts = Map.copyOf(builder.shortcuts);
        this.reactions = List.copyOf(builder.reactions);
        this.home = builder.home != null
                ? builder.home
                : builder.homeSections.isEmpty() ? null : new Home(builder.homeSections);
    }

    /** @param fallback answers command words no handler knows (the help text) */
    public static Builder builder(CommandHandler fallback) {
        return new Builder(fallback);
    }

    public Reply route(Inbound inbound) {
        if (inbound instanceof Command command) {
            return commands.getOrDefault(command.name().toLowerCase(Locale.ROOT), fallback)
                    .handle(command);
        } else if (inbound instanceof Action action) {
            ActionHandler handler = actions.get(feature(action.actionId()));
            return handler == null ? unknown("action", action.actionId()) : handler.handle(action);
        } else if (inbound instanceof FormSubmission submission) {
            FormHandler handler = forms.get(feature(submission.formId()));
            return handler == null ? unknown("form", submission.formId()) : handler.handle(submission);
        } else if (inbound instanceof MessageShortcut shortcut) {
            ShortcutHandler handler = shortcuts.get(feature(shortcut.shortcutId()));
            return handler == null ? unknown("shortcut", shortcut.shortcutId()) : handler.handle(shortcut);
        } else if (inbound instanceof Reaction reaction) {
            for (ReactionHandler handler : reactions) {
                Reply reply = handler.handle(reaction);
                if (!(reply instanceof Reply.None)) {
                    return reply;
                }
            }
            return Reply.none();
        } else if (inbound instanceof HomeOpened opened) {
            return home == null ? Reply.none() : home.handle(opened);
        }
        throw new IllegalArgumentException("no route for " + inbound.getClass().getSimpleName());
    }

    private static String feature(String id) {
        int dot = id == null ? -1 : id.indexOf('.');
        return dot < 0 ? String.valueOf(id) : id.substring(0, dot);
    }

    private static Reply unknown(String kind, String id) {
        log.warn("no handler for {} {}", kind, LogIds.of(id));
        return Reply.privately("That button or form is no longer supported. Type the command again to start over.");
    }

    public static final class Builder {
        private final CommandHandler fallback;
        private final Map<String, CommandHandler> commands = new HashMap<>();
        private final Map<String, ActionHandler> actions = new HashMap<>();
        private final Map<String, FormHandler> forms = new HashMap<>();
        private final Map<String, ShortcutHandler> shortcuts = new HashMap<>();
        private final List<ReactionHandler> reactions = new ArrayList<>();
        private final List<HomeSection> homeSections = new ArrayList<>();
        private HomeHandler home;

        private Builder(CommandHandler fallback) {
            this.fallback = fallback;
        }

        public Builder command(String word, CommandHandler handler) {
            commands.put(word.toLowerCase(Locale.ROOT), handler);
            return this;
        }

        public Builder actions(String feature, ActionHandler handler) {
            actions.put(feature, handler);
            return this;
        }

        public Builder forms(String feature, FormHandler handler) {
            forms.put(feature, handler);
            return this;
        }

        public Builder shortcuts(String feature, ShortcutHandler handler) {
            shortcuts.put(feature, handler);
            return this;
        }

        public Builder reactions(ReactionHandler handler) {
            reactions.add(handler);
            return this;
        }

        /** Adds a feature's section to the home, after the sections added before it. */
        public Builder homeSection(HomeSection section) {
            homeSections.add(section);
            return this;
        }

        /** Replaces the home made of {@link #homeSection sections} with one handler (tests, a home of its own). */
        public Builder home(HomeHandler handler) {
            this.home = handler;
            return this;
        }

        public ConversationRouter build() {
            return new ConversationRouter(this);
        }
    }
}
