package dev.candor.scheduler.checkin;

import java.util.List;

/**
 * The people in a channel now, for a check-in whose audience is "members of a channel": asked of the platform (or of
 * the roster Candor keeps) each time a round opens, so that whoever joined or left since is counted right.
 */
@FunctionalInterface
public interface ChannelMembers {
    /** For wiring without a chat platform: nobody. */
    ChannelMembers NONE = (orgId, channelId, ownerId) -> List.of();

    /**
     * The people (no bots, no deactivated accounts) in the channel, as person ids of the organisation; the owner is
     * counted only when they are a member.
     *
     * @throws RuntimeException when the platform can't say now: the round is not opened, and the next sweep tries again
     */
    List<Long> personIds(long orgId, String channelId, long ownerId);
}
