package dev.candor.bot.people;

import java.util.List;

/**
 * Who is in a chat channel, as its platform (or the roster Candor keeps of it) says: accounts, not yet people.
 * Slack asks {@code conversations.members}; Teams reads the recorded roster of the channel's team.
 */
@FunctionalInterface
public interface ChannelRoster {
    /** A platform account in the channel; {@code name} may be null. */
    record Member(String platformUserId, String name) {}

    /**
     * The channel's members.
     *
     * @throws Unlisted when the platform can't say now (not a member of a private channel, an outage)
     */
    List<Member> members(long orgId, String channelId);

    /** The channel's members could not be listed; the message holds ids and error codes only. */
    final class Unlisted extends RuntimeException {
        public Unlisted(String reason) {
            super(reason, null, false, false);
        }
    }
}
