package dev.imagegen.worker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.worker.testing.ContractSchemas;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's sample commands are what the contract's schema says a command is. */
class SampleCommandsTest {

    @Test
    void every_sample_command_keeps_the_generate_schema() {
        Map<String, String> samples = SampleCommands.all("abc123");
        assertEquals(4, samples.size());
        samples.values().forEach(ContractSchemas.GENERATE::assertValid);
    }
}
