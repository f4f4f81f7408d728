package dev.candor.bot.admin;

import dev.candor.bot.chat.Command;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.KudosSettings;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code kudos-channel #kudos|here|off}: where public recognition goes on the platform HR typed it on. Slack names
 * the channel with a link ({@code <#C123|kudos>}, in {@link Command#channels()}) or by id; Teams takes the channel
 * the command was typed in, stored without its thread so posts start at the channel's top level.
 */
final class ChannelCommand {
    private static final Pattern SLACK_CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{6,}");
    private static final String TEAMS_THREAD = ";messageid=";

    private ChannelCommand() {}

    /** @param knownTeamsConversation whether Candor can post to a Teams conversation id (it has its reference) */
    static SettingChange<KudosSettings> parse(Words words, Command command, Predicate<String> knownTeamsConversation) {
        if (words.size() != 2) {
            throw new AdminUsage("Name one channel, or say here or off.", AdminSyntax.KUDOS_CHANNEL);
        }
        Platform platform = command.actor().platform();
        String choice = words.lower(1);
        String channel;
        String name = null;
        if (choice.equals("off")) {
            channel = null;
        } else if (choice.equals("here")) {
            channel = here(command.where());
        } else if (platform == Platform.SLACK) {
            channel = slackChannel(words.word(1), command);
            name = words.word(1).startsWith("#") && words.word(1).length() > 1 ? words.word(1) : null;
        } else {
            channel = teamsChannel(words.word(1));
        }
        if (channel != null && platform == Platform.TEAMS && !knownTeamsConversation.test(channel)) {
            throw new AdminUsage(
                    "I can't post in that channel yet. Add me to the team, then type the command in the channel.",
                    AdminSyntax.KUDOS_CHANNEL);
        }
        return change(platform, channel, name);
    }

    private static SettingChange<KudosSettings> change(Platform platform, String channel, String name) {
        boolean slack = platform == Platform.SLACK;
        return new SettingChange<>(
                "kudos-channel " + platform.dbValue(),
                "Kudos channel in " + (slack ? "Slack" : "Teams"),
                s -> slack
                        ? s.withKudosChannels(channel, s.teamsKudosChannel())
                        : s.withKudosChannels(s.slackKudosChannel(), channel),
                s -> show(current(s, platform), channel, name),
                s -> List.of("kudos-channel " + (current(s, platform) == null ? "off" : current(s, platform))));
    }

    static String current(KudosSettings settings, Platform platform) {
        return platform == Platform.SLACK ? settings.slackKudosChannel() : settings.teamsKudosChannel();
    }

    /** The channel as readable text: its #name when this command named it, else its id. */
    static String show(String channel, String namedChannel, String name) {
        if (channel == null) {
            return "where each kudos is given";
        }
        return name != null && channel.equals(namedChannel) ? name + " (" + channel + ")" : "channel " + channel;
    }

    private static String here(ConversationRef where) {
        if (where.kind() == ConversationKind.DM || where.kind() == ConversationKind.GROUP) {
            throw new AdminUsage(
                    "This is a private chat. Type the command in the channel where recognition should appear"
                            + (where.platform() == Platform.SLACK ? ", or name the channel." : "."),
                    AdminSyntax.KUDOS_CHANNEL);
        }
        return teamsChannelOf(where.conversationId());
    }

    private static String slackChannel(String word, Command command) {
        if (!command.channels().isEmpty()) {
            return command.channels().get(0);
        }
        if (SLACK_CHANNEL_ID.matcher(word).matches()) {
            return word;
        }
        throw new AdminUsage(
                "I couldn't tell which channel " + word + " is. Type # and pick the channel from Slack's suggestions,"
                        + " or type the command in the channel and say here.",
                AdminSyntax.KUDOS_CHANNEL);
    }

    private static String teamsChannel(String word) {
        if (word.startsWith("19:")) {
            return teamsChannelOf(word);
        }
        throw new AdminUsage(
                "In Teams, type the command in the channel where recognition should appear and say here.",
                AdminSyntax.KUDOS_CHANNEL);
    }

    /** A Teams channel thread ({@code 19:…@thread.tacv2;messageid=…}) belongs to the channel before the thread. */
    static String teamsChannelOf(String conversationId) {
        int thread = conversationId.indexOf(TEAMS_THREAD);
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }
}
