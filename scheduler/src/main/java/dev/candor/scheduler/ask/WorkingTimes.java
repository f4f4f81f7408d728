package dev.candor.scheduler.ask;

import java.util.Collection;
import java.util.Map;

/**
 * Where the engine learns people's {@link WorkingTime}: their zone (platform profile, else directory, else the
 * organisation's), the organisation's quiet hours and working days, and whether they are away. One statement for
 * any number of people, so that planning a round of 100,000 costs one query.
 */
public interface WorkingTimes {

    /** Each person's working time, by person id; people of other organisations or unknown ids are left out. */
    Map<Long, WorkingTime> of(long orgId, Collection<Long> personIds);
}
