package dev.imagegen.bench.load;

import dev.imagegen.spi.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load run's command line: {@code --name=value} pairs, each optional.
 *
 * @param tasks       how many commands to send (split over the providers by {@code mix})
 * @param mix         provider id → weight
 * @param taskLength  how long each simulated vendor task takes from acceptance to its result
 * @param heap        the worker's maximum heap ({@code -Xmx})
 * @param limit       the run ends by itself after this long, finished or not
 * @param workerJar   the worker's jar
 * @param apixoCallbacks whether Apixo reports finished tasks by callback to the worker (polling then only backs
 *                    it up)
 * @param custody     {@code false}, {@code true} (the worker copies each result image into a directory through
 *                    the filesystem store) or {@code both} (a run without, then one with, side by side)
 * @param bailianStyle the Bailian simulator's API style: {@code gateway} or {@code dashscope}
 * @param workerEnv   more settings for the worker (set by {@link BenchSuite}, not on the command line)
 * @param warmup      commands sent and answered before the measured ones (same mix), so that the figures are those
 *                    of a worker whose code the JIT has compiled, as one that runs for months; 0 for none
 * @param warmupRounds at most this many warm-up rounds of {@code warmup} commands each; the rounds stop early once
 *                    the worker's JIT compiler threads used less than a tenth of its CPU in a round (it has settled)
 * @param idle        how long the worker is watched idle after the last answer (its resident memory as it gives
 *                    memory back); zero for not at all
 */
record LoadOptions(int tasks, Map<String, Integer> mix, Duration taskLength, String heap, Duration limit,
                   Path workerJar, boolean apixoCallbacks, String custody, String bailianStyle,
                   Map<String, String> workerEnv, int warmup, int warmupRounds, Duration idle) {

    static final String USAGE = """
            usage: java -cp bench/target/benchmarks.jar dev.imagegen.bench.load.LoadRun [--name=value ...]
              --tasks=10000                       commands to send
              --mix=xenodia:4,apixo:4,bailian:2   how they are split over the providers
              --task-length=60s                   how long each simulated vendor task runs
              --heap=512m                         the worker's -Xmx ("default": none, the JVM's own choice)
              --limit=10m                         the run stops by itself after this long
              --worker-jar=app-kafka-worker/target/app-kafka-worker.jar
              --apixo-callbacks=false             true: Apixo calls the worker back when a task ends
              --custody=false                     true: result custody into a directory (IMAGEGEN_STORE_URL=file://...);
                                                  both: a run without, then one with, and the figures side by side
              --bailian-style=gateway             the Bailian simulator's API: gateway or dashscope
              --warmup=0                          commands answered first, not measured (the JIT's warm-up)
              --warmup-rounds=1                   at most this many rounds of them, fewer once the worker's JIT
                                                  compiler threads use under a tenth of its CPU in a round
              --idle=0s                           then watch the idle worker's resident memory this long
            The worker's settings (caps, poll cadence) can be changed through the environment: any XENODIA_*,
            APIXO_*, BAILIAN_* or IMAGEGEN_* variable set here is passed on (except keys and base URLs).""";

    static LoadOptions parse(String[] args) {
        Map<String, String> given = pairs(args);
        LoadOptions options = new LoadOptions(
                Integer.parseInt(given.getOrDefault("tasks", "10000")),
                mix(given.getOrDefault("mix", "xenodia:4,apixo:4,bailian:2")),
                Durations.parse(given.getOrDefault("task-length", "60s")),
                given.getOrDefault("heap", "512m"),
                Durations.parse(given.getOrDefault("limit", "10m")),
                Path.of(given.getOrDefault("worker-jar", "app-kafka-worker/target/app-kafka-worker.jar")),
                bool("apixo-callbacks", given.getOrDefault("apixo-callbacks", "false")),
                given.getOrDefault("custody", "false"), given.getOrDefault("bailian-style", "gateway"), Map.of(),
                Integer.parseInt(given.getOrDefault("warmup", "0")),
                Integer.parseInt(given.getOrDefault("warmup-rounds", "1")),
                Durations.parse(given.getOrDefault("idle", "0s")));
        given.keySet().removeAll(java.util.Set.of("tasks", "mix", "task-length", "heap", "limit", "worker-jar",
                "apixo-callbacks", "custody", "bailian-style", "warmup", "warmup-rounds", "idle"));
        if (!java.util.List.of("gateway", "dashscope").contains(options.bailianStyle)) {
            throw new IllegalArgumentException("--bailian-style: expected gateway or dashscope, got '"
                    + options.bailianStyle + "'");
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + given.keySet());
        }
        if (!java.util.List.of("false", "true", "both").contains(options.custody)) {
            throw new IllegalArgumentException("--custody: expected false, true or both, got '" + options.custody
                    + "'");
        }
        if (options.tasks < 1 || options.taskLength.toMillis() < 1000 || options.warmup < 0
                || options.warmupRounds < 1) {
            throw new IllegalArgumentException("--tasks must be at least 1, --task-length at least 1s, --warmup "
                    + "at least 0 and --warmup-rounds at least 1");
        }
        return options;
    }

    /** {@code --name=value} arguments as a map of name to value, in order. */
    static Map<String, String> pairs(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return given;
    }

    private static boolean bool(String name, String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("--" + name + ": expected true or false, got '" + text + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static Map<String, Integer> mix(String text) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split(":");
            if (kv.length != 2 || !java.util.List.of("xenodia", "apixo", "bailian").contains(kv[0].trim())) {
                throw new IllegalArgumentException("--mix: expected provider:weight with provider xenodia, apixo or "
                        + "bailian, got '" + part + "'");
            }
            mix.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
        }
        return mix;
    }

    /** The same options with these worker settings added. */
    LoadOptions withWorkerEnv(Map<String, String> env) {
        return new LoadOptions(tasks, mix, taskLength, heap, limit, workerJar, apixoCallbacks, custody, bailianStyle,
                Map.copyOf(env), warmup, warmupRounds, idle);
    }

    /** The Bailian simulator's style. */
    dev.imagegen.testkit.bailian.BailianSimulator.Style style() {
        return bailianStyle.equals("dashscope") ? dev.imagegen.testkit.bailian.BailianSimulator.Style.DASHSCOPE
                : dev.imagegen.testkit.bailian.BailianSimulator.Style.GATEWAY;
    }

    /** The custody settings of the runs: [false], [true] or [false, true]. */
    java.util.List<Boolean> custodyRuns() {
        return switch (custody) {
            case "both" -> java.util.List.of(false, true);
            case "true" -> java.util.List.of(true);
            default -> java.util.List.of(false);
        };
    }

    /** How many of the commands go to each provider (the rounding remainder goes to the first). */
    Map<String, Integer> counts() {
        return counts(tasks);
    }

    /** How many of {@code tasks} commands go to each provider (the rounding remainder goes to the first). */
    Map<String, Integer> counts(int tasks) {
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int assigned = 0;
        for (Map.Entry<String, Integer> e : mix.entrySet()) {
            int n = (int) ((long) tasks * e.getValue() / total);
            counts.put(e.getKey(), n);
            assigned += n;
        }
        String first = mix.keySet().iterator().next();
        counts.merge(first, tasks - assigned, Integer::sum);
        return counts;
    }
}
