package dev.imagegen.worker.kafka;

import dev.imagegen.core.GenerationHost;
import dev.imagegen.core.Tracing;
import dev.imagegen.worker.WorkerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's one loop thread: it owns the consumer and the transactional producer. Each turn it polls commands,
 * takes the engine's saves from the task store's queue, and writes events, task state and consumed offsets in one
 * transaction; only then are the saves answered, so the engine calls a vendor only after the intent to do so is
 * durable. A failed transaction resets the worker from Kafka in place: it stays in the group, rewinds its partitions
 * to their committed offsets and restores their tasks (a second failure within ten minutes leaves the group and
 * joins again). Polls and vendor calls run on the engine's scheduler, never here.
 */
public final class WorkerLoop implements Runnable {

    /** The MDC key of the commandId on the worker's per-task log lines. */
    public static final String MDC_COMMAND_ID = "commandId";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
    /** More resets than this within {@link #RESET_WINDOW} end the worker (a restart and an alert beat a stall). */
    private static final int MAX_RESETS = 5;
    private static final Duration RESET_WINDOW = Duration.ofMinutes(10);
    /** How long an in-place reset waits for the broker: below the consumer's max.poll.interval.ms (5 min). */
    private static final Duration IN_PLACE_PATIENCE = Duration.ofMinutes(4);

    private final LoopSettings settings;
    private final Consumer<byte[], byte[]> consumer;
    private final GenerationHost engine;
    private final KafkaTaskStore store;
    private final WorkerMetrics metrics;
    private final Ownership ownership = new Ownership();
    private final Outbox outbox;
    private final Intake intake;
    private final Handover handover;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Transactions transactions;
    private volatile boolean stopping;
    private volatile boolean ready;
    private volatile boolean failed;
    private volatile boolean halting;
    private volatile Set<Integer> ownedPartitions = Set.of();
    private volatile long rememberedIds;
    private volatile long rememberedBytes;
    private boolean quiet;
    private boolean needsReset;
    private final Clock clock;
    private Instant lastRetentionPass;
    private final InPlaceReset inPlace;
    /** When the loop failed lately ({@link System#nanoTime()}), and when it last reset in place (or null). */
    private final Deque<Long> resets = new ArrayDeque<>();
    private Long lastInPlace;

    public WorkerLoop(LoopSettings settings, Consumer<byte[], byte[]> consumer,
                      Supplier<Producer<byte[], byte[]>> producers, PartitionRestorer restorer, GenerationHost engine,
                      KafkaTaskStore store, Codecs codecs, WorkerMetrics metrics, Clock clock) {
        this(settings, consumer, producers, restorer, engine, store, codecs, metrics, clock, Tracing.NONE);
    }

    /** A loop whose intake of each command is a span of {@code tracing} (a child of the command's trace). */
    public WorkerLoop(LoopSettings settings, Consumer<byte[], byte[]> consumer,
                      Supplier<Producer<byte[], byte[]>> producers, PartitionRestorer restorer, GenerationHost engine,
                      KafkaTaskStore store, Codecs codecs, WorkerMetrics metrics, Clock clock, Tracing tracing) {
        this.settings = settings;
        this.consumer = consumer;
        this.engine = engine;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        this.lastRetentionPass = clock.instant();
        this.outbox = new Outbox(settings.limits());
        this.intake = new Intake(settings.topics(), settings.limits(), codecs, engine, store, ownership, metrics,
                clock, tracing);
        this.transactions = new Transactions(producers, consumer, ownership, settings.topics().commands(), metrics);
        this.handover = new Handover(restorer, codecs.tasks(), engine, store, ownership, intake, clock,
                settings.dedupRetention());
        this.inPlace = new InPlaceReset(consumer, transactions, handover, store, settings.topics().commands(),
                IN_PLACE_PATIENCE, () -> stopping);
        store.onSave(this::wakeup);
    }

    @Override
    public void run() {
        try {
            transactions.open();
            consumer.subscribe(List.of(settings.topics().commands()), new Listener());
            while (!stopping) {
                try {
                    turn();
                } catch (RuntimeException e) {
                    if (!stopping) {
                        recover(e);
                    }
                }
            }
            if (halting) {
                halt();
            } else {
                shutdown();
            }
        } catch (RuntimeException | Error e) {
            failed = true;
            LOG.error("the worker loop stopped on an error", e);
            closeQuietly();
        } finally {
            finished.countDown();
        }
    }

    /** Asks the loop to drain and stop; returns at once. */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /**
     * Stops at once, as a killed process would: nothing more is written, nothing drained, the consumer group is not
     * left (the partitions move only after the session timeout). For tests of crash recovery.
     */
    public void crash() {
        halting = true;
        stopping = true;
        consumer.wakeup();
    }

    /** Waits for the loop to end; true when it ended without an error. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS) && !failed;
    }

    /** Partitions are assigned and their tasks restored. */
    public boolean ready() {
        return ready && !stopping && !failed;
    }

    /** How many command partitions this worker owns now (any thread). */
    public int partitionsOwned() {
        return ownedPartitions.size();
    }

    /** The command partitions this worker owns now (any thread). */
    public Set<Integer> ownedPartitions() {
        return ownedPartitions;
    }

    /** The commandIds this worker remembers for idempotency now, in the partitions it owns (any thread). */
    public long rememberedIds() {
        return rememberedIds;
    }

    /** The bytes of memory that holds them (any thread). */
    public long rememberedBytes() {
        return rememberedBytes;
    }

    private void ownershipChanged() {
        ownedPartitions = ownership.owned();
        remembered();
    }

    private void remembered() {
        rememberedIds = ownership.rememberedIds();
        rememberedBytes = ownership.rememberedBytes();
    }

    private void turn() {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(settings.pollTimeout());
        } catch (WakeupException e) {
            records = ConsumerRecords.empty();
        }
        if (needsReset) {
            throw new IllegalStateException("a transaction in a partition handover failed");
        }
        intake.records(records, outbox);
        intake.saves(store.drain(), Set.of(), outbox);
        intake.giveUpOnStuck(settings.stuckAfter().toNanos(), outbox);
        Instant now = clock.instant();
        if (!now.isBefore(lastRetentionPass.plus(settings.retentionPass()))) {
            lastRetentionPass = now;
            intake.retain(settings.dedupRetention(), outbox);
        }
        transactions.commit(outbox);
        remembered();
    }

    /**
     * Writes the saves of these partitions until none of their tasks has a vendor submit in flight, or the timeout;
     * new submit intents there are held back meanwhile.
     */
    private void settle(Collection<Integer> partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                intake.saves(store.drain(), partitions, outbox);
                transactions.commit(outbox);
                if (!ownership.anyInDoubt(partitions) || System.nanoTime() >= deadline) {
                    break;
                }
                List<KafkaTaskStore.Save> next = store.awaitAndDrain(Duration.ofMillis(50));
                intake.saves(next, partitions, outbox);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownership.anyInDoubt(partitions)) {
            LOG.warn("{} vendor submits were still unanswered when partitions {} were given up",
                    ownership.inDoubtCount(), partitions);
        }
    }

    /**
     * After a failed turn: the first failure within {@link #RESET_WINDOW} resets in place (the group keeps the
     * partitions here); a further one leaves the group and joins again. A reset that fails counts as a failure too;
     * more than {@link #MAX_RESETS} within the window end the loop.
     */
    private void recover(RuntimeException cause) {
        RuntimeException failure = cause;
        while (!stopping) {
            long now = System.nanoTime();
            resets.addLast(now);
            while (now - resets.peekFirst() > RESET_WINDOW.toNanos()) {
                resets.removeFirst();
            }
            if (resets.size() > MAX_RESETS) {
                throw failure;
            }
            boolean inPlace = lastInPlace == null || now - lastInPlace > RESET_WINDOW.toNanos();
            LOG.error(inPlace ? "the loop failed; resetting in place from Kafka"
                    : "the loop failed again; leaving the group and joining again", failure);
            try {
                if (inPlace) {
                    lastInPlace = now;
                    resetInPlace(failure);
                } else {
                    rejoin(failure);
                }
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    /** Keeps the group membership: aborts, rewinds the owned partitions and restores their tasks. */
    private void resetInPlace(RuntimeException cause) {
        boolean wasReady = ready;
        ready = false;
        outbox.failed(cause);
        needsReset = false;
        Set<Integer> partitions = ownership.owned();
        try {
            inPlace.reset(partitions);
        } finally {
            ownershipChanged();
        }
        ready = wasReady;
    }

    private void rejoin(RuntimeException cause) {
        quiet = true;
        try {
            ready = false;
            outbox.failed(cause);
            handover.giveUp(ownership.owned());
            ownershipChanged();
            transactions.recover();
            consumer.unsubscribe();
            needsReset = false;
            consumer.subscribe(List.of(settings.topics().commands()), new Listener());
        } finally {
            quiet = false;
        }
    }

    private void shutdown() {
        LOG.info("draining: no more commands; waiting up to {} for vendor submits in flight", settings.drainTimeout());
        ready = false;
        try {
            settle(ownership.owned(), settings.drainTimeout());
        } catch (RuntimeException e) {
            LOG.warn("the last transaction failed; the next owner resumes from the last committed state", e);
        }
        // held submit intents stay unanswered: their vendor calls never start, and the tasks' last written state
        // lets the next owner submit them
        closeQuietly();
        LOG.info("stopped");
    }

    private void halt() {
        quiet = true;
        runQuietly(() -> consumer.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP).withTimeout(Duration.ZERO)));
        runQuietly(() -> transactions.close(Duration.ZERO));
        runQuietly(handover::close);
        LOG.warn("halted without draining (a simulated crash)");
    }

    private void closeQuietly() {
        quiet = true;
        runQuietly(consumer::close);
        runQuietly(() -> transactions.close(Duration.ofSeconds(5)));
        runQuietly(handover::close);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("while closing: {}", e.toString());
        }
    }

    private void wakeup() {
        consumer.wakeup();
    }

    /** Rebalance callbacks; they run inside {@code consumer.poll} on the loop thread. */
    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (quiet) {
                return;
            }
            handover.takeOver(partitions);
            ownershipChanged();
            ready = true;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (quiet || partitions.isEmpty()) {
                return;
            }
            Set<Integer> numbers = Handover.partitionNumbers(partitions);
            try {
                settle(numbers, settings.handoverTimeout());
            } catch (RuntimeException e) {
                LOG.error("the last transaction before a handover failed", e);
                needsReset = true;
            }
            handover.giveUp(numbers);
            ownershipChanged();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (quiet) {
                return;
            }
            outbox.failed(new Intake.PartitionReleased());
            handover.giveUp(Handover.partitionNumbers(partitions));
            ownershipChanged();
        }
    }
}
