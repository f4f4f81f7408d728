package dev.candor.scheduler.recognition;

import dev.candor.storage.Platform;
import dev.candor.storage.recognition.DigestCandidate;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Which weekly digests are due at a moment. Pure: settings rows and {@code now} in, due digests out.
 *
 * <p>Each organisation's slot is HR's day and time in the organisation's zone, so a digest at 16:00 stays at 16:00
 * local across a DST change. A digest is due from its slot until {@link #DEFAULT_GRACE} later; after that the
 * week is skipped, so an outage never posts Friday's digest on Saturday night. Sweeps inside the window return the
 * same digest again; its idempotency key makes it one post.
 */
public final class DigestPlanner {
    /**
     * How late a digest may still go out: long enough to ride out a restart or a short outage, short enough that
     * a late-afternoon digest still lands on the same working day.
     */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(3);

    private final Duration grace;

    public DigestPlanner() {
        this(DEFAULT_GRACE);
    }

    public DigestPlanner(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        this.grace = grace;
    }

    /** The digests due at {@code now}: one per organisation with the digest on and per kudos channel it has. */
    public List<DueDigest> due(List<DigestCandidate> candidates, Instant now) {
        List<DueDigest> due = new ArrayList<>();
        for (DigestCandidate candidate : candidates) {
            if (!candidate.digestEnabled()) {
                continue;
            }
            ZoneId zone = Zones.parse(candidate.timezone());
            ZonedDateTime slot = latestSlot(candidate, zone, now);
            if (Duration.between(slot.toInstant(), now).compareTo(grace) > 0) {
                continue;
            }
            LocalDate day = slot.toLocalDate();
            Instant from = day.minusWeeks(1)
                    .atTime(candidate.digestTime())
                    .atZone(zone)
                    .toInstant();
            IsoWeek week = IsoWeek.of(day);
            addIfSet(due, candidate, Platform.SLACK, candidate.slackKudosChannel(), week, from, slot, zone);
            addIfSet(due, candidate, Platform.TEAMS, candidate.teamsKudosChannel(), week, from, slot, zone);
        }
        return due;
    }

    /**
     * The most recent slot at or before {@code now}: this ISO week's, or last week's when this week's is still
     * ahead. A local time that DST skips moves forward by the gap (02:30 becomes 03:30).
     */
    static ZonedDateTime latestSlot(DigestCandidate candidate, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(candidate.digestDay() - 1L);
        ZonedDateTime slot = day.atTime(candidate.digestTime()).atZone(zone);
        if (slot.toInstant().isAfter(now)) {
            slot = day.minusWeeks(1).atTime(candidate.digestTime()).atZone(zone);
        }
        return slot;
    }

    private static void addIfSet(
            List<DueDigest> due,
            DigestCandidate candidate,
            Platform platform,
            String channel,
            IsoWeek week,
            Instant from,
            ZonedDateTime slot,
            ZoneId zone) {
        if (channel != null && !channel.isBlank()) {
            due.add(new DueDigest(candidate.orgId(), platform, channel, week, from, slot.toInstant(), zone));
        }
    }
}
