package dev.imagegen.bench.load;

import dev.imagegen.testkit.TaskLedger;
import dev.imagegen.testkit.bailian.BailianSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The peer of issue 14: the official DashScope Java SDK ({@code bench-peer/target/dashscope-peer.jar}, a process of
 * its own, no JVM flags) doing N tasks on N threads against the Bailian simulator in native style, tasks of the
 * given length. Watches the process's threads and resident memory and joins what it reports with the simulator's
 * ledger: status calls per task and the time from the vendor finishing to {@code call} returning.
 */
final class PeerRun {

    /**
     * What the peer cost.
     *
     * @param tasks        tasks asked for
     * @param finished     tasks whose call returned SUCCEEDED
     * @param threadsPeak  the process's threads at the most
     * @param rssPeak      its resident memory at the most, bytes
     * @param statusCalls  status calls per task
     * @param addedDelay   vendor done -> call returned, ms
     * @param tookSeconds  from the start of the process to its end
     */
    record Figures(int tasks, int finished, long threadsPeak, long rssPeak, Stats statusCalls, Stats addedDelay,
                   double tookSeconds) {
    }

    private PeerRun() {
    }

    static Figures run(int tasks, Duration taskLength, Path jar, Duration limit, PrintStream out) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no peer jar at " + jar.toAbsolutePath()
                    + ": build it first (mvn -q -pl bench-peer -am -DskipTests package)");
        }
        try (BailianSimulator sim = LoadVendors.bailian(taskLength, BailianSimulator.Style.DASHSCOPE)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--tasks=" + tasks,
                    "--base-url=" + sim.baseUrl().toString().replaceAll("/$", "") + "/api/v1",
                    "--model=" + LoadVendors.model("bailian"));
            builder.environment().put("DASHSCOPE_API_KEY", sim.apiKey());
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process peer = builder.start();
            Map<String, Long> returned = new ConcurrentHashMap<>();
            List<String> notes = new ArrayList<>();
            Thread reader = new Thread(() -> read(peer, returned, notes), "peer-out");
            reader.setDaemon(true);
            reader.start();
            long threadsPeak = 0;
            long rssPeak = 0;
            long end = start + limit.toNanos();
            while (peer.isAlive() && System.nanoTime() < end) {
                long[] now = threadsAndRss(peer.pid());
                threadsPeak = Math.max(threadsPeak, now[0]);
                rssPeak = Math.max(rssPeak, now[1]);
                Thread.sleep(200);
            }
            if (peer.isAlive()) {
                out.println("peer: still running after " + limit + "; stopped");
                peer.destroyForcibly();
            }
            peer.waitFor(30, TimeUnit.SECONDS);
            reader.join(5000);
            double took = (System.nanoTime() - start) / 1e9;
            notes.forEach(n -> out.println("peer: " + n));
            if (returned.isEmpty()) {
                sim.requests().stream().map(r -> r.method() + " " + r.path()).distinct().limit(3)
                        .forEach(r -> out.println("peer: the simulator got " + r));
            }
            Map<String, TaskLedger.TaskTrace> traces = sim.ledger().traces().stream()
                    .collect(Collectors.toMap(TaskLedger.TaskTrace::taskId, Function.identity()));
            List<Double> calls = new ArrayList<>();
            List<Double> added = new ArrayList<>();
            returned.forEach((taskId, at) -> {
                TaskLedger.TaskTrace trace = traces.get(taskId);
                if (trace != null && trace.finishesMillis() != TaskLedger.NEVER) {
                    calls.add((double) trace.statusCalls().size());
                    added.add((double) (at - trace.finishesMillis()));
                }
            });
            return new Figures(tasks, returned.size(), threadsPeak, rssPeak, stats(calls), stats(added), took);
        }
    }

    private static void read(Process peer, Map<String, Long> returned, List<String> notes) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(peer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            int failures = 0;
            while ((line = lines.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("done") && parts.length == 4 && parts[3].equals("SUCCEEDED")) {
                    returned.put(parts[1], Long.parseLong(parts[2]));
                } else if (parts[0].equals("failed") || parts[0].equals("done")) {
                    if (failures++ < 3) {
                        synchronized (notes) {
                            notes.add(line);
                        }
                    }
                } else {
                    synchronized (notes) {
                        notes.add(line);
                    }
                }
            }
        } catch (IOException e) {
            synchronized (notes) {
                notes.add("reading its output failed: " + e);
            }
        }
    }

    private static long[] threadsAndRss(long pid) {
        long threads = 0;
        long rss = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring(8).trim());
                } else if (line.startsWith("VmRSS:")) {
                    rss = 1024 * Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return new long[] {threads, rss};
    }

    private static Stats stats(List<Double> values) {
        return new Stats(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
