package dev.imagegen.worker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Worker JVMs started from the packaged jar ({@code target/app-kafka-worker.jar}, made by {@code package} before the
 * integration tests run), as an operator starts them: {@code java -jar app-kafka-worker.jar run} with an environment
 * and nothing else of this JVM's environment that configures a worker. Small JVMs (256 MB heap, serial GC, C1 only),
 * as the machine has 2 cores. Each writes its output to {@code target/worker-processes/<name>.log}.
 *
 * <p>No JVM outlives the test: {@link #close()} kills what still runs, and a shutdown hook of this JVM does the same
 * if the test never gets to close it.
 */
final class WorkerProcesses implements AutoCloseable {

    static final Path JAR = Path.of("target", "app-kafka-worker.jar");
    private static final Path LOGS = Path.of("target", "worker-processes");
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "worker-processes-backstop"));
    }

    private final List<WorkerProcess> started = new CopyOnWriteArrayList<>();

    WorkerProcesses() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
    }

    /**
     * Starts a worker ({@code run}) on a free port of 127.0.0.1; returns at once (see
     * {@link WorkerProcess#awaitReady}).
     *
     * @param env the worker's whole configuration; {@code IMAGEGEN_HTTP_PORT} is set here
     */
    WorkerProcess start(String name, Map<String, String> env) {
        try {
            Files.createDirectories(LOGS);
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                    JAR.toString(), "run");
            pb.environment().keySet().removeIf(k -> k.startsWith("IMAGEGEN_") || k.startsWith("KAFKA_")
                    || k.startsWith("XENODIA_") || k.startsWith("APIXO_") || k.startsWith("BAILIAN_"));
            pb.environment().putAll(env);
            pb.environment().put("IMAGEGEN_HTTP_ADDRESS", "127.0.0.1");
            pb.environment().put("IMAGEGEN_HTTP_PORT", Integer.toString(port));
            pb.redirectErrorStream(true);
            Process process = pb.start();
            RUNNING.add(process);
            process.onExit().thenAccept(RUNNING::remove);
            WorkerProcess worker = new WorkerProcess(name, port, process, LOGS.resolve(name + ".log"));
            started.add(worker);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workers started here that still run, in the order they were started. */
    List<WorkerProcess> alive() {
        return started.stream().filter(WorkerProcess::alive).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        started.forEach(WorkerProcess::destroy);
    }
}
