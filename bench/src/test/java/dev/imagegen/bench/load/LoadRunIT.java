package dev.imagegen.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's load-run command works: a small run end to end, with the worker jar as its own process. */
class LoadRunIT {

    @Test
    void a_small_run_answers_every_command_once_and_prints_its_figures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = LoadRun.run(new String[] {"--tasks=60", "--task-length=3s", "--limit=2m",
                "--worker-jar=../app-kafka-worker/target/app-kafka-worker.jar"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        String report = out.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertEquals(0, exit, report);
        assertTrue(report.contains("60 of 60 commands answered"), report);
        assertTrue(report.contains("terminal events beyond one per command: 0"), report);
        for (String line : new String[] {"xenodia: 24 sent, outcomes {SUCCEEDED=24}, 24 vendor tasks created",
            "apixo: 24 sent, outcomes {SUCCEEDED=24}, 24 vendor tasks created",
            "bailian: 12 sent, outcomes {SUCCEEDED=12}, 12 vendor tasks created"}) {
            assertTrue(report.contains(line), line + " in\n" + report);
        }
        assertTrue(report.contains("status calls / fewest the cadence allows"), report);
        assertTrue(report.contains("exit code after SIGTERM: 0"), report);
        assertTrue(report.contains("API keys seen: in 0 events, in the worker's log 0 times"), report);
    }
}
