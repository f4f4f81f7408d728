package dev.candor.bot.admin;

import dev.candor.storage.Platform;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.org.WorkingTimeSettings;

/** What HR should also know after a change: how the new setting behaves, and what it depends on. */
final class AdminNotes {
    private AdminNotes() {}

    /** @return a sentence, or null when there is nothing to add */
    static String about(String command, Platform platform, AdminStore.Snapshot now) {
        KudosSettings settings = now.settings();
        return switch (command) {
            case "allowance" -> "Each person's allowance resets at midnight in their own time zone.";
            case "values require" ->
                settings.valueRequired() && now.values().isEmpty()
                        ? "There are no values yet, so this applies once you add one: "
                                + AdminSyntax.VALUES_ADD.example(platform)
                        : null;
            case "kudos-channel" -> channelNote(platform, ChannelCommand.current(settings, platform));
            case "digest" ->
                settings.digestEnabled()
                        ? "The time is in the organisation's time zone, " + now.timezone() + ". Change it with "
                                + AdminSyntax.TIMEZONE.example(platform) + "."
                        : null;
            case "timezone" ->
                settings.digestEnabled()
                        ? "The weekly digest goes out " + SettingCommands.showDigest(settings) + " " + now.timezone()
                                + "."
                        : null;
            case "working-days", "quiet-hours" -> workingTimeNote(now.workingTime());
            case "reaction-emoji" ->
                "In Slack, reacting with :" + settings.reactionEmoji()
                        + ": to someone's message gives them kudos; Candor must be a member of the channel.";
            default -> null;
        };
    }

    private static String workingTimeNote(WorkingTimeSettings workingTime) {
        return "Candor asks people things (check-ins, surveys) on "
                + WorkingTimeCommands.showDays(workingTime.workingDays()).replace("every day", "any day")
                + ", outside " + WorkingTimeCommands.showQuietHours(workingTime)
                + ", each in their own time zone. An ask due at another time waits until " + workingTime.quietUntil()
                + " on the person's next working day. Kudos and the weekly digest are not affected.";
    }

    private static String channelNote(Platform platform, String channel) {
        if (channel == null) {
            return "Recognition is posted where each kudos is given.";
        }
        return platform == Platform.SLACK
                ? "Make sure Candor is a member of that channel: type /invite @Candor there. Kudos given in private"
                        + " channels and DMs stay where they were given."
                : "New recognition starts a new post in this channel. Kudos given in private chats stay there.";
    }
}
