package dev.imagegen.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_prints_usage_and_exits_0() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void run_without_kafka_exits_non_zero_with_one_line_naming_the_setting() {
        assertEquals(2, run(Map.of()));
        assertEquals("imagegen: KAFKA_BOOTSTRAP_SERVERS: is required but not set", err().strip());
    }

    @Test
    void a_bad_setting_exits_non_zero_with_one_line_naming_it() {
        assertEquals(2, run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "IMAGEGEN_PARTITIONS", "many"), "run"));
        assertEquals(1, err().strip().lines().count());
        assertTrue(err().startsWith("imagegen: IMAGEGEN_PARTITIONS: 'many'"), err());
    }

    @Test
    void an_unknown_kafka_property_exits_non_zero_with_one_line_naming_it_and_not_its_value() {
        assertEquals(2, run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "IMAGEGEN_KAFKA_SSL_TRUSTSTORE_PASWORD",
                "hunter2-secret"), "run"));
        assertEquals(1, err().strip().lines().count());
        assertTrue(err().startsWith("imagegen: IMAGEGEN_KAFKA_SSL_TRUSTSTORE_PASWORD: "), err());
        assertTrue(!err().contains("hunter2-secret"), err());
    }

    @Test
    void an_unknown_command_exits_2() {
        assertEquals(2, run(Map.of(), "fly"));
        assertTrue(err().contains("unknown command 'fly'"));
    }
}
