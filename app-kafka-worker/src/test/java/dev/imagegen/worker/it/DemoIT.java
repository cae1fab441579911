package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.worker.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code demo} runs the whole path in one process and ends when every sample command has its terminal event. */
class DemoIT {

    @Test
    void the_demo_prints_one_terminal_event_per_sample_and_exits_0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Demo.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String events = out.toString(StandardCharsets.UTF_8);
        List<String> terminal = events.lines().filter(line -> line.contains("\"terminal\":true")).toList();
        assertEquals(4, terminal.size(), events);
        for (String provider : List.of("xenodia", "apixo", "bailian")) {
            assertTrue(terminal.stream().anyMatch(line -> line.contains("\"status\":\"SUCCEEDED\"")
                    && line.contains("\"provider\":\"" + provider + "\"")), provider + " succeeded: " + events);
        }
        assertTrue(terminal.stream().anyMatch(line -> line.contains("\"code\":\"UNSUPPORTED_PARAMETER\"")), events);
    }
}
