package dev.candor.scheduler.checkin;

import dev.candor.scheduler.ask.WorkingTime;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.Round;
import java.util.List;
import java.util.Map;

/**
 * A check-in round just opened: the engine's round, each person's planned ask and their working time (so that the
 * owner can be told "Li gets it at 08:00 her time").
 */
public record OpenedRound(Round round, List<NewAsk> asks, Map<Long, WorkingTime> people) {

    public OpenedRound {
        asks = List.copyOf(asks);
        people = Map.copyOf(people);
    }
}
