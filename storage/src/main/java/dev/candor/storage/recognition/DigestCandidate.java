package dev.candor.storage.recognition;

import java.time.LocalTime;

/**
 * An organisation's digest settings with its time zone: what the digest planner needs to know whether a weekly
 * digest is due.
 *
 * @param timezone the organisation's IANA zone as stored (may be invalid; the planner falls back to UTC)
 * @param digestDay ISO day of week, 1 = Monday
 * @param slackKudosChannel the Slack channel the digest goes to, or null
 * @param teamsKudosChannel the Teams conversation the digest goes to, or null
 */
public record DigestCandidate(
        long orgId,
        String timezone,
        boolean digestEnabled,
        int digestDay,
        LocalTime digestTime,
        String slackKudosChannel,
        String teamsKudosChannel) {}
