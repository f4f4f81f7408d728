package dev.candor.bot.admin;

import dev.candor.storage.kudos.AllowancePeriod;
import dev.candor.storage.kudos.KudosSettings;
import java.time.LocalTime;

/** Copies of kudos settings with one setting changed. */
final class SettingsEdits {
    private SettingsEdits() {}

    static KudosSettings allowance(KudosSettings s, int amount, AllowancePeriod period) {
        return new KudosSettings(
                s.orgId(),
                amount,
                period,
                s.hrAdminsExempt(),
                s.valueRequired(),
                s.minMessageLength(),
                s.slackKudosChannel(),
                s.teamsKudosChannel(),
                s.reactionEmoji(),
                s.digestEnabled(),
                s.digestDay(),
                s.digestTime(),
                s.gapWeeks());
    }

    static KudosSettings hrExempt(KudosSettings s, boolean exempt) {
        return new KudosSettings(
                s.orgId(),
                s.allowanceAmount(),
                s.allowancePeriod(),
                exempt,
                s.valueRequired(),
                s.minMessageLength(),
                s.slackKudosChannel(),
                s.teamsKudosChannel(),
                s.reactionEmoji(),
                s.digestEnabled(),
                s.digestDay(),
                s.digestTime(),
                s.gapWeeks());
    }

    static KudosSettings valueRequired(KudosSettings s, boolean required) {
        return new KudosSettings(
                s.orgId(),
                s.allowanceAmount(),
                s.allowancePeriod(),
                s.hrAdminsExempt(),
                required,
                s.minMessageLength(),
                s.slackKudosChannel(),
                s.teamsKudosChannel(),
                s.reactionEmoji(),
                s.digestEnabled(),
                s.digestDay(),
                s.digestTime(),
                s.gapWeeks());
    }

    static KudosSettings minLength(KudosSettings s, int minimum) {
        return new KudosSettings(
                s.orgId(),
                s.allowanceAmount(),
                s.allowancePeriod(),
                s.hrAdminsExempt(),
                s.valueRequired(),
                minimum,
                s.slackKudosChannel(),
                s.teamsKudosChannel(),
                s.reactionEmoji(),
                s.digestEnabled(),
                s.digestDay(),
                s.digestTime(),
                s.gapWeeks());
    }

    static KudosSettings channels(KudosSettings s, String slack, String teams) {
        return new KudosSettings(
                s.orgId(),
                s.allowanceAmount(),
                s.allowancePeriod(),
                s.hrAdminsExempt(),
                s.valueRequired(),
                s.minMessageLength(),
                slack,
                teams,
                s.reactionEmoji(),
                s.digestEnabled(),
                s.digestDay(),
                s.digestTime(),
                s.gapWeeks());
    }

    static KudosSettings reactionEmoji(KudosSettings s, String emoji) {
        return new KudosSettings(
                s.orgId(),
                s.allowanceAmount(),
                s.allowancePeriod(),
                s.hrAdminsExempt(),
                s.valueRequired(),
                s.minMessageLength(),
                s.slackKudosChannel(),
                s.teamsKudosChannel(),
                emoji,
                s.digestEnabled(),
                s.digestDay(),
                s.digestTime(),
                s.gapWeeks());
    }

    static KudosSettings digest(KudosSettings s, boolean enabled, int day, LocalTime time) {
        return new KudosSettings(
                s.orgId(),
                s.allowanceAmount(),
                s.allowancePeriod(),
                s.hrAdminsExempt(),
                s.valueRequired(),
                s.minMessageLength(),
                s.slackKudosChannel(),
                s.teamsKudosChannel(),
                s.reactionEmoji(),
                enabled,
                day,
                time,
                s.gapWeeks());
    }

    static KudosSettings gapWeeks(KudosSettings s, int weeks) {
        return new KudosSettings(
                s.orgId(),
                s.allowanceAmount(),
                s.allowancePeriod(),
                s.hrAdminsExempt(),
                s.valueRequired(),
                s.minMessageLength(),
                s.slackKudosChannel(),
                s.teamsKudosChannel(),
                s.reactionEmoji(),
                s.digestEnabled(),
                s.digestDay(),
                s.digestTime(),
                weeks);
    }
}
