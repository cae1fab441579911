package dev.imagegen.testkit.bailian;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link BailianSimulator} starts: the API style it speaks, the key it accepts, how long tasks stay in each
 * state, how many requests it serves at once and how many received requests it keeps. Defaults suit unit tests
 * (tasks PENDING for 100 ms, RUNNING for 200 ms). A mutable builder; not thread-safe.
 */
public final class SimOptions {

    BailianSimulator.Style style = BailianSimulator.Style.GATEWAY;
    String apiKey = "sk-sim-" + UUID.randomUUID().toString().replace("-", "");
    Duration pendingFor = Duration.ofMillis(100);
    Duration runningFor = Duration.ofMillis(200);
    int threads = 8;
    int recordLimit = 1000;

    public static SimOptions defaults() {
        return new SimOptions();
    }

    public SimOptions style(BailianSimulator.Style value) {
        style = Objects.requireNonNull(value);
        return this;
    }

    public SimOptions apiKey(String value) {
        apiKey = Objects.requireNonNull(value);
        return this;
    }

    /** How long a new task reports {@code PENDING}. */
    public SimOptions pendingFor(Duration value) {
        pendingFor = Objects.requireNonNull(value);
        return this;
    }

    /** How long a task reports {@code RUNNING} after it stopped pending. */
    public SimOptions runningFor(Duration value) {
        runningFor = Objects.requireNonNull(value);
        return this;
    }

    /** How many requests the server answers at once. */
    public SimOptions threads(int value) {
        threads = value;
        return this;
    }

    /** How many received requests {@link BailianSimulator#requests()} keeps (the oldest are dropped). */
    public SimOptions recordLimit(int value) {
        recordLimit = value;
        return this;
    }
}
