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

    public KudosSettings withAllowance(int amount, AllowancePeriod period) {
        return edit(b -> {
            b.allowanceAmount = amount;
            b.allowancePeriod = period;
        });
    }

    public KudosSettings withHrAdminsExempt(boolean exempt) {
        return edit(b -> b.hrAdminsExempt = exempt);
    }

    public KudosSettings withValueRequired(boolean required) {
        return edit(b -> b.valueRequired = required);
    }

    public KudosSettings withMinMessageLength(int minimum) {
        return edit(b -> b.minMessageLength = minimum);
    }

    /** The kudos channels of both platforms (null: where each kudos is given). */
    public KudosSettings withKudosChannels(String slack, String teams) {
        return edit(b -> {
            b.slackKudosChannel = slack;
            b.teamsKudosChannel = teams;
        });
    }

    public KudosSettings withReactionEmoji(String emoji) {
        return edit(b -> b.reactionEmoji = emoji);
    }

    public KudosSettings withDigest(boolean enabled, int day, LocalTime time) {
        return edit(b -> {
            b.digestEnabled = enabled;
            b.digestDay = day;
            b.digestTime = time;
        });
    }

    public KudosSettings withGapWeeks(int weeks) {
        return edit(b -> b.gapWeeks = weeks);
    }

    private KudosSettings edit(java.util.function.Consumer<Edit> change) {
        Edit edit = new Edit(this);
        change.accept(edit);
        return edit.build();
    }

    /** A mutable copy, so that each {@code with…} names only what it changes. */
    private static final class Edit {
        private final long orgId;
        int allowanceAmount;
        AllowancePeriod allowancePeriod;
        boolean hrAdminsExempt;
        boolean valueRequired;
        int minMessageLength;
        String slackKudosChannel;
        String teamsKudosChannel;
        String reactionEmoji;
        boolean digestEnabled;
        int digestDay;
        LocalTime digestTime;
        int gapWeeks;

        Edit(KudosSettings s) {
            orgId = s.orgId;
            allowanceAmount = s.allowanceAmount;
            allowancePeriod = s.allowancePeriod;
            hrAdminsExempt = s.hrAdminsExempt;
            valueRequired = s.valueRequired;
            minMessageLength = s.minMessageLength;
            slackKudosChannel = s.slackKudosChannel;
            teamsKudosChannel = s.teamsKudosChannel;
            reactionEmoji = s.reactionEmoji;
            digestEnabled = s.digestEnabled;
            digestDay = s.digestDay;
            digestTime = s.digestTime;
            gapWeeks = s.gapWeeks;
        }

        KudosSettings build() {
            return new KudosSettings(
                    orgId,
                    allowanceAmount,
                    allowancePeriod,
                    hrAdminsExempt,
                    valueRequired,
                    minMessageLength,
                    slackKudosChannel,
                    teamsKudosChannel,
                    reactionEmoji,
                    digestEnabled,
                    digestDay,
                    digestTime,
                    gapWeeks);
        }
    }
}
