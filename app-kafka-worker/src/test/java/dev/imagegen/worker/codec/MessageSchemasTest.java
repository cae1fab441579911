package dev.imagegen.worker.codec;

import static dev.imagegen.worker.codec.EventWriterTest.APIXO;
import static dev.imagegen.worker.codec.EventWriterTest.T0;
import static dev.imagegen.worker.codec.EventWriterTest.accepted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.task.Task;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.StoredImage;
import dev.imagegen.worker.testing.ContractSchemas;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schemas in {@code docs/schemas} describe what the codecs really read and write: every event the writer makes
 * (each status, each error code, each vendor cancellation, the reduced and the capped ones) keeps the event schema;
 * the contract's examples keep theirs; a command keeps the command schema exactly when the reader takes it, for a
 * table of valid commands and one of every kind of contract break. The events of the integration tests are checked
 * too, where they are read ({@code it.KafkaFixture}, {@code it.DemoIT}).
 */
class MessageSchemasTest {

    private static final EventWriter WRITER = new EventWriter(Redactor.NONE);
    private static final ProviderTaskRef REF = new ProviderTaskRef(APIXO, ModelId.of("nano-banana-pro"), "task_1");
    private static final GeneratedImage IMAGE = new GeneratedImage(URI.create("https://r2.apixo.ai/image.png"),
            Instant.parse("2026-11-23T09:00:00Z"));
    private static final StoredImage COPY = new StoredImage(URI.create("file:///var/images/order-42-hero/0.png"),
            "0f".repeat(32), 52_311, "image/png");

    private static void assertEventValid(EventMessage event) {
        ContractSchemas.EVENT.assertValid(WRITER.write(event));
    }

    private static void assertEventValid(Task task) {
        assertEventValid(EventMessage.of(TaskEvent.of(task)));
    }

    @Test
    void every_status_the_event_writer_writes_keeps_the_event_schema() {
        Task accepted = accepted();
        Task submitted = accepted.submitting(APIXO, T0).submitted(REF, T0);
        Task running = submitted.running(T0);
        EnumSet<TaskState> seen = EnumSet.noneOf(TaskState.class);
        for (Task task : List.of(accepted, submitted, running, running.progressed(0, T0), running.progressed(100, T0),
                running.succeeded(List.of(IMAGE), List.of("a warning"), T0),
                running.succeeded(List.of(IMAGE.withStored(COPY), new GeneratedImage(IMAGE.url(), null)),
                        List.of("image 1 was not stored: refused"), T0),
                accepted.submitting(APIXO, T0).succeeded(List.of(IMAGE), List.of(), T0),
                accepted.submitting(APIXO, T0).submitted(REF, Cost.ofMicros(240_000, "USDC", "vendor price list"), T0)
                        .succeeded(List.of(IMAGE), List.of(), T0),
                running.failed(new ProviderFailure(ErrorCode.GENERATION_FAILED, null, "x"), T0)
                        .costed(Cost.ofMicros(0, "USDC", "vendor billing")),
                running.cancelled("user closed the page", CancelOutcome.NOT_SUPPORTED, T0),
                accepted.cancelled(null, null, T0))) {
            assertEventValid(task);
            seen.add(task.state());
        }
        for (ErrorCode code : ErrorCode.values()) {
            assertEventValid(accepted.failed(new ProviderFailure(code, "vendor-" + code, "why " + code), T0));
            assertEventValid(running.failed(new ProviderFailure(code, null, ""), T0));
            seen.add(TaskState.FAILED);
        }
        for (CancelOutcome outcome : CancelOutcome.values()) {
            assertEventValid(running.cancelled("stop", outcome, T0));
            assertEventValid(running.failed(new ProviderFailure(ErrorCode.TIMEOUT, null, "deadline"), outcome, T0));
        }
        assertEquals(EnumSet.allOf(TaskState.class), seen);
    }

    @Test
    void the_events_the_worker_answers_itself_keep_the_event_schema() {
        GenerationRequest request = GenerationRequest.builder().id("order-42-hero").provider("apixo")
                .model("nano-banana-pro").prompt("p").metadata(Map.of("tenant", "acme")).build();
        assertEventValid(EventMessage.cancelledBeforeStart(request, "user closed the page", T0));
        assertEventValid(EventMessage.cancelledBeforeStart(request, null, T0));
        assertEventValid(EventMessage.failed("order-42-hero", ErrorCode.INVALID_REQUEST, "too large", Map.of(), T0));
        assertEventValid(EventMessage.invalid(new Decoded.Invalid("x".repeat(1024), "nope", null, Map.of(),
                "commandId: must be 1-128 characters"), T0));
        Decoded.Invalid invalid = assertInstanceOf(Decoded.Invalid.class, CommandReaderTest.read(
                "{\"commandId\":\"bad id!\",\"model\":\"m\",\"metadata\":{\"k\":\"v\"}}"));
        assertEventValid(EventMessage.invalid(invalid, T0));
        EventMessage big = new EventMessage("c\ud800", TaskState.FAILED, null, null, "t".repeat(5000), List.of(),
                new ProviderFailure(ErrorCode.GENERATION_FAILED, "p".repeat(5000), "x".repeat(100_000)),
                java.util.Collections.nCopies(80, "w".repeat(2000)), List.of(), T0, Map.of("k", "\udc00"), null, null);
        assertEventValid(big);
        assertEventValid(big.reduced("event too large: warnings and metadata left out"));
    }

    @Test
    void the_event_schema_refuses_what_the_contract_forbids() {
        String good = new String(WRITER.write(EventMessage.of(TaskEvent.of(accepted().submitting(APIXO, T0)
                .succeeded(List.of(IMAGE), List.of(), T0)))), StandardCharsets.UTF_8);
        ContractSchemas.EVENT.assertValid(good);
        for (String[] change : new String[][] {
                {"\"terminal\":true", "\"terminal\":false"},
                {"\"status\":\"SUCCEEDED\"", "\"status\":\"DONE\""},
                {"\"images\":[{\"url\":\"https://r2.apixo.ai/image.png\",\"expiresAt\":\"2026-11-23T09:00:00Z\"}]",
                        "\"images\":[]"},
                {"\"error\":null", "\"error\":{\"code\":\"OOPS\",\"message\":\"m\",\"retryable\":false,"
                        + "\"providerCode\":null}"},
                {"\"occurredAt\":\"2026-11-22T09:00:00Z\"", "\"occurredAt\":\"yesterday\""},
                {"\"type\":\"imagegen.task.v1\",", ""},
                {"\"metadata\":{\"tenant\":\"acme\"}", "\"metadata\":{\"tenant\":1}"},
                {"\"attempts\":[", "\"progress\":40,\"attempts\":["}}) {
            assertTrue(good.contains(change[0]), change[0] + " in " + good);
            String bad = good.replace(change[0], change[1]);
            assertFalse(ContractSchemas.EVENT.problems(bad).isEmpty(), "the schema takes " + bad);
        }
    }

    @Test
    void the_contract_examples_keep_their_schemas() throws Exception {
        String contract = Files.readString(Path.of("..", "docs", "CONTRACT.md"), StandardCharsets.UTF_8);
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(contract);
        List<String> types = new ArrayList<>();
        while (blocks.find()) {
            String json = blocks.group(1);
            Map<?, ?> message = assertInstanceOf(Map.class, JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)));
            ContractSchemas schema = json.contains("imagegen.task.v1") ? ContractSchemas.EVENT
                    : ContractSchemas.forCommand(json);
            schema.assertValid(json);
            types.add((String) message.get("type"));
        }
        assertEquals(List.of("imagegen.generate.v1", "imagegen.cancel.v1", "imagegen.task.v1"), types);
        ContractSchemas.GENERATE.assertValid(CommandReaderTest.CONTRACT_EXAMPLE);
    }

    /** Commands the reader takes: the schema takes them too. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\"}",
        "{\"type\":null,\"commandId\":\"A.b_c:d-9\",\"provider\":null,\"model\":\"qwen/image:1\",\"prompt\":\" p \","
                + "\"n\":null,\"seed\":2147483647,\"references\":[],\"metadata\":{},\"unknownField\":{\"x\":1}}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"aspectRatio\":\"auto\",\"resolution\":\"4K\","
                + "\"outputFormat\":\"jpeg\",\"n\":4,\"deadline\":\"2026-11-22T10:15:00Z\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"references\":[{\"url\":\"http://h/x.png\"},"
                + "{\"base64\":\"iVBORw0KGgo=\",\"mimeType\":\"image/webp\"}],\"providerOptions\":{\"bailian\":{}}}",
    })
    void a_command_the_reader_takes_keeps_the_schema(String json) {
        Decoded decoded = CommandReaderTest.read(json);
        assertInstanceOf(Decoded.Command.class, decoded, () -> json + ": " + decoded);
        ContractSchemas.GENERATE.assertValid(json);
    }

    /** Commands that break the contract: the reader answers INVALID_REQUEST and the schema refuses them. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"commandId\":\"a\",\"model\":\"m\"}",
        "{\"commandId\":\"a\",\"prompt\":\"p\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"   \"}",
        "{\"commandId\":\"a b\",\"model\":\"m\",\"prompt\":\"p\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"type\":\"imagegen.generate.v2\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"provider\":\"Not An Id\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"aspectRatio\":\"wide\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"resolution\":\"8K\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"outputFormat\":\"gif\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"n\":0}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"n\":1.5}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"seed\":\"42\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"seed\":-1}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"seed\":2147483648}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"references\":{\"url\":\"https://h/x.png\"}}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"references\":[\"https://h/x.png\"]}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"references\":[{\"url\":\"ftp://h/x.png\"}]}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"references\":[{\"base64\":\"iVBO\"}]}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"references\":[{\"url\":\"https://h/x.png\","
                + "\"base64\":\"iVBO\",\"mimeType\":\"image/png\"}]}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"providerOptions\":{\"apixo\":1}}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"deadline\":\"tomorrow\"}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"metadata\":{\"k\":1}}",
        "{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"metadata\":[]}",
    })
    void a_command_the_reader_answers_invalid_breaks_the_schema(String json) {
        assertInstanceOf(Decoded.Invalid.class, CommandReaderTest.read(json), json);
        assertFalse(ContractSchemas.GENERATE.problems(json).isEmpty(), "the schema takes " + json);
    }

    @Test
    void too_much_metadata_breaks_both() {
        StringBuilder json = new StringBuilder("{\"commandId\":\"a\",\"model\":\"m\",\"prompt\":\"p\",\"metadata\":{");
        for (int i = 0; i < 33; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        String command = json.append("}}").toString();
        assertInstanceOf(Decoded.Invalid.class, CommandReaderTest.read(command));
        assertFalse(ContractSchemas.GENERATE.problems(command).isEmpty());
    }

    @Test
    void a_cancel_keeps_the_cancel_schema_exactly_when_the_reader_takes_it() {
        for (String json : List.of("{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"order-42-hero\"}",
                "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"a\",\"reason\":null}",
                "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"a\",\"reason\":\"" + "r".repeat(256) + "\"}")) {
            assertInstanceOf(Decoded.Cancel.class, CommandReaderTest.read(json), json);
            ContractSchemas.CANCEL.assertValid(json);
        }
        for (String json : List.of("{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"a b\"}",
                "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"a\",\"reason\":7}",
                "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"a\",\"reason\":\"" + "r".repeat(257) + "\"}",
                "{\"type\":\"imagegen.cancel.v1\"}")) {
            assertInstanceOf(Decoded.Unreadable.class, CommandReaderTest.read(json), json);
            assertFalse(ContractSchemas.CANCEL.problems(json).isEmpty(), "the schema takes " + json);
        }
    }
}
