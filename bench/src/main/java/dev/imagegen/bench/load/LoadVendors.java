package dev.imagegen.bench.load;

import dev.imagegen.testkit.TaskLedger;
import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.xenodia.SimulatorOptions;
import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The three vendor simulators on 127.0.0.1, with tasks of the run's length. */
final class LoadVendors implements AutoCloseable {

    private static final Duration QUEUED = Duration.ofSeconds(5);
    private static final int THREADS = 8;

    private final XenodiaSimulator xenodia;
    private final ApixoSimulator apixo;
    private final BailianSimulator bailian;

    LoadVendors(Duration taskLength) {
        this(taskLength, BailianSimulator.Style.GATEWAY);
    }

    /** With Bailian in this API style. */
    LoadVendors(Duration taskLength, BailianSimulator.Style bailianStyle) {
        Duration queued = queued(taskLength);
        Duration working = taskLength.minus(queued);
        xenodia = XenodiaSimulator.start(SimulatorOptions.defaults().withThreads(THREADS).withRecordLimit(0)
                .withDurations(queued.dividedBy(2), queued.minus(queued.dividedBy(2)), working));
        apixo = ApixoSimulator.start(dev.imagegen.testkit.apixo.SimOptions.realistic().withThreads(THREADS)
                .withTimings(queued, working));
        bailian = bailian(taskLength, bailianStyle);
    }

    /** A Bailian simulator with tasks of this length, as the load run starts it. */
    static BailianSimulator bailian(Duration taskLength, BailianSimulator.Style style) {
        Duration queued = queued(taskLength);
        return BailianSimulator.start(dev.imagegen.testkit.bailian.SimOptions.defaults()
                .style(style).threads(THREADS).recordLimit(0)
                .pendingFor(queued).runningFor(taskLength.minus(queued)));
    }

    private static Duration queued(Duration taskLength) {
        return taskLength.compareTo(QUEUED.multipliedBy(2)) < 0 ? taskLength.dividedBy(2) : QUEUED;
    }

    /** The settings that point the worker's adapters at the simulators. */
    Map<String, String> endpoints() {
        Map<String, String> env = new LinkedHashMap<>(xenodia.providerConfig());
        env.putAll(apixo.providerConfig());
        env.putAll(bailian.providerConfig());
        return env;
    }

    /** The model each provider's commands use. */
    static String model(String provider) {
        return switch (provider) {
            case "xenodia", "apixo" -> "nano-banana-pro";
            case "bailian" -> "wan2.2-t2i-flash";
            default -> throw new IllegalArgumentException(provider);
        };
    }

    /** What the Apixo simulator's callbacks came to. */
    String apixoCallbacks() {
        return apixo.callbacksDelivered() + " delivered of " + apixo.callbackAttempts() + " attempts, "
                + apixo.callbacksAbandoned() + " abandoned";
    }

    /** What a simulator recorded about its tasks. */
    TaskLedger ledger(String provider) {
        return switch (provider) {
            case "xenodia" -> xenodia.ledger();
            case "apixo" -> apixo.ledger();
            case "bailian" -> bailian.ledger();
            default -> throw new IllegalArgumentException(provider);
        };
    }

    @Override
    public void close() {
        xenodia.close();
        apixo.close();
        bailian.close();
    }
}
