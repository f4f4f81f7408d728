package dev.candor.scheduler.outbox;

import java.time.Duration;

/** At most one send per {@code interval} on {@code key}, counted across all nodes in {@code delivery_pacing}. */
public record PaceLimit(String key, Duration interval) {}
