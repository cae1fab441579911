package dev.imagegen.worker.kafka;

import dev.imagegen.worker.config.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * How the loop runs.
 *
 * @param topics         the topics
 * @param pollTimeout    the longest a consumer poll waits when nothing happens
 * @param drainTimeout   how long a drain (shutdown) waits for vendor submits in flight
 * @param handoverTimeout how long a partition handover waits for them
 * @param stuckAfter     how long a command may wait for the engine's first save before it is given up on
 * @param limits         the largest records the DLQ and events topics take
 * @param dedupRetention how long finished commandIds are remembered ({@code IMAGEGEN_DEDUP_RETENTION})
 */
public record LoopSettings(Topics topics, Duration pollTimeout, Duration drainTimeout, Duration handoverTimeout,
                           Duration stuckAfter, RecordLimits limits, Duration dedupRetention) {
    public LoopSettings {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(handoverTimeout, "handoverTimeout");
        Objects.requireNonNull(stuckAfter, "stuckAfter");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(dedupRetention, "dedupRetention");
    }

    public static LoopSettings defaults(Topics topics, RecordLimits limits, Duration drainTimeout,
                                        Duration dedupRetention) {
        return new LoopSettings(topics, Duration.ofMillis(500), drainTimeout, Duration.ofSeconds(5),
                Duration.ofSeconds(60), limits, dedupRetention);
    }

    /** How often the loop forgets what the dedup retention no longer covers: a tenth of it, at most a minute. */
    Duration retentionPass() {
        Duration tenth = dedupRetention.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }
}
