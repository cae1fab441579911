package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Submission;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The module logs at debug in tests (simplelogger.properties, to System.err, read at each call): capture it around
 * a rejected key (401) and a whole task, and look for the keys.
 */
class ApixoKeyNeverLoggedTest {

    private static final String SIM_KEY = "sk-apixo-sim-7f3e9a1c";
    private static final String WRONG_KEY = "sk-apixo-wrong-5d2b8e4f";

    @Test
    void neither_a_rejected_nor_an_accepted_key_reaches_the_log_or_the_errors() throws Exception {
        assertTrue(LoggerFactory.getLogger(ApixoProvider.class).isDebugEnabled(), "the test needs debug logging");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder errors = new StringBuilder();
        try (ApixoSimulator simulator = ApixoSimulator.start(
                dev.imagegen.testkit.apixo.SimOptions.fast().withApiKey(SIM_KEY))) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (ImageProvider wrong = new ApixoProviderFactory().create(Fixtures.config(simulator,
                    Map.of("APIXO_API_KEY", WRONG_KEY)))) {
                try {
                    wrong.submit(ProviderRequest.builder("nano-banana-pro", "a cat").build()).toCompletableFuture()
                            .join();
                } catch (CompletionException e) {
                    ProviderException pe = ProviderException.find(e).orElseThrow();
                    errors.append(pe).append(pe.getMessage()).append(pe.toFailure());
                }
            }
            try (ImageProvider right = new ApixoProviderFactory().create(Fixtures.config(simulator))) {
                Submission.Accepted accepted = (Submission.Accepted) right.submit(ProviderRequest.builder(
                        "nano-banana-pro", "a cat").build()).toCompletableFuture().get(5, TimeUnit.SECONDS);
                Thread.sleep(300);
                errors.append(right.poll(accepted.task()).toCompletableFuture().get(5, TimeUnit.SECONDS));
                errors.append(right.descriptor()).append(right.taskSettings());
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("AUTHENTICATION_FAILED") && log.contains("is success"), "debug log not captured: "
                + log);
        for (String key : new String[] {SIM_KEY, WRONG_KEY}) {
            assertFalse(log.contains(key), "key in the log");
            assertFalse(errors.toString().contains(key), "key in an error or snapshot");
        }
    }
}
