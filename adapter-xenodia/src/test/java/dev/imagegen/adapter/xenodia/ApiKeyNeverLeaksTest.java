package dev.imagegen.adapter.xenodia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The key never appears in an exception, a toString or a log line of this module, even when the vendor quotes it
 * back; the test log runs this module at DEBUG and the Micronaut client at TRACE (simplelogger.properties).
 */
class ApiKeyNeverLeaksTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia();

    private static final String WRONG_KEY = "xd-LEAKCHECK-wrong-key-5f1e2d9c";

    @Test
    void a_rejected_key_quoted_back_by_the_vendor_is_redacted_from_failures_and_module_logs() {
        XENODIA.simulator().echoPresentedKey(true);
        Map<String, String> config = Fixtures.config(XENODIA.simulator());
        config.put("XENODIA_API_KEY", WRONG_KEY);
        long mark = LogFile.mark();
        try (ImageProvider provider = Fixtures.provider(config)) {
            ProviderException submit = failure(provider.submit(Fixtures.typical()));
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, submit.code());
            assertTrue(submit.getMessage().contains("[secret]"), "the vendor did quote the key: " + submit);
            ProviderException poll = failure(provider.poll(new ProviderTaskRef(XenodiaConfig.PROVIDER_ID,
                    Fixtures.typical().model(), "task_1")));
            assertEquals(ErrorCode.AUTHENTICATION_FAILED, poll.code());
            for (ProviderException e : List.of(submit, poll)) {
                assertNoKey(WRONG_KEY, e.getMessage());
                assertNoKey(WRONG_KEY, String.valueOf(e));
                assertNoKey(WRONG_KEY, String.valueOf(e.providerCode().orElse("")));
                assertNoKey(WRONG_KEY, e.toFailure().toString());
            }
        }
        String log = LogFile.since(mark);
        assertTrue(log.contains("AUTHENTICATION_FAILED"), "the 401 was logged at debug:\n" + log);
        moduleAndHeaderLines(log).forEach(line -> assertNoKey(WRONG_KEY, line));
    }

    @Test
    void the_key_is_absent_from_a_whole_debug_logged_task_and_its_error_answers() {
        long mark = LogFile.mark();
        try (ImageProvider provider = Fixtures.provider(XENODIA.simulator())) {
            Submission.Accepted accepted = assertInstanceOf(Submission.Accepted.class,
                    provider.submit(Fixtures.typical()).toCompletableFuture().join());
            TaskSnapshot snapshot;
            do {
                snapshot = provider.poll(accepted.task()).toCompletableFuture().join();
            } while (!snapshot.state().terminal());
            assertEquals(ProviderTaskState.SUCCEEDED, snapshot.state());
            for (int status : new int[] {401, 429, 500}) {
                XENODIA.simulator().failNextSubmit(status, null, 1);
                assertNoKey(XENODIA.simulator().apiKey(), String.valueOf(failure(provider.submit(Fixtures.typical()))));
            }
        }
        String log = LogFile.since(mark);
        assertTrue(log.contains("DEBUG dev.imagegen.adapter.xenodia"), "module debug lines were written");
        assertTrue(log.contains("Authorization: *MASKED*"), "the client traced its headers");
        assertNoKey(XENODIA.simulator().apiKey(), log);
    }

    @Test
    void the_config_shows_no_key() {
        XenodiaConfig config = XenodiaConfig.read(ProviderConfig.of(Map.of("XENODIA_API_KEY", WRONG_KEY)));
        assertNoKey(WRONG_KEY, config.toString());
        assertTrue(config.toString().contains("[secret]"));
    }

    private static List<String> moduleAndHeaderLines(String log) {
        return log.lines().filter(l -> l.contains("dev.imagegen.adapter.xenodia") || l.contains("Authorization"))
                .toList();
    }

    private static void assertNoKey(String key, String text) {
        assertFalse(text.contains(key), () -> "the API key leaked into: " + text);
    }

    private static ProviderException failure(CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return assertInstanceOf(ProviderException.class, e.getCause());
    }
}
