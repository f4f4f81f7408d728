package dev.candor.scheduler.outbox;

import dev.candor.storage.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Stands in for Slack and Teams: records every call and answers with scripted results, else {@code Sent}. */
final class RecordingGateway implements ChatGateway {

    /** @param message the message as the gateway got it: a reply or update addressed after its earlier message */
    record Call(String key, String target, Instant at, boolean inDoubt, OutboxMessage message) {}

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Supplier<DeliveryResult>>> scripts = new ConcurrentHashMap<>();

    /** The next calls for {@code key} answer these, in order; later ones are sent. */
    RecordingGateway answer(String key, DeliveryResult... results) {
        for (DeliveryResult result : results) {
            script(key, () -> result);
        }
        return this;
    }

    /** The next call for {@code key} throws, as a gateway with a bug would. */
    RecordingGateway throwOnce(String key) {
        script(key, () -> {
            throw new IllegalStateException("gateway bug");
        });
        return this;
    }

    /** The next call for {@code key} is a send that lasts until the gate opens, then is sent. */
    Gate block(String key) {
        Gate gate = new Gate();
        script(key, gate::pass);
        return gate;
    }

    private void script(String key, Supplier<DeliveryResult> answer) {
        Deque<Supplier<DeliveryResult>> script = scripts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (script) {
            script.add(answer);
        }
    }

    @Override
    public DeliveryResult deliver(OutboxMessage message) {
        synchronized (calls) {
            calls.add(new Call(message.idempotencyKey(), message.target(), Instant.now(), message.inDoubt(), message));
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

    /**
     * A send in progress that the test lets finish. Like a blocking socket read, it ignores interrupts: a stopping
     * worker can't cut it short.
     */
    static final class Gate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);

        private DeliveryResult pass() {
            entered.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (!open.await(60, TimeUnit.SECONDS)) {
                        throw new AssertionError("the test never opened the gate");
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return new DeliveryResult.Sent("ts-gated");
        }

        boolean entered() {
            return entered.getCount() == 0;
        }

        void open() {
            open.countDown();
        }
    }
}
