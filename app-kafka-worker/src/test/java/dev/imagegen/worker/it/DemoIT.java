package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.codec.JsonTree;
import dev.imagegen.worker.demo.Demo;
import dev.imagegen.worker.testing.ContractSchemas;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code demo} runs the whole path in one process and ends when every sample command has its terminal event; the
 * images are stored under {@code ./demo-out/} through result custody.
 */
class DemoIT {

    @Test
    void the_demo_prints_one_terminal_event_per_sample_and_exits_0() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Demo.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String events = out.toString(StandardCharsets.UTF_8);
        events.lines().filter(line -> line.startsWith("{")).forEach(ContractSchemas.EVENT::assertValid);
        List<String> terminal = events.lines().filter(line -> line.contains("\"terminal\":true")).toList();
        assertEquals(4, terminal.size(), events);
        for (String provider : List.of("xenodia", "apixo", "bailian")) {
            assertTrue(terminal.stream().anyMatch(line -> line.contains("\"status\":\"SUCCEEDED\"")
                    && line.contains("\"provider\":\"" + provider + "\"")), provider + " succeeded: " + events);
        }
        assertTrue(terminal.stream().anyMatch(line -> line.contains("\"code\":\"UNSUPPORTED_PARAMETER\"")), events);
        for (String line : terminal) {
            if (line.contains("\"status\":\"SUCCEEDED\"")) {
                assertStoredUnderDemoOut(line);
            }
        }
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
