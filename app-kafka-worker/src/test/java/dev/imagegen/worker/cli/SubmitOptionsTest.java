package dev.imagegen.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.TestImages;
import dev.imagegen.worker.testing.ContractSchemas;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code submit}'s flags become a command that keeps the generate schema; its progress lines read well. */
class SubmitOptionsTest {

    @Test
    void the_flags_make_a_command_that_keeps_the_schema(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("ref.bin");
        Files.write(png, TestImages.png(8, 8, Color.RED));
        SubmitOptions options = SubmitOptions.parse(List.of("--model", "nano-banana-pro", "--prompt",
                "a \"quoted\" pilot", "--provider", "apixo", "--ref", "https://example.com/a.png", "--ref",
                png.toString(), "--aspect-ratio", "16:9", "--resolution", "2K", "--out", dir.toString()));
        String json = new String(CommandJson.of(options), StandardCharsets.UTF_8);

        ContractSchemas.GENERATE.assertValid(json);
        assertTrue(options.commandId().startsWith("cli-"), options.commandId());
        assertTrue(json.contains("{\"url\":\"https://example.com/a.png\"}"), json);
        assertTrue(json.contains("\"mimeType\":\"image/png\""), json);
        assertEquals(dir, options.out());
    }

    @Test
    void a_missing_value_an_unknown_flag_or_a_missing_model_is_refused() {
        assertEquals("--out needs a value", assertThrows(SubmitOptions.BadFlags.class,
                () -> SubmitOptions.parse(List.of("--model", "m", "--prompt", "p", "--out"))).getMessage());
        assertEquals("unknown flag '--size'", assertThrows(SubmitOptions.BadFlags.class,
                () -> SubmitOptions.parse(List.of("--size", "2", "--prompt", "p"))).getMessage());
        assertEquals("--model is required", assertThrows(SubmitOptions.BadFlags.class,
                () -> SubmitOptions.parse(List.of("--prompt", "p"))).getMessage());
    }

    @Test
    void a_terminal_shows_a_bar_and_plain_output_shows_lines() {
        Map<String, Object> running = Map.of("status", "RUNNING", "progress", 40L, "provider", "apixo",
                "model", "nano-banana-pro");
        assertEquals("[########............] RUNNING 40% at apixo (nano-banana-pro), 12 s",
                new Progress(System.err, true).describe(running, 12));
        assertEquals("RUNNING 40% at apixo (nano-banana-pro), 12 s",
                new Progress(System.err, false).describe(running, 12));
    }
}
