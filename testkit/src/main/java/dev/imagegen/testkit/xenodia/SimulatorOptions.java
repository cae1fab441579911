package dev.imagegen.testkit.xenodia;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link XenodiaSimulator} behaves from its start. Immutable; {@link #defaults()} suits unit tests (a task
 * takes about 120 ms).
 *
 * @param apiKey                    the only Bearer key it accepts
 * @param waiting                   how long a task stays {@code waiting}
 * @param queuing                   then how long {@code queuing}
 * @param generating                then how long {@code generating} before {@code success} (or {@code fail})
 * @param responseMode              how a valid submit is answered
 * @param recommendedPollIntervalMs sent as {@code recommended_poll_interval_ms} (0, as in the docs' example, = no hint)
 * @param etaHints                  whether task answers carry {@code eta_hint_seconds} (the seconds left, rounded up)
 * @param threads                   how many requests it serves at once
 * @param recordLimit               how many received submits it keeps (the oldest are dropped)
 */
public record SimulatorOptions(String apiKey, Duration waiting, Duration queuing, Duration generating,
                               ResponseMode responseMode, long recommendedPollIntervalMs, boolean etaHints,
                               int threads, int recordLimit) {

    public SimulatorOptions {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(responseMode, "responseMode");
        if (waiting.isNegative() || queuing.isNegative() || generating.isNegative()) {
            throw new IllegalArgumentException("state durations must not be negative");
        }
        if (threads < 1 || recordLimit < 0 || recommendedPollIntervalMs < 0) {
            throw new IllegalArgumentException("threads >= 1, recordLimit >= 0, poll interval >= 0");
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions("xd-sim-key-0123456789abcdef", Duration.ofMillis(30), Duration.ofMillis(30),
                Duration.ofMillis(60), ResponseMode.TASK, 0, false, 8, 1000);
    }

    public SimulatorOptions withApiKey(String value) {
        return new SimulatorOptions(value, waiting, queuing, generating, responseMode, recommendedPollIntervalMs,
                etaHints, threads, recordLimit);
    }

    public SimulatorOptions withDurations(Duration waitingFor, Duration queuingFor, Duration generatingFor) {
        return new SimulatorOptions(apiKey, waitingFor, queuingFor, generatingFor, responseMode,
                recommendedPollIntervalMs, etaHints, threads, recordLimit);
    }

    public SimulatorOptions withResponseMode(ResponseMode value) {
        return new SimulatorOptions(apiKey, waiting, queuing, generating, value, recommendedPollIntervalMs, etaHints,
                threads, recordLimit);
    }

    public SimulatorOptions withHints(long pollIntervalMs, boolean eta) {
        return new SimulatorOptions(apiKey, waiting, queuing, generating, responseMode, pollIntervalMs, eta, threads,
                recordLimit);
    }

    public SimulatorOptions withThreads(int value) {
        return new SimulatorOptions(apiKey, waiting, queuing, generating, responseMode, recommendedPollIntervalMs,
                etaHints, value, recordLimit);
    }

    public SimulatorOptions withRecordLimit(int value) {
        return new SimulatorOptions(apiKey, waiting, queuing, generating, responseMode, recommendedPollIntervalMs,
                etaHints, threads, value);
    }

    Duration total() {
        return waiting.plus(queuing).plus(generating);
    }
}
