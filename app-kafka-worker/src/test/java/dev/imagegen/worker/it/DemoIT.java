package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.worker.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        long terminal = out.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("\"terminal\":true")).count();
        assertEquals(4, terminal, out.toString(StandardCharsets.UTF_8));
    }
}
