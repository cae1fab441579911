package dev.imagegen.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.imagegen.worker.config.WorkerKeys;
import dev.imagegen.worker.testing.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The documents of {@code docs/schemas} are what they claim: JSON Schemas valid under the 2020-12 meta-schema, and
 * an AsyncAPI 3.0 document whose four channels are the worker's default topics and whose messages point at those
 * schemas. The README and docs/CONTRACT.md link them.
 */
class SchemaDocumentsTest {

    private static final Path ASYNCAPI = ContractSchemas.DIRECTORY.resolve("asyncapi.yaml");

    @Test
    void every_schema_is_a_valid_json_schema_2020_12() throws Exception {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (ContractSchemas schema : ContractSchemas.values()) {
            String text = Files.readString(schema.file(), StandardCharsets.UTF_8);
            assertEquals(java.util.List.of(), meta.validate(text, InputFormat.JSON).stream().map(Object::toString)
                    .toList(), schema.file().toString());
            JsonNode root = new YAMLMapper().readTree(text);
            assertEquals("https://json-schema.org/draft/2020-12/schema", root.path("$schema").asString());
            assertEquals(schema.type(), root.path("title").asString());
        }
    }

    @Test
    void the_asyncapi_document_names_the_four_topics_and_the_message_schemas() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(Files.readString(ASYNCAPI, StandardCharsets.UTF_8));
        assertEquals("3.0.0", doc.path("asyncapi").asString());
        Map<String, String> addresses = new TreeMap<>();
        doc.path("channels").properties().forEach(e -> addresses.put(e.getKey(), e.getValue().path("address")
                .asString()));
        assertEquals(new TreeMap<>(Map.of("commands", WorkerKeys.COMMANDS_TOPIC.defaultValue(),
                "events", WorkerKeys.EVENTS_TOPIC.defaultValue(), "deadLetters", WorkerKeys.DLQ_TOPIC.defaultValue(),
                "tasks", WorkerKeys.TASKS_TOPIC.defaultValue())), addresses);
        for (ContractSchemas schema : ContractSchemas.values()) {
            JsonNode message = doc.path("components").path("messages").properties().stream()
                    .map(Map.Entry::getValue).filter(m -> schema.type().equals(m.path("name").asString()))
                    .findFirst().orElseThrow(() -> new AssertionError("no message named " + schema.type()));
            JsonNode payload = message.path("payload");
            assertEquals("application/schema+json;version=draft-2020-12", payload.path("schemaFormat").asString());
            assertEquals("./" + schema.file().getFileName(), payload.path("schema").path("$ref").asString());
        }
    }

    @Test
    void the_readme_and_the_contract_link_the_schemas() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String contract = Files.readString(Path.of("..", "docs", "CONTRACT.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("](docs/schemas/asyncapi.yaml)"), "the README links docs/schemas/asyncapi.yaml");
        for (ContractSchemas schema : ContractSchemas.values()) {
            assertTrue(readme.contains("](docs/schemas/" + schema.file().getFileName() + ")"),
                    "the README links " + schema.file().getFileName());
            assertTrue(contract.contains("](schemas/" + schema.file().getFileName() + ")"),
                    "docs/CONTRACT.md links " + schema.file().getFileName());
        }
        assertTrue(contract.contains("](schemas/asyncapi.yaml)"), "docs/CONTRACT.md links schemas/asyncapi.yaml");
    }
}
