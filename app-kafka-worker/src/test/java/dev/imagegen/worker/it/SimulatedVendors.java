package dev.imagegen.worker.it;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.testkit.apixo.SimOptions;
import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.xenodia.SimulatorOptions;
import dev.imagegen.testkit.xenodia.XenodiaSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three vendors' simulators of {@code testkit} on 127.0.0.1 in the test JVM, with tasks of a given length (a
 * second queued, the rest working), for worker processes. Commands whose prompt carries {@link #marker} of their
 * commandId can be counted at each vendor ({@link #submitsOf}).
 */
final class SimulatedVendors implements AutoCloseable {

    /** Each command's prompt mentions its commandId like this, so that a vendor's submit can be traced to it. */
    static String marker(String commandId) {
        return "#" + commandId + "#";
    }

    static final List<String> PROVIDERS = List.of("xenodia", "apixo", "bailian");

    final XenodiaSimulator xenodia;
    final ApixoSimulator apixo;
    final BailianSimulator bailian;

    SimulatedVendors(Duration taskLength) {
        Duration queued = Duration.ofSeconds(1).compareTo(taskLength) < 0 ? Duration.ofSeconds(1)
                : taskLength.dividedBy(2);
        Duration working = taskLength.minus(queued);
        xenodia = XenodiaSimulator.start(SimulatorOptions.defaults().withThreads(8).withRecordLimit(100_000)
                .withDurations(queued.dividedBy(2), queued.minus(queued.dividedBy(2)), working));
        apixo = ApixoSimulator.start(SimOptions.fast().withThreads(8).withTimings(queued, working));
        bailian = BailianSimulator.start(dev.imagegen.testkit.bailian.SimOptions.defaults()
                .style(BailianSimulator.Style.GATEWAY).threads(8).recordLimit(100_000)
                .pendingFor(queued).runningFor(working));
    }

    /**
     * Keys, base URLs, a quick polling cadence (first status call after 1 s, then every 0.5 to 1 s) and no
     * client-side caps worth the name (the real vendors' limits, such as Bailian's 2 tasks at once, would make a
     * few hundred commands wait in line; the simulators have none).
     */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(xenodia.providerConfig());
        env.putAll(apixo.providerConfig());
        env.putAll(bailian.providerConfig());
        for (String p : new String[] {"XENODIA", "APIXO", "BAILIAN"}) {
            env.put(p + "_POLL_INITIAL_DELAY", "1s");
            env.put(p + "_POLL_INTERVAL", "500ms");
            env.put(p + "_POLL_MAX_INTERVAL", "1s");
            env.put(p + "_MAX_IN_FLIGHT", "1000");
            env.put(p + "_MAX_REQUESTS_PER_SECOND", "500");
        }
        return env;
    }

    /** A generate command for a provider's simulator whose prompt carries the commandId's marker. */
    static String command(String commandId, String provider) {
        String model = provider.equals("bailian") ? "wan2.2-t2i-flash" : "nano-banana-pro";
        return "{\"type\":\"imagegen.generate.v1\",\"commandId\":\"" + commandId + "\",\"provider\":\"" + provider
                + "\",\"model\":\"" + model + "\",\"prompt\":\"a lighthouse at dusk " + marker(commandId) + "\"}";
    }

    /** How many submits carrying the commandId's marker the provider's simulator received. */
    long submitsOf(String provider, String commandId) {
        String marker = marker(commandId);
        return switch (provider) {
            case "xenodia" -> xenodia.submits().stream()
                    .filter(s -> String.valueOf(s.field("prompt")).contains(marker)).count();
            case "apixo" -> apixo.submitBodies().stream().filter(b -> b.contains(marker)).count();
            case "bailian" -> bailian.requests().stream()
                    .filter(r -> r.method().equals("POST") && !r.path().endsWith("/cancel")
                            && r.body().contains(marker)).count();
            default -> throw new IllegalArgumentException(provider);
        };
    }

    /** Submit and status calls all three simulators received, refused ones included. */
    long vendorCalls() {
        return xenodia.counters().submits() + xenodia.counters().polls() + apixo.submitCalls() + apixo.statusCalls()
                + bailian.submitCount() + bailian.pollCount();
    }

    @Override
    public void close() {
        xenodia.close();
        apixo.close();
        bailian.close();
    }
}
