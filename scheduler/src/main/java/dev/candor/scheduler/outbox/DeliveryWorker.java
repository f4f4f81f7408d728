package dev.candor.scheduler.outbox;

import dev.candor.storage.Database;
import dev.candor.storage.outbox.OutboxDao;
import dev.candor.storage.outbox.OutboxMessage;
import dev.candor.storage.outbox.OutboxSendingDao;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox. Runs on every node: claims due messages with {@code FOR UPDATE SKIP LOCKED} under a lease,
 * paces them per platform limits in {@code delivery_pacing} and sends them through a {@link ChatGateway} on a small
 * thread pool. Wakes on the insert trigger's NOTIFY, and polls every {@link DeliveryConfig#pollInterval()} for
 * retries that come due and in case a notification was lost.
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
    private final ExecutorService senders;
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
        this.sender =
                new MessageSender(gateway, jdbi.onDemand(OutboxSendingDao.class), new Pacer(jdbi), config, metrics);
        this.capacity = new Semaphore(config.batchSize());
        this.senders = Executors.newFixedThreadPool(config.threads(), daemonThreads("candor-outbox-send-"));
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
        loop.start();
        log.info("outbox worker {} started with {} sender threads", workerId, config.threads());
    }

    /** Stops claiming, lets messages in flight finish and returns unsent claims to the queue. */
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
            senders.shutdown();
            if (!senders.awaitTermination(config.lease().toMillis(), TimeUnit.MILLISECONDS)) {
                returnUnsent(senders.shutdownNow());
            }
        } catch (InterruptedException e) {
            returnUnsent(senders.shutdownNow());
            Thread.currentThread().interrupt();
        } finally {
            listener.close();
            metrics.close();
        }
        log.info("outbox worker {} stopped", workerId);
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
        int leaseSeconds = (int) config.lease().toSeconds();
        List<OutboxMessage> claimed = outbox.claimDue(workerId, wanted, leaseSeconds);
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
        int released = outbox.releaseExpiredClaims();
        if (released > 0) {
            log.warn("outbox worker {} returned {} message(s) whose lease expired to the queue", workerId, released);
        }
        metrics.depth(outbox.countPending());
    }

    private void returnUnsent(List<Runnable> unsent) {
        for (Runnable task : unsent) {
            OutboxMessage message = ((SendTask) task).message;
            outbox.rescheduleIn(message.id(), 0, message.lastError(), false);
        }
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
                // The lease returns the message to the queue; the gateway was either not called or answered.
                log.warn("outbox {} could not be recorded: {}", message.id(), rootCause(e));
            } finally {
                capacity.release();
            }
        }
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
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
