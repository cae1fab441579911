package dev.imagegen.bench.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bench/run} runs (issue 14): the burst (N commands at once to Bailian's native style, tasks of 5 s,
 * first status call at 5 s then every 500 ms, the worker jar with no JVM flags), the throughput run (2N commands,
 * Xenodia tasks of 1 s, no client-side rate cap), and the peer (the DashScope SDK, N tasks on N threads, against the
 * same simulator settings as the burst). Prints a table, then one JSON object as its last line. Each part stops by
 * itself.
 *
 * <p>The worker's two parts are measured warm by default: before each, rounds of as many commands as it measures are
 * sent and answered, unmeasured, until the worker's JIT compiler threads used less than a tenth of its CPU in a round
 * (at most {@value #WARMUP_ROUNDS} rounds), so that the figures are those of a worker whose code the JIT has compiled,
 * as a worker that runs for months is when a burst comes. On two busy cores one round is not enough: after 20,000
 * commands the compiler still took about half the worker's CPU. {@code --warmup=false} measures a worker just
 * started.
 *
 * <p>Run: {@code bench/run [--tasks=10000] [--throughput-tasks=20000] [--peer=true] [--warmup=true]}
 */
public final class BenchSuite {

    private static final Duration BURST_TASK = Duration.ofSeconds(5);
    private static final Duration PART_LIMIT = Duration.ofMinutes(3);
    private static final int WARMUP_ROUNDS = 8;

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = LoadOptions.pairs(args);
        int tasks = Integer.parseInt(given.getOrDefault("tasks", "10000"));
        int throughputTasks = Integer.parseInt(given.getOrDefault("throughput-tasks", Integer.toString(2 * tasks)));
        boolean peer = Boolean.parseBoolean(given.getOrDefault("peer", "true"));
        boolean warm = Boolean.parseBoolean(given.getOrDefault("warmup", "true"));
        if (given.containsKey("peer-only")) {
            PeerRun.Figures figures = PeerRun.run(tasks, BURST_TASK, Path.of(given.getOrDefault("peer-jar",
                    "bench-peer/target/dashscope-peer.jar")), PART_LIMIT, System.out);
            System.out.println(figures);
            System.exit(0);
        }
        String jar = given.getOrDefault("worker-jar", "app-kafka-worker/target/app-kafka-worker.jar");
        Path peerJar = Path.of(given.getOrDefault("peer-jar", "bench-peer/target/dashscope-peer.jar"));
        System.exit(run(tasks, throughputTasks, peer, warm, jar, peerJar, System.out));
    }

    static int run(int tasks, int throughputTasks, boolean withPeer, boolean warm, String jar, Path peerJar,
                   PrintStream out) throws Exception {
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        out.printf("bench: burst of %d commands (Bailian native style, 5 s tasks, polls at 5 s then every 500 ms), "
                + "the worker %s%n", tasks, warm ? "warmed up first" : "just started");
        LoadOptions burstOptions = LoadOptions.parse(new String[] {"--tasks=" + tasks, "--mix=bailian:1",
                "--task-length=" + BURST_TASK.toSeconds() + "s", "--heap=default", "--bailian-style=dashscope",
                "--limit=" + PART_LIMIT.toSeconds() + "s", "--worker-jar=" + jar, "--warmup=" + (warm ? tasks : 0),
                "--warmup-rounds=" + WARMUP_ROUNDS})
                .withWorkerEnv(Map.of("BAILIAN_POLL_INITIAL_DELAY", "5s", "BAILIAN_POLL_INTERVAL", "500ms",
                        "BAILIAN_POLL_MAX_INTERVAL", "500ms", "BAILIAN_MAX_REQUESTS_PER_SECOND", "100000"));
        List<RunFigures> burstRuns = LoadRun.runs(burstOptions, quiet, out);
        if (burstRuns == null) {
            return 1;
        }
        RunFigures burst = burstRuns.get(0);
        out.printf("bench: throughput, %d commands (Xenodia, 1 s tasks, no client-side rate cap), the worker %s%n",
                throughputTasks, warm ? "warmed up first" : "just started");
        LoadOptions throughputOptions = LoadOptions.parse(new String[] {"--tasks=" + throughputTasks,
                "--mix=xenodia:1", "--task-length=1s", "--heap=default", "--limit=" + PART_LIMIT.toSeconds() + "s",
                "--worker-jar=" + jar, "--warmup=" + (warm ? throughputTasks : 0),
                "--warmup-rounds=" + WARMUP_ROUNDS})
                .withWorkerEnv(Map.of("XENODIA_MAX_REQUESTS_PER_SECOND", "100000"));
        List<RunFigures> throughputRuns = LoadRun.runs(throughputOptions, quiet, out);
        if (throughputRuns == null) {
            return 1;
        }
        RunFigures throughput = throughputRuns.get(0);
        PeerRun.Figures peer = null;
        if (withPeer) {
            out.printf("bench: the peer, the DashScope SDK doing %d tasks on %d threads%n", tasks, tasks);
            peer = PeerRun.run(tasks, BURST_TASK, peerJar, PART_LIMIT, out);
        }
        Map<String, Object> json = figures(warm, burst, throughput, peer);
        table(json, out);
        out.println(json(json));
        boolean ok = burst.answered() == burst.tasks() && burst.extraTerminals() == 0
                && throughput.answered() == throughput.tasks() && throughput.extraTerminals() == 0;
        return ok ? 0 : 1;
    }

    static Map<String, Object> figures(boolean warm, RunFigures burst, RunFigures throughput, PeerRun.Figures peer) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("warm", warm);
        f.put("tasks", burst.tasks());
        f.put("answered", burst.answered());
        f.put("duplicates", burst.extraTerminals());
        f.put("inflight_tasks", (long) burst.peak().inFlight());
        f.put("heap_mb_at_peak", round(burst.peak().heapUsed() / (1024 * 1024)));
        f.put("rss_mb_at_peak", round(burst.peak().rss() / (1024.0 * 1024)));
        f.put("threads_at_peak", burst.peak().osThreads());
        f.put("status_calls_per_task", round2(mean(burst.joined().stream().mapToDouble(Report.Task::calls)
                .toArray())));
        f.put("min_status_calls_per_task", round2(mean(burst.joined().stream()
                .mapToDouble(Report.Task::fewestCalls).toArray())));
        f.put("added_latency_p50_ms", round(burst.addedDelay().at(0.5)));
        f.put("added_latency_p99_ms", round(burst.addedDelay().at(0.99)));
        f.put("intake_p99_ms", round(burst.intake().at(0.99)));
        f.put("burst_warmed_up_by", burst.warmedUpBy());
        f.put("throughput_commands", throughput.tasks());
        f.put("throughput_answered", throughput.answered());
        f.put("throughput_warmed_up_by", throughput.warmedUpBy());
        f.put("throughput_commands_per_s", round(throughput.answered() / throughput.tookSeconds()));
        f.put("cpu_ms_per_command", throughput.cpuSeconds() < 0 ? -1
                : round2(1000 * throughput.cpuSeconds() / throughput.tasks()));
        f.put("jit_cpu_ms_per_command", throughput.jitCpuSeconds() < 0 ? -1
                : round2(1000 * throughput.jitCpuSeconds() / throughput.tasks()));
        f.put("rig_cpu_ms_per_command", throughput.rigCpuSeconds() < 0 ? -1
                : round2(1000 * throughput.rigCpuSeconds() / throughput.tasks()));
        if (peer != null) {
            f.put("peer_tasks_finished", peer.finished());
            f.put("peer_threads_at_peak", peer.threadsPeak());
            f.put("peer_rss_mb_at_peak", round(peer.rssPeak() / (1024.0 * 1024)));
            f.put("peer_status_calls_per_task", round2(peer.statusCalls().count() == 0 ? Double.NaN
                    : mean(values(peer.statusCalls()))));
            f.put("peer_added_latency_p50_ms", round(peer.addedDelay().at(0.5)));
            f.put("peer_added_latency_p99_ms", round(peer.addedDelay().at(0.99)));
            f.put("ratio_peer_to_worker_rss", round2(peer.rssPeak() / (double) burst.peak().rss()));
            f.put("ratio_peer_to_worker_threads", round2(peer.threadsPeak() / (double) burst.peak().osThreads()));
            f.put("ratio_peer_to_worker_status_calls", round2((Double) f.get("peer_status_calls_per_task")
                    / (Double) f.get("status_calls_per_task")));
            f.put("ratio_peer_to_worker_added_latency_p99", round2(peer.addedDelay().at(0.99)
                    / burst.addedDelay().at(0.99)));
        }
        return f;
    }

    private static void table(Map<String, Object> f, PrintStream out) {
        out.printf("%n%-40s %14s %14s%n", "", "worker", "peer (SDK)");
        row(out, "commands answered first (warm-up)", f.get("burst_warmed_up_by"), null);
        row(out, "tasks answered", f.get("answered") + " of " + f.get("tasks"), f.get("peer_tasks_finished"));
        row(out, "tasks in flight at peak", f.get("inflight_tasks"), f.get("peer_tasks_finished"));
        row(out, "threads at peak (process)", f.get("threads_at_peak"), f.get("peer_threads_at_peak"));
        row(out, "resident MB at peak", f.get("rss_mb_at_peak"), f.get("peer_rss_mb_at_peak"));
        row(out, "heap MB at peak", f.get("heap_mb_at_peak"), null);
        row(out, "status calls per task", f.get("status_calls_per_task"), f.get("peer_status_calls_per_task"));
        row(out, "  fewest the cadence allows", f.get("min_status_calls_per_task"), null);
        row(out, "added latency p50 ms", f.get("added_latency_p50_ms"), f.get("peer_added_latency_p50_ms"));
        row(out, "added latency p99 ms", f.get("added_latency_p99_ms"), f.get("peer_added_latency_p99_ms"));
        row(out, "command -> vendor submit p99 ms", f.get("intake_p99_ms"), null);
        row(out, "throughput commands/s (1 s tasks)", f.get("throughput_commands_per_s"), null);
        row(out, "  commands answered first (warm-up)", f.get("throughput_warmed_up_by"), null);
        row(out, "worker CPU ms per command", f.get("cpu_ms_per_command"), null);
        row(out, "  of which its JIT compiler", f.get("jit_cpu_ms_per_command"), null);
        row(out, "  broker, simulator, reader CPU ms", f.get("rig_cpu_ms_per_command"), null);
        out.printf("the peer / the worker: resident memory %sx, threads %sx, status calls %sx, added latency p99 %sx%n",
                f.get("ratio_peer_to_worker_rss"), f.get("ratio_peer_to_worker_threads"),
                f.get("ratio_peer_to_worker_status_calls"), f.get("ratio_peer_to_worker_added_latency_p99"));
        out.println();
    }

    private static void row(PrintStream out, String name, Object worker, Object peer) {
        out.printf("%-40s %14s %14s%n", name, worker == null ? "-" : worker, peer == null ? "-" : peer);
    }

    /** One line of JSON: numbers as they are, NaN as null. */
    static String json(Map<String, Object> figures) {
        StringBuilder s = new StringBuilder("{");
        figures.forEach((k, v) -> {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append('"').append(k).append("\":");
            boolean missing = v == null || (v instanceof Double d && (d.isNaN() || d.isInfinite()));
            s.append(missing ? "null" : v.toString());
        });
        return s.append('}').toString();
    }

    private static double[] values(Stats stats) {
        double[] v = new double[stats.count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = stats.at((i + 1.0) / v.length);
        }
        return v;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static long round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value);
    }

    private static double round2(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", value));
    }
}
