package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AskDelivery;
import dev.candor.storage.ask.SkipReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the sweeps need to know about the people of a batch of asks. */
final class People {
    private People() {}

    /** The working time of everyone in the batch: one load per organisation in it. */
    static Map<Long, WorkingTime> workingTimes(WorkingTimes workingTimes, List<AskDelivery> asks) {
        Map<Long, List<Long>> byOrg = new LinkedHashMap<>();
        for (AskDelivery ask : asks) {
            byOrg.computeIfAbsent(ask.orgId(), org -> new ArrayList<>()).add(ask.personId());
        }
        Map<Long, WorkingTime> times = new HashMap<>();
        byOrg.forEach((orgId, people) -> times.putAll(workingTimes.of(orgId, people)));
        return times;
    }

    /** Why the person can't be asked at all, or null when they can. */
    static SkipReason unavailable(AskDelivery ask, WorkingTime person) {
        if (!ask.active()) {
            return SkipReason.LEFT;
        }
        if (!ask.reachable() || person == null) {
            return SkipReason.UNREACHABLE;
        }
        return null;
    }

    static long[] ids(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
