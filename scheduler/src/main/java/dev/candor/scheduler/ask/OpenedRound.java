package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AskState;
import dev.candor.storage.ask.NewAsk;
import dev.candor.storage.ask.Round;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round just opened, with each person's planned ask and working time, so that the feature can say who gets it
 * when ("sent to 4; Li gets it at 08:00 her time") and who is skipped.
 *
 * @param asks one per person the working-time loader knew, in the request's order
 * @param people each asked person's working time (their zone for showing times)
 */
public record OpenedRound(Round round, List<NewAsk> asks, Map<Long, WorkingTime> people) {

    public OpenedRound {
        asks = List.copyOf(asks);
        people = Map.copyOf(people);
    }

    /** The asks that will be sent (pending), whenever that is. */
    public List<NewAsk> pending() {
        return asks.stream().filter(ask -> ask.state() == AskState.PENDING).toList();
    }

    /** The people not asked at all (away, left, unreachable…), with the reason in each ask. */
    public List<NewAsk> skipped() {
        return asks.stream().filter(ask -> ask.state() == AskState.SKIPPED).toList();
    }

    /** Pending asks that open after {@code now} (outside the person's working time now). */
    public List<NewAsk> later(Instant now) {
        return pending().stream().filter(ask -> ask.opensAt().isAfter(now)).toList();
    }
}
