package dev.candor.scheduler.ask;

import java.util.Collection;
import java.util.Map;

/** Each person's {@link WorkingTime}, for many people at once (a round's whole audience). */
public interface WorkingTimes {

    /** By person id; ids that are not people of the organisation are left out. */
    Map<Long, WorkingTime> of(long orgId, Collection<Long> personIds);
}
