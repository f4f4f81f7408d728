package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Stands in for Slack and Teams: records every call and answers with scripted results, else {@code Sent}. */
final class RecordingGateway implements ChatGateway {

    record Call(String key, String target, Instant at) {}

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Supplier<DeliveryResult>>> scripts = new ConcurrentHashMap<>();

    /** The next calls for {@code key} answer these, in order; later ones are sent. */
    RecordingGateway answer(String key, DeliveryResult... results) {
        Deque<Supplier<DeliveryResult>> script = scripts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (script) {
            for (DeliveryResult result : results) {
                script.add(() -> result);
            }
        }
        return this;
    }

    /** The next call for {@code key} throws, as a gateway with a bug would. */
    RecordingGateway throwOnce(String key) {
        Deque<Supplier<DeliveryResult>> script = scripts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (script) {
            script.add(() -> {
                throw new IllegalStateException("gateway bug");
            });
        }
        return this;
    }

    @Override
    public DeliveryResult deliver(OutboxMessage message) {
        synchronized (calls) {
            calls.add(new Call(message.idempotencyKey(), message.target(), Instant.now()));
        }
        Deque<Supplier<DeliveryResult>> script = scripts.get(message.idempotencyKey());
        Supplier<DeliveryResult> next = null;
        if (script != null) {
            synchronized (script) {
                next = script.poll();
            }
        }
        return next != null ? next.get() : new DeliveryResult.Sent("ts-" + message.id());
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> callsFor(String key) {
        return calls().stream().filter(call -> call.key().equals(key)).toList();
    }

    List<Call> callsTo(String target) {
        return calls().stream().filter(call -> call.target().equals(target)).toList();
    }
}
