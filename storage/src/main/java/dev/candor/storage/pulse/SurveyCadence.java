package dev.candor.storage.pulse;

import dev.candor.storage.DbEnum;
import dev.candor.storage.ask.Cadence;
import java.util.Optional;

/** Once, or one of the engine's cadences. */
public enum SurveyCadence implements DbEnum {
    ONCE(null),
    WEEKLY(Cadence.WEEKLY),
    BIWEEKLY(Cadence.BIWEEKLY),
    MONTHLY(Cadence.MONTHLY),
    QUARTERLY(Cadence.QUARTERLY);

    private final Cadence recurring;

    SurveyCadence(Cadence recurring) {
        this.recurring = recurring;
    }

    /** The engine's cadence of a recurring survey; empty for a one-off. */
    public Optional<Cadence> recurring() {
        return Optional.ofNullable(recurring);
    }
}
