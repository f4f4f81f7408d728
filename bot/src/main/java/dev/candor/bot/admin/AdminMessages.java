package dev.candor.bot.admin;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Message;
import dev.candor.bot.chat.Text;
import dev.candor.storage.Platform;
import dev.candor.storage.audit.AuditEntry;
import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.KudosSettings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Everything {@code /candor admin} says. All of it is for the HR admin who typed the command. */
final class AdminMessages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private AdminMessages() {}

    /** To someone who isn't an HR admin: nothing changed, and whom to ask. */
    static Message refusal(List<String> hrAdmins) {
        String ask = hrAdmins.isEmpty()
                ? "Nobody is an HR admin yet: whoever runs Candor can make someone one with a people import"
                        + " (role hr_admin)."
                : "Ask one of: " + String.join(", ", hrAdmins) + ".";
        return Message.of("🔒 Only HR admins can change Candor's settings, so nothing was changed. " + ask);
    }

    /** {@code /candor admin}: the current settings and every command with an example. */
    static Message overview(Platform platform, AdminStore.Snapshot snapshot) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Candor settings"));
        blocks.add(new Block.Fields(settings(platform, snapshot)));
        blocks.add(new Block.Divider());
        blocks.add(new Block.Section(Text.builder().strong("Change them").build()));
        for (AdminSyntax command : AdminSyntax.values()) {
            blocks.add(new Block.Section(Text.builder()
                    .strong(command.syntax(platform))
                    .plain(" — " + command.what())
                    .lineBreak()
                    .plain("e.g. " + command.example(platform))
                    .build()));
        }
        blocks.add(new Block.Context(Text.of("Every change is recorded: who, when, old → new. See "
                + AdminSyntax.AUDIT.example(platform).strip() + ".")));
        return new Message("Candor settings and how to change them: " + AdminSyntax.prefix(platform) + "help", blocks);
    }

    private static List<Block.Field> settings(Platform platform, AdminStore.Snapshot snapshot) {
        KudosSettings settings = snapshot.settings();
        String channel = ChannelCommand.current(settings, platform);
        return List.of(
                field("Values", valuesSummary(snapshot.values(), settings.valueRequired())),
                field(
                        "Allowance",
                        SettingCommands.showAllowance(settings)
                                + (settings.hrAdminsExempt() ? " · HR admins exempt" : " · HR admins included")),
                field("Kudos channel", ChannelCommand.show(channel, null, null)),
                field("Weekly digest", SettingCommands.showDigest(settings) + " · " + snapshot.timezone()),
                field("Reaction kudos", ":" + settings.reactionEmoji() + ":"),
                field("Minimum kudos length", settings.minMessageLength() + " characters"),
                field("Manager nudge", "after " + settings.gapWeeks() + " weeks without kudos"),
                field(
                        "Working days",
                        WorkingTimeCommands.showDays(snapshot.workingTime().workingDays())),
                field(
                        "Quiet hours",
                        WorkingTimeCommands.showQuietHours(snapshot.workingTime())
                                + ", in each person's own time zone"));
    }

    private static String valuesSummary(List<CompanyValue> values, boolean required) {
        if (values.isEmpty()) {
            return "none yet — any #tag is accepted";
        }
        return values.stream().map(value -> "#" + value.tag()).collect(Collectors.joining(", "))
                + (required ? " · a tag is required" : " · tags are optional");
    }

    /** {@code values}: the organisation's values, one per line. */
    static Message values(Platform platform, List<CompanyValue> values, boolean required) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Header("Company values"));
        if (values.isEmpty()) {
            blocks.add(new Block.Section(Text.of("No values yet, so people may tag any #word.")));
        } else {
            Text.Builder lines = Text.builder();
            for (CompanyValue value : values) {
                if (value != values.get(0)) {
                    lines.lineBreak();
                }
                lines.strong("#" + value.tag())
                        .plain(" " + ValueDefinition.of(value).definition());
            }
            blocks.add(new Block.Section(lines.build()));
        }
        blocks.add(new Block.Context(
                Text.of((required ? "Every kudos must tag one of them. " : "Tagging a value is optional. ")
                        + "Add one: " + AdminSyntax.VALUES_ADD.example(platform))));
        String fallback = values.isEmpty()
                ? "No company values yet."
                : "Company values: " + values.stream().map(v -> "#" + v.tag()).collect(Collectors.joining(", "));
        return new Message(fallback, blocks);
    }

    /** What a change did: old → new, and how to undo it. */
    static Message changed(Platform platform, Change change) {
        if (!change.changed()) {
            return Message.of(change.label() + " is already " + change.after() + " — nothing changed.");
        }
        Text.Builder text = Text.builder().plain("✅ ").strong(change.label()).plain(": ");
        if (change.before() == null) {
            text.plain("added " + change.after());
        } else if (change.after() == null) {
            text.plain("removed (was " + change.before() + ")");
        } else {
            text.plain(change.before() + " → " + change.after());
        }
        Text summary = text.build();
        String undo = "Undo: "
                + change.undo().stream()
                        .map(command -> AdminSyntax.prefix(platform) + command)
                        .collect(Collectors.joining(", then "));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(summary));
        if (change.note() != null) {
            blocks.add(new Block.Section(Text.of(change.note())));
        }
        blocks.add(new Block.Context(Text.of(undo)));
        return new Message(summary.plain() + ". " + undo, blocks);
    }

    /** A mistake in a command: what is wrong, the exact syntax and an example. Nothing changed. */
    static Message usage(Platform platform, AdminUsage usage) {
        AdminSyntax syntax = usage.syntax();
        if (syntax == null) {
            return unknown(platform, usage.problem());
        }
        return new Message(
                usage.problem() + " Type: " + syntax.syntax(platform),
                List.of(
                        new Block.Section(Text.of(usage.problem() + " Nothing was changed.")),
                        new Block.Section(Text.builder()
                                .plain("Type ")
                                .strong(syntax.syntax(platform))
                                .lineBreak()
                                .plain("e.g. " + syntax.example(platform))
                                .build()),
                        new Block.Context(Text.of("All settings: " + AdminSyntax.prefix(platform) + "help"))));
    }

    private static Message unknown(Platform platform, String problem) {
        String words = Arrays.stream(AdminSyntax.values())
                .map(command -> command.example(platform)
                        .substring(AdminSyntax.prefix(platform).length()))
                .map(example -> example.split(" ")[0])
                .distinct()
                .collect(Collectors.joining(", "));
        String help = "Type " + AdminSyntax.prefix(platform) + "help to see the settings with examples.";
        return new Message(
                problem + " " + help,
                List.of(
                        new Block.Section(Text.of(problem + " Nothing was changed.")),
                        new Block.Section(
                                Text.builder().plain("Settings: ").strong(words).build()),
                        new Block.Context(Text.of(help))));
    }

    /** {@code audit}: the latest changes, in the reader's time zone. */
    static Message audit(List<AdminStore.AuditLine> lines, ZoneId zone) {
        if (lines.isEmpty()) {
            return Message.of("No settings have been changed yet.");
        }
        Text.Builder text = Text.builder();
        for (AdminStore.AuditLine line : lines) {
            AuditEntry entry = line.entry();
            if (line != lines.get(0)) {
                text.lineBreak();
            }
            text.strong(WHEN.format(entry.createdAt().atZone(zone)))
                    .plain("  " + line.who() + " · " + entry.action() + ": " + shown(entry.oldValue()) + " → "
                            + shown(entry.newValue()));
        }
        return new Message(
                "The last " + lines.size() + " changes to Candor's settings",
                List.of(
                        new Block.Header("Latest changes"),
                        new Block.Section(text.build()),
                        new Block.Context(Text.of("Times in " + zone.getId() + "."))));
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }

    private static Block.Field field(String label, String value) {
        return new Block.Field(label, Text.of(value));
    }
}
