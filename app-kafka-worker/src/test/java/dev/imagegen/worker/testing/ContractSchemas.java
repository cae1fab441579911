package dev.imagegen.worker.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The message schemas of {@code docs/schemas} (JSON Schema 2020-12, format assertions on), read from the project's
 * files so that the tests check the very documents users read. Thread-safe.
 */
public enum ContractSchemas {

    GENERATE("imagegen.generate.v1"),
    CANCEL("imagegen.cancel.v1"),
    EVENT("imagegen.task.v1");

    /** The schemas' folder, seen from the module directory the tests run in. */
    public static final Path DIRECTORY = Path.of("..", "docs", "schemas");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final String type;
    private volatile Schema schema;

    ContractSchemas(String type) {
        this.type = type;
    }

    /** The message type this schema describes, e.g. {@code imagegen.task.v1}. */
    public String type() {
        return type;
    }

    public Path file() {
        return DIRECTORY.resolve(type + ".schema.json");
    }

    /** Every way the JSON breaks this schema; empty when it keeps it. */
    public List<String> problems(String json) {
        return schema().validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public List<String> problems(byte[] json) {
        return problems(new String(json, StandardCharsets.UTF_8));
    }

    /** Fails, naming every problem and the message, unless the JSON keeps this schema. */
    public void assertValid(String json) {
        List<String> problems = problems(json);
        if (!problems.isEmpty()) {
            throw new AssertionError(type + " schema (" + file().normalize() + ") refuses this message:\n  "
                    + problems.stream().collect(Collectors.joining("\n  ")) + "\nmessage: " + json);
        }
    }

    public void assertValid(byte[] json) {
        assertValid(new String(json, StandardCharsets.UTF_8));
    }

    /** The schema a command on the commands topic is read by: cancel when its type says so, else generate. */
    public static ContractSchemas forCommand(String json) {
        return json.replace(" ", "").contains("\"type\":\"imagegen.cancel.v1\"") ? CANCEL : GENERATE;
    }

    private Schema schema() {
        Schema s = schema;
        if (s == null) {
            try (InputStream in = Files.newInputStream(file())) {
                s = REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file().toAbsolutePath().normalize()
                        + " (the tests run in the module directory)", e);
            }
            schema = s;
        }
        return s;
    }
}
