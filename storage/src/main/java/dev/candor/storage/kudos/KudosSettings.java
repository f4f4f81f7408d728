package dev.candor.storage.kudos;

import java.time.LocalTime;

/** How recognition works in one organisation; HR changes it with {@code /candor admin}. */
public record KudosSettings(
        long orgId,
        int allowanceAmount,
        AllowancePeriod allowancePeriod,
        boolean hrAdminsExempt,
        boolean valueRequired,
        int minMessageLength,
        String slackKudosChannel,
        String teamsKudosChannel,
        String reactionEmoji,
        boolean digestEnabled,
        int digestDay,
        LocalTime digestTime,
        int gapWeeks) {

    /** What an organisation gets before HR changes anything. */
    public static KudosSettings defaults(long orgId) {
        return new KudosSettings(
                orgId, 5, AllowancePeriod.DAY, false, false, 10, null, null, "clap", true, 5, LocalTime.of(16, 0), 6);
    }
}
