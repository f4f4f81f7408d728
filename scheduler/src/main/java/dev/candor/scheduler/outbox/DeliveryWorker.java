package dev.candor.scheduler.outbox;

import dev.candor.storage.Database;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxSendingDao;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Runs on every node: claims due messages with {@code FOR UPDATE SKIP LOCKED} under a lease that
 * it renews while it lives ({@link LeaseKeeper}), paces them per platform limits in {@code delivery_pacing} and sends
 * them through a {@link ChatGateway} on a small thread pool. Wakes on the insert trigger's NOTIFY, and polls every
 * {@link DeliveryConfig#pollInterval()} for retries that come due and in case a notification was lost; each poll also
 * takes back the claims of nodes that died. A message whose node died while sending it is in doubt: the gateway makes
 * sure the platform doesn't have it before sending it again.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final long MIN_WAIT_MILLIS = 10;

    private final String workerId;
    private final DeliveryConfig config;
    private final Jdbi jdbi;
    private final OutboxDao outbox;
    private final OutboxListener listener;
    private final MessageSender sender;
    private final DeliveryMetrics metrics;
    private final Semaphore capacity;
    private final ThreadPoolExecutor senders;
    private final LeaseKeeper leases;
    private final Thread loop;
    private volatile boolean running;
    private boolean closed;
    private long lastHousekeeping;

    public DeliveryWorker(Database database, ChatGateway gateway, DeliveryConfig config, MeterRegistry registry) {
        this.workerId = newWorkerId();
        this.config = config;
        this.jdbi = database.jdbi();
        this.outbox = jdbi.onDemand(OutboxDao.class);
        this.listener = new OutboxListener(database);
        this.metrics = new DeliveryMetrics(registry);
        this.sender = new MessageSender(
                workerId, gateway, jdbi.onDemand(OutboxSendingDao.class), new Pacer(jdbi), config, metrics);
        this.capacity = new Semaphore(config.batchSize());
        this.senders = new ThreadPoolExecutor(
                config.threads(),
                config.threads(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("candor-outbox-send-"));
        this.leases = new LeaseKeeper(workerId, outbox, config);
        this.loop = daemonThreads("candor-outbox-loop-").newThread(this::run);
    }

    /** Identifies this worker's claims in {@code outbox.claimed_by}. */
    public String workerId() {
        return workerId;
    }

    /** Starts listening before it returns, so a message enqueued afterwards is noticed at once. Once only. */
    public synchronized void start() {
        if (running || closed) {
            throw new IllegalStateException("a delivery worker starts once");
        }
        try {
            listener.connect();
        } catch (SQLException e) {
            // The loop reconnects; until then it polls.
            log.warn("outbox worker {} could not LISTEN yet ({}); polling", workerId, e.getSQLState());
        }
        running = true;
        leases.start();
        loop.start();
        log.info("outbox worker {} started with {} sender threads", workerId, config.threads());
    }

    /**
     * Stops claiming; claimed messages whose send has not started go back to the queue at once, sends under way get
     * {@link DeliveryConfig#stopGrace()} to finish, and whatever still runs then is released in doubt.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        try {
            wakeLoop();
            loop.join(config.pollInterval().toMillis() + 5_000);
            stopSending();
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            releaseClaimsLeft();
            leases.close();
            listener.close();
            metrics.close();
        }
        log.info("outbox worker {} stopped", workerId);
    }

    private void stopSending() throws InterruptedException {
        senders.shutdown();
        // Dropped tasks are claims whose send never started; the statement below returns them. A task that a thread
        // took just now finds its claim gone when it marks its send started, and does not send.
        senders.getQueue().clear();
        returnUnstarted();
        if (!senders.awaitTermination(config.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
    }

    private void returnUnstarted() {
        try {
            int returned = outbox.returnUnstarted(workerId);
            metrics.released("stopped", 0, returned);
            if (returned > 0) {
                log.info("outbox worker {} returned {} message(s) it had not started to send", workerId, returned);
            }
        } catch (RuntimeException e) {
            log.warn("outbox worker {} could not return its unstarted claims now: {}", workerId, rootCause(e));
        }
    }

    /** Sends that outlasted the grace (or an interrupted stop) may still reach the platform: in doubt. */
    private void releaseClaimsLeft() {
        try {
            List<Boolean> left = outbox.releaseClaims(workerId);
            int inDoubt = (int) left.stream().filter(Boolean::booleanValue).count();
            metrics.released("stopped", inDoubt, left.size() - inDoubt);
            if (!left.isEmpty()) {
                log.warn(
                        "outbox worker {} stopped with {} message(s) still claimed, {} of them in doubt",
                        workerId,
                        left.size(),
                        inDoubt);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "outbox worker {} could not release its claims; they expire with their lease: {}",
                    workerId,
                    rootCause(e));
        }
    }

    /**
     * The loop may be blocked reading the LISTEN connection for a whole poll interval, and a blocked socket read
     * ignores interrupts. A NOTIFY ends the wait; other nodes' workers merely take one extra look at the queue.
     */
    private void wakeLoop() {
        try {
            jdbi.useHandle(handle -> handle.execute("SELECT pg_notify(?, '')", OutboxListener.CHANNEL));
        } catch (RuntimeException e) {
            log.debug("could not wake the outbox loop; it stops at the end of its poll", e);
        }
    }

    private void run() {
        while (running) {
            try {
                housekeepIfDue();
                int wanted = Math.min(capacity.availablePermits(), config.batchSize());
                if (wanted == 0) {
                    waitForCapacity();
                } else if (claimAndDispatch(wanted) < wanted) {
                    waitForWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox worker {} loop failed: {}", workerId, rootCause(e));
                pause();
            }
        }
    }

    private int claimAndDispatch(int wanted) {
        List<OutboxMessage> claimed = outbox.claimDue(workerId, wanted, config.lease());
        MessageSender.Backlog backlog = new MessageSender.Backlog();
        for (OutboxMessage message : claimed) {
            capacity.acquireUninterruptibly(); // never blocks: only this thread acquires, and wanted <= permits
            senders.execute(new SendTask(message, backlog));
        }
        return claimed.size();
    }

    /** Sleeps until the next retry is due, a NOTIFY arrives or the poll interval ends, whichever comes first. */
    private void waitForWork() throws InterruptedException {
        long wait = config.pollInterval().toMillis();
        Long untilDue = outbox.millisUntilNextDue().orElse(wait);
        listener.await(Math.max(MIN_WAIT_MILLIS, Math.min(wait, untilDue)));
    }

    private void waitForCapacity() throws InterruptedException {
        if (capacity.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            capacity.release();
        }
    }

    /** Runs from the loop, so every node also returns the claims of crashed nodes and refreshes the gauge. */
    private void housekeepIfDue() {
        long now = System.nanoTime();
        if (lastHousekeeping != 0
                && now - lastHousekeeping < config.pollInterval().toNanos()) {
            return;
        }
        lastHousekeeping = now;
        List<Boolean> released = outbox.releaseExpiredClaims();
        if (!released.isEmpty()) {
            int inDoubt = (int) released.stream().filter(Boolean::booleanValue).count();
            metrics.released("lease_expired", inDoubt, released.size() - inDoubt);
            log.warn(
                    "outbox worker {} took back {} message(s) whose lease expired, {} of them in doubt",
                    workerId,
                    released.size(),
                    inDoubt);
        }
        metrics.depth(outbox.countPending());
    }

    private void pause() {
        try {
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private final class SendTask implements Runnable {
        private final OutboxMessage message;
        private final MessageSender.Backlog backlog;

        SendTask(OutboxMessage message, MessageSender.Backlog backlog) {
            this.message = message;
            this.backlog = backlog;
        }

        @Override
        public void run() {
            try {
                sender.send(message, backlog);
            } catch (RuntimeException e) {
                // The claim is left to expire: in doubt if the send had started, else returned as it was.
                log.warn("outbox {} could not be recorded: {}", message.id(), rootCause(e));
            } finally {
                capacity.release();
            }
        }
    }

    /** The root cause's type and SQLState: never its message, which may quote a statement's values. */
    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String state = cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? " (SQLState " + sql.getSQLState() + ")"
                : "";
        return cause.getClass().getSimpleName() + state;
    }

    private static String newWorkerId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "candor");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return host + "-" + ProcessHandle.current().pid() + "-" + suffix;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
