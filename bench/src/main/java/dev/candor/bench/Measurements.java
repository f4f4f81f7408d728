package dev.candor.bench;

import java.time.Duration;
import java.util.List;

/**
 * The plan of a run: warm both servers up, then fixed-rate runs and max-rate runs, alternating which server goes
 * first in each round (A B, B A, …) so that drift — background work piling up, other load on the machine — weighs
 * on both alike. Results of the same kind are added up per server.
 */
final class Measurements {
    private final Settings settings;
    private final LoadGenerator load;
    private final Target candor;
    private final Target bolt;

    final Result candorFixed = new Result();
    final Result boltFixed = new Result();
    final Result candorMax = new Result();
    final Result boltMax = new Result();
    /** Every correct answer Candor gave, warm-up included: each one is a stored kudos. */
    long candorAnswers;
    /** Candor's warm-up, where every user gives kudos for the first time: first contact provisions people. */
    final Result candorFirstContact = new Result();

    Measurements(Settings settings, LoadGenerator load, Target candor, Target bolt) {
        this.settings = settings;
        this.load = load;
        this.candor = candor;
        this.bolt = bolt;
    }

    void runAll() throws InterruptedException {
        warmUp();
        for (int round = 0; round < settings.rounds(); round++) {
            for (Target target : order(round)) {
                fixedRate(target);
            }
        }
        for (int round = 0; round < settings.rounds(); round++) {
            for (Target target : order(round + settings.rounds())) {
                maxRate(target);
            }
        }
    }

    /**
     * JIT, connection pools, Bolt's cached auth.test — and Candor's people: every user gives at least once, so the
     * measured runs see known people (first contact costs a synchronous users.info and is not what we measure).
     */
    private void warmUp() throws InterruptedException {
        for (Target target : List.of(candor, bolt)) {
            long minRequests = target == candor ? settings.users() : 0;
            Bench.progress("warm-up " + target.name() + " (" + settings.warmup().toSeconds() + " s"
                    + (minRequests > 0 ? ", at least " + minRequests + " kudos" : "") + ")");
            Result.Run run = load.maxRate(target, settings.concurrency(), settings.warmup(), minRequests);
            count(target, run);
            if (target == candor) {
                candorFirstContact.add(run);
            }
            Bench.progress("  %d answers, %d errors in %.1f s%s"
                    .formatted(
                            run.ok(),
                            run.errors(),
                            run.elapsedNanos() / 1e9,
                            run.firstError() == null ? "" : "; first error: " + run.firstError()));
            pause();
        }
    }

    private void fixedRate(Target target) throws InterruptedException {
        Bench.progress(
                "%s at %d requests/s for %d s".formatted(target.name(), settings.rate(), secs(settings.fixed())));
        Result.Run run = load.fixedRate(target, settings.rate(), settings.fixed(), settings.senders());
        (target == candor ? candorFixed : boltFixed).add(run);
        count(target, run);
        pause();
    }

    private void maxRate(Target target) throws InterruptedException {
        Bench.progress("%s at max rate, %d in flight, for %d s"
                .formatted(target.name(), settings.concurrency(), secs(settings.max())));
        Result.Run run = load.maxRate(target, settings.concurrency(), settings.max(), 0);
        (target == candor ? candorMax : boltMax).add(run);
        count(target, run);
        pause();
    }

    private List<Target> order(int round) {
        return round % 2 == 0 ? List.of(candor, bolt) : List.of(bolt, candor);
    }

    private void count(Target target, Result.Run run) {
        if (target == candor) {
            candorAnswers += run.ok();
        }
    }

    private static long secs(Duration duration) {
        return duration.toSeconds();
    }

    /** Lets the last answers and their connections settle before the next run starts its clock. */
    private static void pause() throws InterruptedException {
        Thread.sleep(500);
    }
}
