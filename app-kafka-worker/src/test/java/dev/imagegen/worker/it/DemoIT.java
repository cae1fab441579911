package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.codec.JsonTree;
import dev.imagegen.worker.testing.ContractSchemas;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar app-kafka-worker.jar demo}, run as a newcomer runs it: the whole path in one process, every event
 * one JSON line on stdout (each keeping the event schema), the images stored under {@code ./demo-out/} through result
 * custody, and on stderr no line of the in-process broker's logging, then a summary: one line per sample command with
 * its provider, model, final status, and the stored file or the error code.
 */
class DemoIT {

    private static final Path JAR = Path.of("target", "app-kafka-worker.jar");

    @Test
    void the_demo_prints_the_events_then_a_summary_and_no_broker_logging() throws Exception {
        Path stdout = Files.createTempFile("demo-out", ".log");
        Path stderr = Files.createTempFile("demo-err", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "demo");
        pb.environment().keySet().removeIf(k -> k.startsWith("IMAGEGEN_") || k.startsWith("KAFKA_")
                || k.endsWith("_API_KEY"));
        Process demo = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!demo.waitFor(4, TimeUnit.MINUTES)) {
            demo.destroyForcibly();
            throw new AssertionError("the demo did not end within 4 minutes");
        }
        String events = Files.readString(stdout, StandardCharsets.UTF_8);
        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, demo.exitValue(), log);

        assertTrue(events.lines().allMatch(line -> line.startsWith("{\"type\":\"imagegen.task.v1\"")), events);
        events.lines().forEach(ContractSchemas.EVENT::assertValid);
        List<String> terminal = events.lines().filter(line -> line.contains("\"terminal\":true")).toList();
        assertEquals(4, terminal.size(), events);
        for (String provider : List.of("xenodia", "apixo", "bailian")) {
            assertTrue(terminal.stream().anyMatch(line -> line.contains("\"status\":\"SUCCEEDED\"")
                    && line.contains("\"provider\":\"" + provider + "\"")), provider + " succeeded: " + events);
        }
        assertTrue(terminal.stream().anyMatch(line -> line.contains("\"code\":\"UNSUPPORTED_PARAMETER\"")), events);
        assertTrue(terminal.stream().anyMatch(line -> line.contains("\"provider\":\"xenodia\"")
                && line.contains("\"status\":\"SUCCEEDED\"") && line.contains("\"cost\":{\"amount\":\"0.167\","
                + "\"currency\":\"USDC\",\"basis\":\"vendor billing\"}")), "xenodia's 1K gpt-image-2 cost: " + events);
        assertTrue(terminal.stream().filter(line -> !line.contains("\"provider\":\"xenodia\""))
                .noneMatch(line -> line.contains("\"cost\"")), "apixo and bailian publish no price: " + events);
        for (String line : terminal) {
            if (line.contains("\"status\":\"SUCCEEDED\"")) {
                assertStoredUnderDemoOut(line);
            }
        }

        assertFalse(log.lines().anyMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                || line.contains("org.apache.kafka") || line.contains(" kafka.")), log);
        List<String> lines = log.lines().toList();
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("imagegen demo: 4 sample commands"))
                .findFirst().orElseThrow(() -> new AssertionError("no summary in\n" + log)));
        assertEquals("imagegen demo: 4 sample commands, 3 succeeded:", lines.get(start));
        List<String> summary = lines.subList(start + 1, start + 5);
        for (String[] sample : new String[][] {{"xenodia", "gpt-image-2"}, {"apixo", "nano-banana-pro"},
                {"bailian", "wan2.2-t2i-flash"}}) {
            String row = summary.stream().filter(l -> l.trim().startsWith(sample[0] + " ")
                    && l.contains(" " + sample[1] + " ") && l.contains(" SUCCEEDED ")).findFirst()
                    .orElseThrow(() -> new AssertionError(sample[0] + " in the summary:\n" + log));
            Path file = Path.of(row.substring(row.lastIndexOf(' ') + 1));
            assertTrue(file.startsWith("demo-out") && Files.isRegularFile(file), row);
            assertEquals(sample[0].equals("xenodia"), row.contains(" 0.167 USDC "), "the cost where known: " + row);
        }
        assertTrue(summary.stream().anyMatch(l -> l.trim().startsWith("xenodia ") && l.contains(" gpt-image-2 ")
                && l.contains(" FAILED ") && l.contains(" UNSUPPORTED_PARAMETER (")), log);
        assertEquals(start + 5, lines.size(), "the summary ends the output:\n" + log);
    }

    /** Every image of the event has a stored copy in ./demo-out/ whose size and SHA-256 the event states. */
    private static void assertStoredUnderDemoOut(String event) throws Exception {
        Map<?, ?> json = (Map<?, ?>) JsonTree.parse(event.getBytes(StandardCharsets.UTF_8));
        List<?> images = (List<?>) json.get("images");
        assertTrue(!images.isEmpty(), event);
        for (Object image : images) {
            Map<?, ?> stored = assertInstanceOf(Map.class, ((Map<?, ?>) image).get("stored"), event);
            Path file = Path.of(URI.create((String) stored.get("uri")));
            assertTrue(file.startsWith(Path.of("demo-out").toAbsolutePath()), file.toString());
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(stored.get("bytes"), (long) bytes.length, event);
            assertEquals(stored.get("sha256"),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), event);
            assertTrue(((String) stored.get("contentType")).startsWith("image/"), event);
            assertTrue(((String) ((Map<?, ?>) image).get("url")).startsWith("http://127.0.0.1:"), event);
        }
    }
}
