package dev.imagegen.worker.demo;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.testkit.apixo.SimOptions;
import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.xenodia.SimulatorOptions;
import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three vendor simulators on 127.0.0.1, with tasks that take a second or two, and a provider configuration
 * that points the real adapters at them (their keys, base URLs and a quick polling cadence).
 */
final class SimulatedVendors implements DemoProviders {

    private static final Duration STEP = Duration.ofMillis(600);

    private final XenodiaSimulator xenodia;
    private final ApixoSimulator apixo;
    private final BailianSimulator bailian;

    SimulatedVendors() {
        xenodia = XenodiaSimulator.start(SimulatorOptions.defaults().withDurations(STEP, STEP, STEP.multipliedBy(2)));
        apixo = ApixoSimulator.start(SimOptions.fast().withTimings(STEP, STEP.multipliedBy(2)));
        bailian = BailianSimulator.start(dev.imagegen.testkit.bailian.SimOptions.defaults()
                .style(BailianSimulator.Style.GATEWAY).pendingFor(STEP).runningFor(STEP.multipliedBy(2)));
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(xenodia.providerConfig());
        env.putAll(apixo.providerConfig());
        env.putAll(bailian.providerConfig());
        for (String p : new String[] {"XENODIA", "APIXO", "BAILIAN"}) {
            env.put(p + "_POLL_INITIAL_DELAY", "500ms");
            env.put(p + "_POLL_INTERVAL", "300ms");
            env.put(p + "_POLL_MAX_INTERVAL", "600ms");
        }
        return env;
    }

    @Override
    public void close() {
        xenodia.close();
        apixo.close();
        bailian.close();
    }
}
