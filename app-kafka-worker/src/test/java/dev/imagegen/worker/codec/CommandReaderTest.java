package dev.imagegen.worker.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.spi.AspectRatio;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandReaderTest {

    static final CommandReader READER = new CommandReader(Set.of(ProviderId.of("xenodia"), ProviderId.of("apixo"),
            ProviderId.of("bailian")));

    static final String CONTRACT_EXAMPLE = """
            {
              "type": "imagegen.generate.v1",
              "commandId": "order-42-hero",
              "provider": "apixo",
              "model": "nano-banana-pro",
              "prompt": "A cinematic banana pilot on a wet neon runway",
              "negativePrompt": "blurry",
              "aspectRatio": "16:9",
              "resolution": "2K",
              "outputFormat": "png",
              "n": 1,
              "seed": 42,
              "references": [
                { "url": "https://example.com/ref-1.png" },
                { "base64": "iVBORw0KGgo=", "mimeType": "image/png" }
              ],
              "providerOptions": { "apixo": { "provider": "value", "nested": {"a": [1, 2.5, null, true]} } },
              "deadline": "2026-11-22T10:15:00Z",
              "metadata": { "tenant": "acme" }
            }""";

    static Decoded read(String json) {
        return READER.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static String invalidMessage(String json) {
        return assertInstanceOf(Decoded.Invalid.class, read(json)).message();
    }

    static String unreadableReason(byte[] bytes) {
        return assertInstanceOf(Decoded.Unreadable.class, READER.read(bytes)).reason();
    }

    static String command(String fields) {
        String model = fields.startsWith(",\"model\"") ? "" : ",\"model\":\"nano-banana-pro\"";
        String prompt = fields.startsWith(",\"prompt\"") ? "" : ",\"prompt\":\"a banana\"";
        return "{\"commandId\":\"c-1\"" + model + prompt + fields + "}";
    }

    @Test
    void reads_the_contract_example_into_a_request() {
        GenerationRequest r = assertInstanceOf(Decoded.Command.class, read(CONTRACT_EXAMPLE)).request();

        assertEquals("order-42-hero", r.id().value());
        assertEquals(ProviderId.of("apixo"), r.provider());
        assertEquals("nano-banana-pro", r.model().value());
        assertEquals("blurry", r.negativePrompt());
        assertEquals(AspectRatio.of(16, 9), r.aspectRatio());
        assertEquals(Resolution.TWO_K, r.resolution());
        assertEquals(OutputFormat.PNG, r.outputFormat());
        assertEquals(1, r.n());
        assertEquals(42L, r.seed());
        assertEquals(Reference.url("https://example.com/ref-1.png"), r.references().get(0));
        assertInstanceOf(Reference.Inline.class, r.references().get(1));
        assertEquals("value", r.optionsFor(ProviderId.of("apixo")).get("provider"));
        assertEquals(Instant.parse("2026-11-22T10:15:00Z"), r.deadline());
        assertEquals(Map.of("tenant", "acme"), r.metadata());
    }

    @Test
    void reads_a_cancel_with_and_without_a_reason() {
        Decoded.Cancel cancel = assertInstanceOf(Decoded.Cancel.class, read(
                "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"order-42-hero\",\"reason\":\"user closed the page\"}"));
        assertEquals("order-42-hero", cancel.commandId());
        assertEquals("user closed the page", cancel.reason());
        assertNull(assertInstanceOf(Decoded.Cancel.class, read(
                "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"order-42-hero\"}")).reason());
    }

    @Test
    void a_cancel_that_breaks_the_contract_goes_to_the_dlq_and_names_the_field() {
        String tooLong = "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"c-1\",\"reason\":\"" + "x".repeat(257) + "\"}";
        assertTrue(unreadableReason(tooLong.getBytes(StandardCharsets.UTF_8)).contains("reason must be a string of at most 256"));
        String badId = "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"has space\"}";
        assertTrue(unreadableReason(badId.getBytes(StandardCharsets.UTF_8)).contains("commandId must be 1-128"));
        String numberReason = "{\"type\":\"imagegen.cancel.v1\",\"commandId\":\"c-1\",\"reason\":42}";
        assertTrue(unreadableReason(numberReason.getBytes(StandardCharsets.UTF_8)).contains("reason"));
    }

    @Test
    void reads_a_callback_handed_on_by_another_worker_and_refuses_a_malformed_one() {
        byte[] record = CallbackRecord.write(new CallbackRecord("c-7", "apixo", "c-7~mac", new byte[] {1, 2, 3}));
        CallbackRecord back = assertInstanceOf(Decoded.Callback.class, READER.read(record)).callback();
        assertEquals("c-7", back.commandId());
        assertEquals("apixo", back.provider());
        assertEquals("c-7~mac", back.token());
        assertArrayEquals(new byte[] {1, 2, 3}, back.body());
        String noBody = "{\"type\":\"imagegen.callback.v1\",\"commandId\":\"c-7\",\"provider\":\"apixo\",\"token\":\"t\"}";
        assertTrue(unreadableReason(noBody.getBytes(StandardCharsets.UTF_8)).contains("needs provider, token and body"));
    }

    @Test
    void an_unknown_type_names_both_command_types() {
        assertTrue(invalidMessage(command(",\"type\":\"imagegen.delete.v1\"")).contains("imagegen.cancel.v1"));
    }

    @Test
    void reads_a_minimal_command_with_defaults() {
        GenerationRequest r = assertInstanceOf(Decoded.Command.class, read(command(""))).request();
        assertNull(r.provider());
        assertEquals(1, r.n());
        assertEquals(List.of(), r.references());
    }

    @Test
    void null_optional_fields_count_as_absent_and_unknown_fields_are_ignored() {
        assertInstanceOf(Decoded.Command.class, read(command(",\"provider\":null,\"seed\":null,\"future\":{\"x\":1}")));
    }

    @Test
    void not_json_goes_to_the_dlq() {
        assertTrue(unreadableReason("hello".getBytes(StandardCharsets.UTF_8)).startsWith("not JSON"));
        assertEquals("empty value", unreadableReason(new byte[0]));
        assertEquals("empty value", unreadableReason(null));
    }

    @Test
    void invalid_utf8_goes_to_the_dlq() {
        byte[] bytes = command("").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 5] = (byte) 0xC3;
        bytes[bytes.length - 4] = (byte) 0x28;
        assertTrue(unreadableReason(bytes).startsWith("not JSON"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "null", "true"})
    void a_json_value_that_is_not_an_object_goes_to_the_dlq(String json) {
        assertEquals("not a JSON object", unreadableReason(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\":\"m\",\"prompt\":\"p\"}", "{\"commandId\":42,\"prompt\":\"p\"}",
            "{\"commandId\":\"\"}", "{\"commandId\":[\"a\"]}", "{\"commandId\":null}"})
    void a_command_without_a_readable_command_id_goes_to_the_dlq(String json) {
        assertInstanceOf(Decoded.Unreadable.class, read(json));
    }

    @Test
    void deep_nesting_trailing_content_and_duplicate_keys_go_to_the_dlq() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertTrue(unreadableReason(deep.getBytes(StandardCharsets.UTF_8)).startsWith("not JSON"));
        String nestedInField = command(",\"providerOptions\":{\"apixo\":" + "{\"a\":".repeat(100) + "1"
                + "}".repeat(100) + "}");
        assertInstanceOf(Decoded.Unreadable.class, read(nestedInField));
        assertEquals("content after the JSON value", unreadableReason((command("") + " {}")
                .getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(Decoded.Unreadable.class, read("{\"commandId\":\"a\",\"commandId\":\"b\"}"));
    }

    @Test
    void a_huge_command_id_goes_to_the_dlq_but_a_malformed_one_is_answered() {
        assertInstanceOf(Decoded.Unreadable.class, read("{\"commandId\":\"" + "a".repeat(2000) + "\"}"));
        Decoded.Invalid invalid = assertInstanceOf(Decoded.Invalid.class,
                read("{\"commandId\":\"has space\",\"model\":\"m\",\"prompt\":\"p\"}"));
        assertEquals("has space", invalid.commandId());
        assertTrue(invalid.message().startsWith("commandId 'has space' is not allowed"), invalid.message());
    }

    @Test
    void a_129_character_command_id_is_invalid() {
        String id = "a".repeat(129);
        assertTrue(invalidMessage("{\"commandId\":\"" + id + "\",\"model\":\"m\",\"prompt\":\"p\"}")
                .contains("commandId"));
        assertInstanceOf(Decoded.Command.class, read("{\"commandId\":\"" + "a".repeat(128)
                + "\",\"model\":\"m\",\"prompt\":\"p\"}"));
    }

    @Test
    void missing_required_fields_are_each_named() {
        String message = invalidMessage("{\"commandId\":\"c-1\"}");
        assertTrue(message.contains("model '(absent)'"), message);
        assertTrue(message.contains("prompt '(absent)'"), message);
    }

    @Test
    void a_blank_prompt_is_invalid() {
        assertTrue(invalidMessage("{\"commandId\":\"c\",\"model\":\"m\",\"prompt\":\"  \"}").contains("prompt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        ",\"type\":\"imagegen.generate.v2\"|type",
        ",\"provider\":\"openai\"|provider 'openai' is not allowed; allowed: one of apixo, bailian, xenodia",
        ",\"provider\":\"Not An Id\"|provider",
        ",\"provider\":7|provider 'a whole number'",
        ",\"prompt\":12|prompt 'a whole number' is not allowed; allowed: a string",
        ",\"model\":\"bad model!\"|model",
        ",\"model\":{}|model 'an object'",
        ",\"aspectRatio\":\"wide\"|aspectRatio 'wide'",
        ",\"aspectRatio\":1.5|aspectRatio 'a number'",
        ",\"resolution\":\"8K\"|resolution '8K'",
        ",\"outputFormat\":\"gif\"|outputFormat 'gif'",
        ",\"n\":\"2\"|n 'a string'",
        ",\"n\":1.5|n 'a number'",
        ",\"n\":0|n '0'",
        ",\"n\":-3|n '-3'",
        ",\"n\":99999999999|n '99999999999'",
        ",\"n\":123456789012345678901234567890|n '123456789012345678901234567890'",
        ",\"seed\":4.2|seed 'a number'",
        ",\"seed\":true|seed 'a boolean'",
        ",\"negativePrompt\":[]|negativePrompt 'an array'",
        ",\"deadline\":\"tomorrow\"|deadline 'tomorrow'",
        ",\"deadline\":1700000000|deadline",
        ",\"references\":{}|references 'an object'",
        ",\"references\":[42]|references[0] 'a whole number'",
        ",\"references\":[{\"url\":\"ftp://x/y.png\"}]|references[0].url",
        ",\"references\":[{\"url\":5}]|references[0] 'url is a whole number'",
        ",\"references\":[{\"url\":\"https://a/b.png\",\"base64\":\"AA==\"}]|references[0] 'fields",
        ",\"references\":[{\"base64\":\"***\",\"mimeType\":\"image/png\"}]|references[0] 'base64 is not valid",
        ",\"references\":[{\"base64\":\"AAAA\",\"mimeType\":\"PNG!\"}]|references[0].mimeType",
        ",\"references\":[{\"base64\":\"AAAA\"}]|references[0]",
        ",\"providerOptions\":[]|providerOptions 'an array'",
        ",\"providerOptions\":{\"apixo\":1}|providerOptions.apixo 'a whole number'",
        ",\"providerOptions\":{\"NOT valid\":{}}|providerOptions 'NOT valid'",
        ",\"metadata\":[]|metadata 'an array'",
        ",\"metadata\":{\"a\":1}|metadata.a 'a whole number'",
        ",\"metadata\":{\"a\":null}|metadata.a 'null'"})
    void each_contract_break_is_invalid_and_named(String caseText) {
        String[] parts = caseText.split("\\|", 2);
        String message = invalidMessage(command(parts[0]));
        assertTrue(message.contains(parts[1]), message);
    }

    @Test
    void more_than_32_metadata_entries_are_invalid() {
        StringBuilder fields = new StringBuilder(",\"metadata\":{");
        for (int i = 0; i < 33; i++) {
            fields.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertTrue(invalidMessage(command(fields + "}")).contains("at most 32 entries"));
    }

    @Test
    void metadata_larger_than_the_cap_is_invalid() {
        String big = "x".repeat(CommandReader.MAX_METADATA_CHARS);
        assertTrue(invalidMessage(command(",\"metadata\":{\"k\":\"" + big + "\"}")).contains("metadata"));
    }

    @Test
    void every_violation_is_reported_at_once() {
        String message = invalidMessage("{\"commandId\":\"c\",\"type\":\"x\",\"model\":3,\"n\":\"two\","
                + "\"aspectRatio\":\"wide\",\"metadata\":{\"a\":\"b\"}}");
        for (String field : List.of("type", "model", "prompt", "n", "aspectRatio")) {
            assertTrue(message.contains(field + " '"), field + " missing in: " + message);
        }
    }

    @Test
    void an_invalid_command_echoes_what_it_can() {
        Decoded.Invalid invalid = assertInstanceOf(Decoded.Invalid.class, read("{\"commandId\":\"c\","
                + "\"provider\":\"apixo\",\"model\":\"nano-banana-pro\",\"n\":\"x\",\"prompt\":\"p\","
                + "\"metadata\":{\"tenant\":\"acme\"}}"));
        assertEquals("apixo", invalid.provider());
        assertEquals("nano-banana-pro", invalid.model());
        assertEquals(Map.of("tenant", "acme"), invalid.metadata());
    }

    @Test
    void null_provider_options_values_are_dropped() {
        GenerationRequest r = assertInstanceOf(Decoded.Command.class,
                read(command(",\"providerOptions\":{\"apixo\":{\"a\":null,\"b\":1}}"))).request();
        assertEquals(Map.of("b", 1L), r.optionsFor(ProviderId.of("apixo")));
    }

    @Test
    void a_lone_surrogate_in_the_command_id_is_unreadable_and_in_metadata_invalid() {
        assertInstanceOf(Decoded.Unreadable.class, read("{\"commandId\":\"a\\ud800\"}"));
        assertTrue(invalidMessage(command(",\"metadata\":{\"k\":\"\\udc00\"}")).contains("valid Unicode"));
    }
}
