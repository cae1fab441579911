package dev.imagegen.worker.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resets the loop after a failed transaction without leaving the consumer group: the transaction is aborted, the
 * owned partitions' tasks are released from the engine, the partitions are rewound to their committed offsets and
 * their tasks restored from the tasks topic, as on a takeover. While the broker is away, the Kafka steps are tried
 * again (each one waits as long as the client's own timeouts allow) until the broker answers, the loop stops, or the
 * patience is over. Confined to the loop thread.
 */
final class InPlaceReset {

    /** How often reading the committed offsets is tried when a save's wakeup interrupts it. */
    static final int COMMITTED_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(InPlaceReset.class);
    private static final Duration BACKOFF = Duration.ofMillis(500);

    private final Consumer<byte[], byte[]> consumer;
    private final Transactions transactions;
    private final Handover handover;
    private final KafkaTaskStore store;
    private final String commandsTopic;
    private final Duration patience;
    private final BooleanSupplier stopping;

    /**
     * @param patience how long the broker may stay away before the reset gives up (it must stay below the
     *                 consumer's {@code max.poll.interval.ms}, or the consumer leaves the group meanwhile)
     */
    InPlaceReset(Consumer<byte[], byte[]> consumer, Transactions transactions, Handover handover,
                 KafkaTaskStore store, String commandsTopic, Duration patience, BooleanSupplier stopping) {
        this.consumer = consumer;
        this.transactions = transactions;
        this.handover = handover;
        this.store = store;
        this.commandsTopic = commandsTopic;
        this.patience = patience;
        this.stopping = stopping;
    }

    /**
     * Releases the partitions' tasks, then restores them and the partitions' positions from what Kafka committed;
     * throws the last failure when the broker did not answer within the patience (the partitions are then not owned).
     */
    void reset(Set<Integer> partitions) {
        handover.giveUp(partitions);
        failStaleSaves();
        Set<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(commandsTopic, p))
                .collect(Collectors.toSet());
        long deadline = System.nanoTime() + patience.toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                transactions.recover();
                rewind(tps);
                failStaleSaves();
                handover.takeOver(tps);
                if (attempt > 1) {
                    LOG.info("reset in place after {} attempts: partitions {} restored", attempt, partitions);
                }
                return;
            } catch (KafkaException | IllegalStateException e) {
                handover.giveUp(partitions);
                if (stopping.getAsBoolean() || System.nanoTime() >= deadline) {
                    throw e;
                }
                LOG.warn("resetting in place, attempt {}: Kafka does not answer yet ({}); trying again", attempt,
                        e.toString());
                pause();
            }
        }
    }

    /** Seeks each partition to its committed offset, or to its beginning when none is committed. */
    private void rewind(Set<TopicPartition> tps) {
        if (tps.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed(tps);
        for (TopicPartition tp : tps) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(Set.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
    }

    /** The committed offsets; a save's wakeup of the consumer interrupts the call, so it is tried again. */
    private Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> tps) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new HashMap<>(consumer.committed(tps));
            } catch (WakeupException e) {
                if (attempt >= COMMITTED_ATTEMPTS) {
                    throw new KafkaException("reading the committed offsets was interrupted " + attempt + " times", e);
                }
            }
        }
    }

    /**
     * Fails the saves still queued from the tasks just released: written now, they would pass for saves of the tasks
     * about to be restored.
     */
    private void failStaleSaves() {
        for (KafkaTaskStore.Save save : store.drain()) {
            save.done().completeExceptionally(new Intake.PartitionReleased());
        }
    }

    private void pause() {
        try {
            Thread.sleep(BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while resetting", e);
        }
    }
}
