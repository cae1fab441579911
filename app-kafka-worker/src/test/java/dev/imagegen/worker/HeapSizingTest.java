package dev.imagegen.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link HeapSizing} in JVMs of its own: with no heap flags it takes G1's free ratios; any heap flag stops it. */
class HeapSizingTest {

    /** Run in a child JVM: applies, then prints "applied|MinHeapFreeRatio|MaxHeapFreeRatio|description". */
    public static final class Probe {
        public static void main(String[] args) {
            HeapSizing.Outcome outcome = HeapSizing.apply();
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            System.out.println(outcome.applied() + "|" + vm.getVMOption("MinHeapFreeRatio").getValue() + "|"
                    + vm.getVMOption("MaxHeapFreeRatio").getValue() + "|"
                    + vm.getVMOption("G1PeriodicGCInterval").getValue() + "|" + outcome.description());
        }
    }

    @Test
    void a_jvm_without_heap_flags_keeps_its_heap_close_to_what_is_live() throws Exception {
        String[] line = probe().split("\\|", 5);
        assertEquals("true", line[0], line[4]);
        assertEquals(Integer.toString(HeapSizing.MIN_FREE_PERCENT), line[1]);
        assertEquals(Integer.toString(HeapSizing.MAX_FREE_PERCENT), line[2]);
        assertEquals(Long.toString(HeapSizing.PERIODIC_GC_MILLIS), line[3]);
    }

    @Test
    void any_heap_flag_from_the_user_leaves_the_heap_as_they_sized_it() throws Exception {
        for (String flag : List.of("-Xmx300m", "-Xms64m", "-XX:MaxRAMPercentage=50", "-XX:MaxHeapFreeRatio=50")) {
            String[] line = probe(flag).split("\\|", 5);
            assertEquals("false", line[0], flag + ": " + line[4]);
            assertTrue(line[4].contains("was given"), flag + ": " + line[4]);
            assertEquals(flag.equals("-XX:MaxHeapFreeRatio=50") ? "50" : "70", line[2], flag);
            assertEquals("0", line[3], flag);
        }
    }

    @Test
    void another_collector_is_left_alone() throws Exception {
        String[] line = probe("-XX:+UseSerialGC").split("\\|", 5);
        assertEquals("false", line[0]);
        assertTrue(line[4].contains("not G1"), line[4]);
    }

    private static String probe(String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!List.of(flags).contains("-XX:+UseSerialGC")) {
            command.add("-XX:+UseG1GC"); // the JVM's own choice on a machine of 2 or more cores; not a heap flag
        }
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not end");
        assertEquals(0, process.exitValue(), out);
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }
}
