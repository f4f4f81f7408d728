package dev.candor.bot.admin;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.CommandHandler;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Reply;
import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.KudosSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /candor admin …} in Slack, {@code @Candor admin …} in Teams: HR admins see and change how recognition
 * works in their organisation, and when people may be asked things (working days, quiet hours). Everyone else is told, privately, whom to ask; nothing changes for them. Every change
 * answers with old → new and how to undo it, and is written to the audit log with the change.
 */
public final class AdminHandler implements CommandHandler {
    private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
    static final int NAMES_TO_ASK = 5;
    static final int AUDIT_LINES = 10;

    private final AdminStore store;
    private final Map<String, CommandHandler> features;

    public AdminHandler(Jdbi jdbi) {
        this(jdbi, Map.of());
    }

    /** @param features other features' admin commands by their word ({@code checkins}); HR admins only, like all */
    public AdminHandler(Jdbi jdbi, Map<String, CommandHandler> features) {
        this.store = new AdminStore(jdbi);
        this.features = Map.copyOf(features);
    }

    @Override
    public Reply handle(Command command) {
        Actor actor = command.actor();
        if (!actor.isHrAdmin()) {
            log.info("person {} of org {} is not an HR admin: admin command refused", actor.personId(), actor.orgId());
            return Reply.privately(AdminMessages.refusal(store.hrAdminNames(actor.orgId(), NAMES_TO_ASK)));
        }
        CommandHandler feature = features.get(Words.afterAdmin(command.text()).lower(0));
        if (feature != null) {
            return feature.handle(command);
        }
        try {
            return Reply.privately(answer(command, Words.afterAdmin(command.text())));
        } catch (AdminUsage usage) {
            return Reply.privately(AdminMessages.usage(actor.platform(), usage));
        }
    }

    private Message answer(Command command, Words words) {
        Actor actor = command.actor();
        return switch (words.lower(0)) {
            case "", "help", "settings" -> AdminMessages.overview(actor.platform(), store.snapshot(actor.orgId()));
            case "values" -> values(actor, words);
            case "audit" -> AdminMessages.audit(store.audit(actor.orgId(), AUDIT_LINES), actor.zone());
            case "timezone" -> answer(actor, "timezone", store.timezone(actor, Timezones.parse(words)));
            case "working-days" ->
                answer(actor, "working-days", store.changeWorkingTime(actor, WorkingTimeCommands.workingDays(words)));
            case "quiet-hours" ->
                answer(actor, "quiet-hours", store.changeWorkingTime(actor, WorkingTimeCommands.quietHours(words)));
            default -> answer(actor, words.lower(0), store.change(actor, setting(command, words)));
        };
    }

    private SettingChange<KudosSettings> setting(Command command, Words words) {
        long orgId = command.actor().orgId();
        return switch (words.lower(0)) {
            case "allowance" -> SettingCommands.allowance(words);
            case "kudos-channel" ->
                ChannelCommand.parse(words, command, conversation -> store.knowsTeamsConversation(orgId, conversation));
            case "digest" -> SettingCommands.digest(words);
            case "reaction-emoji" -> SettingCommands.reactionEmoji(words);
            case "min-length" -> SettingCommands.minLength(words);
            case "gap-weeks" -> SettingCommands.gapWeeks(words);
            default -> throw new AdminUsage("I don't know the setting \"" + words.word(0) + "\".", null);
        };
    }

    private Message values(Actor actor, Words words) {
        return switch (words.lower(1)) {
            case "", "list" -> {
                AdminStore.Snapshot snapshot = store.snapshot(actor.orgId());
                yield AdminMessages.values(
                        actor.platform(), snapshot.values(), snapshot.settings().valueRequired());
            }
            case "add" -> answer(actor, "values add", store.addValue(actor, ValueDefinition.parse(words)));
            case "remove" -> answer(actor, "values remove", removeValue(actor, words));
            case "require" ->
                answer(actor, "values require", store.change(actor, SettingCommands.valuesRequire(words)));
            default ->
                throw new AdminUsage(
                        "Say values, values add, values remove or values require.", AdminSyntax.VALUES_ADD);
        };
    }

    private Change removeValue(Actor actor, Words words) {
        String tag = ValueDefinition.tag(words.word(2), AdminSyntax.VALUES_REMOVE);
        if (words.size() != 3) {
            throw new AdminUsage("Remove one value at a time, by its tag.", AdminSyntax.VALUES_REMOVE);
        }
        return store.removeValue(actor, tag).orElseThrow(() -> {
            List<CompanyValue> values = store.snapshot(actor.orgId()).values();
            return new AdminUsage(
                    "#" + tag + " isn't one of the values"
                            + (values.isEmpty()
                                    ? "; there are none yet."
                                    : ". The values are: "
                                            + values.stream()
                                                    .map(value -> "#" + value.tag())
                                                    .collect(Collectors.joining(", "))
                                            + "."),
                    AdminSyntax.VALUES_REMOVE);
        });
    }

    /** @param command the command words, e.g. {@code values require}, which decide what HR should also know */
    private Message answer(Actor actor, String command, Change change) {
        Change explained = change.changed()
                ? change.withNote(AdminNotes.about(command, actor.platform(), store.snapshot(actor.orgId())))
                : change;
        return AdminMessages.changed(actor.platform(), explained);
    }
}
