package dev.imagegen.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ConfigKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The environment tables of the project's contract ({@code docs/CONTRACT.md}) say what the code defines: every key,
 * its default, nothing else; what the contract lists as not yet implemented is indeed not defined; the READMEs link
 * that document, not one outside the repository.
 */
class ContractConfigTableTest {

    private static final Path CONTRACT = Path.of("..", "docs", "CONTRACT.md");
    private static final List<Path> READMES = List.of(Path.of("..", "README.md"), Path.of("README.md"));
    private static final String ENVIRONMENT = "Environment";
    private static final String NOT_YET = "Not yet implemented in this version";
    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");

    @Test
    void the_contract_environment_tables_list_every_key_with_its_default_and_nothing_else() throws IOException {
        Map<String, Optional<String>> tables = ConfigTable.parse(contract(), ENVIRONMENT);

        List<String> problems = ConfigTable.problems(tables, ConfigTable.definedKeys(), "docs/CONTRACT.md");
        assertTrue(problems.isEmpty(), "the environment tables of docs/CONTRACT.md are wrong:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void variables_the_contract_lists_as_not_yet_implemented_are_not_defined_in_code() throws IOException {
        Set<String> listed = variablesIn(ConfigTable.section(contract(), NOT_YET));
        Set<String> defined = ConfigTable.definedKeys().stream().map(ConfigKey::name).collect(Collectors.toSet());

        Set<String> implemented = listed.stream().filter(defined::contains).collect(Collectors.toSet());
        assertTrue(implemented.isEmpty(), "docs/CONTRACT.md lists " + implemented + " as not yet implemented, but "
                + "the code defines them: move them into the '## " + ENVIRONMENT + "' tables");
    }

    @Test
    void the_readmes_link_the_contract_in_the_repository_not_one_outside_it() throws IOException {
        for (Path readme : READMES) {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            assertFalse(text.contains("shared/CONTRACT"), readme.toAbsolutePath().normalize()
                    + " links a contract outside the repository");
            assertTrue(text.contains("docs/CONTRACT.md)"), readme.toAbsolutePath().normalize()
                    + " does not link docs/CONTRACT.md");
        }
    }

    @Test
    void every_table_of_a_section_is_read_and_its_subsections_with_it() {
        String markdown = "# x\n\n## Environment\n\n### The worker\n\n| variable | default | meaning |\n"
                + "|---|---|---|\n| `IMAGEGEN_GROUP_ID` | `imagegen-worker` | |\n\n"
                + "Some text between the tables.\n\n### The vendors\n\n| variable | default | meaning |\n"
                + "| --- | :--- | --- |\n| `<P>_MAX_IN_FLIGHT` | XENODIA `1`, APIXO `2`, BAILIAN `3` | |\n\n"
                + "## Not yet implemented in this version\n\n| variable | default | meaning |\n|---|---|---|\n"
                + "| `IMAGEGEN_LATER` | `1` | |\n";

        assertEquals(Map.of("IMAGEGEN_GROUP_ID", Optional.of("imagegen-worker"),
                "XENODIA_MAX_IN_FLIGHT", Optional.of("1"), "APIXO_MAX_IN_FLIGHT", Optional.of("2"),
                "BAILIAN_MAX_IN_FLIGHT", Optional.of("3")), ConfigTable.parse(markdown, ENVIRONMENT));
        assertEquals(Set.of("IMAGEGEN_LATER"), variablesIn(ConfigTable.section(markdown, NOT_YET)));
    }

    @Test
    void a_row_of_the_contract_that_no_key_defines_is_named_with_the_contract() {
        String markdown = "## Environment\n\n| variable | default | meaning |\n|---|---|---|\n"
                + "| `IMAGEGEN_GROUP_ID` | `imagegen-worker` | |\n| `IMAGEGEN_STORE_URL` | unset | |\n";

        assertEquals(List.of("IMAGEGEN_STORE_URL is in docs/CONTRACT.md but no such variable exists"),
                ConfigTable.problems(ConfigTable.parse("\n" + markdown, ENVIRONMENT), List.of(WorkerKeys.GROUP_ID),
                        "docs/CONTRACT.md"));
    }

    private static String contract() throws IOException {
        assertTrue(Files.isRegularFile(CONTRACT), "the contract is not at " + CONTRACT.toAbsolutePath().normalize()
                + " (the test runs in the module directory and reads the project's docs/CONTRACT.md)");
        return Files.readString(CONTRACT, StandardCharsets.UTF_8);
    }

    private static Set<String> variablesIn(String text) {
        Matcher m = VARIABLE.matcher(text);
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
