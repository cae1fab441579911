package dev.imagegen.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ConfigKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's configuration table says what the code defines: every key, its default, nothing else. */
class ReadmeConfigTableTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void the_readme_table_lists_every_key_with_its_default_and_nothing_else() throws Exception {
        assertTrue(Files.isRegularFile(README), "the README is not at " + README.toAbsolutePath().normalize()
                + " (the test runs in the module directory and reads the project's README)");
        Map<String, Optional<String>> table = ConfigTable.parse(Files.readString(README, StandardCharsets.UTF_8));

        List<String> problems = ConfigTable.problems(table, ConfigTable.definedKeys());
        assertTrue(problems.isEmpty(), "the README's configuration table is wrong:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void a_wrong_missing_or_unknown_row_is_reported() {
        String readme = "# x\n\n## Configuration\n\n| variable | default | meaning |\n|---|---|---|\n"
                + "| `IMAGEGEN_GROUP_ID` | `workers` | |\n"
                + "| `IMAGEGEN_PARTITIONS` | unset | |\n"
                + "| `<P>_MAX_IN_FLIGHT` | XENODIA `1`, APIXO `2`, BAILIAN `3` | |\n"
                + "| `IMAGEGEN_NOPE` | `1` | |\n\n## Next\n";
        List<ConfigKey> keys = List.of(WorkerKeys.GROUP_ID, WorkerKeys.PARTITIONS, WorkerKeys.HTTP_PORT,
                ConfigKey.of("XENODIA_MAX_IN_FLIGHT", "1", "d"), ConfigKey.of("APIXO_MAX_IN_FLIGHT", "2", "d"),
                ConfigKey.of("BAILIAN_MAX_IN_FLIGHT", "4", "d"));

        assertEquals(List.of(
                "IMAGEGEN_GROUP_ID shows default `workers` but it is `imagegen-worker`",
                "IMAGEGEN_PARTITIONS shows default unset but it is `6`",
                "IMAGEGEN_HTTP_PORT is missing (default `8080`)",
                "BAILIAN_MAX_IN_FLIGHT shows default `3` but it is `4`",
                "IMAGEGEN_NOPE is in the README but no such variable exists"),
                ConfigTable.problems(ConfigTable.parse(readme), keys));
    }
}
