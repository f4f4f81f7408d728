package dev.candor.scheduler.oneonone;

import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Each 1:1's report's latest check-in (mood and blockers) for the agenda: {@link CheckinAnswers} reads it from the
 * asking engine's answers; {@link #NONE} shows no check-in on any agenda.
 */
public interface LatestCheckin {
    LatestCheckin NONE = (handle, oneOnOneIds) -> Map.of();

    /** The check-in to show on each of these 1:1s' agendas that has one, by 1:1 id, in one read. */
    Map<Long, CheckinHighlights> of(Handle handle, long[] oneOnOneIds);
}
