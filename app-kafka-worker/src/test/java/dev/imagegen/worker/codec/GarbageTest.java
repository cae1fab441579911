package dev.imagegen.worker.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, reading a command returns a value and never throws. */
class GarbageTest {

    private static final byte[] VALID = CommandReaderTest.CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8);

    @Test
    void random_bytes_never_throw() {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertNotNull(CommandReaderTest.READER.read(bytes));
        }
    }

    @Test
    void mutations_of_a_valid_command_never_throw() {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = VALID.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Decoded decoded = CommandReaderTest.READER.read(bytes);
            assertNotNull(decoded);
            if (decoded instanceof Decoded.Invalid invalid) {
                assertNotNull(new EventWriter(Redactor.NONE).write(EventMessage.invalid(invalid,
                        java.time.Instant.EPOCH)));
            }
        }
    }

    @Test
    void structured_garbage_of_wrong_types_never_throws() {
        String[] values = {"null", "true", "1", "-1", "1e999", "1.5", "\"\"", "\"x\"", "[]", "{}", "[null]",
            "{\"a\":{}}", "\"\\u0000\"", "\"\\ud800\"", "123456789012345678901234567890"};
        String[] fields = {"type", "commandId", "provider", "model", "prompt", "negativePrompt", "aspectRatio",
            "resolution", "outputFormat", "n", "seed", "references", "providerOptions", "deadline", "metadata"};
        for (String field : fields) {
            for (String value : values) {
                String json = "{\"commandId\":\"c\",\"model\":\"m\",\"prompt\":\"p\",\"" + field + "\":" + value + "}";
                if (field.equals("commandId")) {
                    json = "{\"commandId\":" + value + "}";
                }
                assertNotNull(CommandReaderTest.READER.read(json.getBytes(StandardCharsets.UTF_8)), json);
            }
        }
    }

    @Test
    void a_huge_flat_array_is_unreadable_past_the_token_limit() {
        String json = "{\"commandId\":\"c\",\"x\":[" + "0,".repeat(300_000) + "0]}";
        Decoded decoded = CommandReaderTest.READER.read(json.getBytes(StandardCharsets.UTF_8));
        Decoded.Unreadable unreadable = assertInstanceOf(Decoded.Unreadable.class, decoded);
        assertEquals("more than " + JsonTree.MAX_TOKENS + " JSON tokens", unreadable.reason());
    }
}
