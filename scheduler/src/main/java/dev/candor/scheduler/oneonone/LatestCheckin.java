package dev.candor.scheduler.oneonone;

import java.util.Collection;
import java.util.Map;

/**
 * The seam between 1:1s and check-ins: each report's latest check-in (mood and blockers) for the agenda. Check-ins
 * own how their questions are tagged, so they implement this over the asking engine's answers (feature
 * {@code checkin}, the person's latest round). Until they do, {@link #NONE} shows no check-in on any agenda.
 */
public interface LatestCheckin {
    LatestCheckin NONE = (orgId, personIds) -> Map.of();

    /** The latest check-in of each of these people who has one, in one read. */
    Map<Long, CheckinHighlights> of(long orgId, Collection<Long> personIds);
}
