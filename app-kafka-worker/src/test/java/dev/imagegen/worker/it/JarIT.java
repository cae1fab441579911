package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.demo.EmbeddedKafka;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runnable jar, as an operator runs it. */
class JarIT {

    private static final Path JAR = Path.of("target", "app-kafka-worker.jar");

    private static Process start(Map<String, String> env, Path log, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(java());
        pb.command().addAll(List.of("-Xmx256m", "-jar", JAR.toString()));
        pb.command().addAll(List.of(args));
        pb.environment().keySet().removeIf(k -> k.startsWith("IMAGEGEN_") || k.startsWith("KAFKA_")
                || k.endsWith("_API_KEY"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void help_lists_the_settings_and_a_bad_setting_exits_non_zero_with_one_line() throws Exception {
        Path log = Files.createTempFile("jar-help", ".log");
        Process help = start(Map.of(), log, "--help");
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue());
        String text = Files.readString(log);
        assertTrue(text.contains("KAFKA_BOOTSTRAP_SERVERS") && text.contains("IMAGEGEN_UNKNOWN_OUTCOME_POLICY"), text);

        Process bad = start(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "IMAGEGEN_UNKNOWN_OUTCOME_POLICY", "x"),
                log);
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue());
        List<String> lines = Files.readAllLines(log);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("IMAGEGEN_UNKNOWN_OUTCOME_POLICY"), lines.get(0));
    }

    @Test
    void sigterm_drains_and_exits_0() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka()) {
            int port;
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("jar-run", ".log");
            Process worker = start(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "IMAGEGEN_HTTP_PORT", Integer.toString(port), "IMAGEGEN_PARTITIONS", "2"), log, "run");
            try {
                HttpClient http = HttpClient.newHttpClient();
                long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                int status = 0;
                while (status != 200 && System.nanoTime() < end && worker.isAlive()) {
                    try {
                        status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        Thread.sleep(200);
                    }
                }
                assertEquals(200, status, Files.readString(log, StandardCharsets.UTF_8));
                worker.destroy();
                assertTrue(worker.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, worker.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
                assertTrue(Files.readString(log).contains("stopped"));
            } finally {
                worker.destroyForcibly();
            }
        }
    }

    static {
        if (!new File(JAR.toString()).isFile()) {
            throw new IllegalStateException(JAR + " is missing: run the package phase first");
        }
    }
}
