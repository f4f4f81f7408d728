package dev.candor.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends signed slash commands from a pool of blocking sender threads, in two ways:
 * <ul>
 *   <li>open loop ({@link #fixedRate}): request {@code i} is due at {@code start + i / rate}, and its latency is
 *       counted from when it was due, not from when a sender got to it, so a server that falls behind shows its
 *       queueing instead of slowing the load down (no coordinated omission);
 *   <li>closed loop ({@link #maxRate}): a fixed number of requests in flight, each sender sending again as soon as
 *       it has an answer; throughput is what the server manages.
 * </ul>
 */
final class LoadGenerator {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SlashCommands commands;
    private final Optional<ProcessHandle> database;

    /** @param database the PostgreSQL server process, whose CPU time each run reports */
    LoadGenerator(SlashCommands commands, Optional<ProcessHandle> database) {
        this.commands = commands;
        this.database = database;
    }

    Result.Run fixedRate(Target target, int rate, Duration duration, int senders) {
        long total = rate * duration.toSeconds();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 20_000_000L;
        return run(senders, start, sender -> {
            for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                long due = start + i * 1_000_000_000L / rate;
                sleepUntil(due);
                sender.send(target, due);
            }
        });
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}, and at least until {@code minRequests}. */
    Result.Run maxRate(Target target, int concurrency, Duration duration, long minRequests) {
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        return run(concurrency, start, sender -> {
            while (sent.getAndIncrement() < minRequests || System.nanoTime() < end) {
                sender.send(target, System.nanoTime());
            }
        });
    }

    private Result.Run run(int threads, long start, SenderLoop loop) {
        Machine.Sample before = Machine.sample(database);
        List<Sender> senders = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Sender sender = new Sender();
            senders.add(sender);
            Thread thread = new Thread(() -> loop.run(sender), "bench-sender-" + i);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            join(thread);
        }
        Histogram latencies = Result.newHistogram();
        long ok = 0;
        long errors = 0;
        long lastAnswer = start;
        String firstError = null;
        for (Sender sender : senders) {
            latencies.add(sender.latencies);
            ok += sender.ok;
            errors += sender.errors;
            lastAnswer = Math.max(lastAnswer, sender.lastAnswer);
            firstError = firstError != null ? firstError : sender.firstError;
        }
        return new Result.Run(latencies, ok, errors, lastAnswer - start, firstError, Machine.since(before, database));
    }

    private interface SenderLoop {
        void run(Sender sender);
    }

    /** One thread's requests; merged after the run, so senders never contend on shared counters. */
    private final class Sender {
        final Histogram latencies = Result.newHistogram();
        long ok;
        long errors;
        long lastAnswer;
        String firstError;

        void send(Target target, long since) {
            String problem;
            try {
                HttpResponse<String> response =
                        http.send(commands.next(target.endpoint()), HttpResponse.BodyHandlers.ofString());
                problem = target.answeredCorrectly().test(response)
                        ? null
                        : "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            } catch (IOException e) {
                problem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = e.toString();
            }
            lastAnswer = System.nanoTime();
            latencies.recordValue(Math.max(0, (lastAnswer - since) / 1000));
            if (problem == null) {
                ok++;
            } else {
                errors++;
                firstError = firstError != null ? firstError : problem;
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static void sleepUntil(long due) {
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
