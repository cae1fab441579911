package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.bailian.BailianSimulator;
import dev.imagegen.testkit.bailian.SimOptions;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The module logs at debug level in tests, to {@code target/bailian-adapter-test.log} (see
 * {@code simplelogger.properties}); this test reads what a 401 and a whole debug-logged task wrote there.
 */
class KeyNeverLoggedTest {

    private static final Path LOG = Path.of("target", "bailian-adapter-test.log");

    @Test
    void the_api_key_appears_in_no_log_line_message_or_snapshot() throws Exception {
        assertTrue(LoggerFactory.getLogger(BailianProvider.class).isDebugEnabled(), "the test needs debug logging");
        String key = "sk-leakcheck-" + UUID.randomUUID();
        String wrongKey = "sk-leakcheck-wrong-" + UUID.randomUUID();
        long offset = Files.exists(LOG) ? Files.size(LOG) : 0;
        try (BailianSimulator sim = BailianSimulator.start(SimOptions.defaults().apiKey(key)
                .style(BailianSimulator.Style.DASHSCOPE));
             ImageProvider good = provider(sim, key);
             ImageProvider wrong = provider(sim, wrongKey)) {
            ProviderRequest request = ProviderRequest.builder("wan2.2-t2i-flash", "p").correlationId("leak-1")
                    .build();
            ProviderException refused = Fixture.failure(() -> wrong.submit(request).toCompletableFuture().join());
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, refused.code());
            sim.failNextSubmit(401, "InvalidApiKey", null);
            ProviderException rejected = Fixture.failure(() -> good.submit(request).toCompletableFuture().join());
            sim.failTasksWith("DataInspectionFailed");
            String snapshot = runToEnd(good, request).toString();
            for (String text : List.of(String.valueOf(refused), String.valueOf(rejected), snapshot,
                    good.toString(), good.descriptor().toString())) {
                assertFalse(text.contains(key) || text.contains(wrongKey), () -> "leaked into: " + text);
            }
        }
        byte[] all = Files.readAllBytes(LOG);
        String logged = new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        assertTrue(logged.contains("bailian submit leak-1"), "debug lines were written:\n" + logged);
        assertTrue(logged.contains("AUTHENTICATION_FAILED"), "the 401 was logged:\n" + logged);
        assertFalse(logged.contains(key), "the key leaked into the log");
        assertFalse(logged.contains(wrongKey), "the wrong key leaked into the log");
    }

    private static TaskSnapshot runToEnd(ImageProvider provider, ProviderRequest request) throws Exception {
        ProviderTaskRef task = ((Submission.Accepted) provider.submit(request).toCompletableFuture().get()).task();
        TaskSnapshot end;
        do {
            Thread.sleep(30);
            end = provider.poll(task).toCompletableFuture().get();
        } while (!end.state().terminal());
        return end;
    }

    private static ImageProvider provider(BailianSimulator sim, String key) {
        return new BailianProviderFactory().create(ProviderConfig.of(Map.of("BAILIAN_API_KEY", key,
                "BAILIAN_BASE_URL", sim.baseUrl().toString(), "BAILIAN_API_STYLE", "dashscope")));
    }
}
