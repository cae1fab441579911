package dev.imagegen.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRegistry;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import dev.imagegen.testkit.VendorSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The provider contract: every adapter extends this class and runs it against its vendor simulator over loopback
 * HTTP. It checks the capability declarations and configuration keys, a success (sync or polled) whose image URLs
 * serve real images, a vendor task that fails with each failure code, each HTTP error class, and the mapping of
 * every vendor task state.
 *
 * <p>Subclasses manage the simulator's and provider's lifecycle (typically {@code @BeforeAll}/{@code @AfterAll});
 * the suite resets the simulator before each test.
 */
public abstract class ImageProviderContractTest {

    private static final Duration TASK_DEADLINE = Duration.ofSeconds(20);
    private static final Duration TRANSPORT_READ_TIMEOUT = Duration.ofMillis(500);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8};
    private static final HttpClient IMAGE_CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The factory, as ServiceLoader finds it. */
    protected abstract ImageProviderFactory factory();

    /** The provider under test, configured against the running simulator. */
    protected abstract ImageProvider provider();

    /** The simulator the provider talks to. */
    protected abstract VendorSimulator simulator();

    /** The API key the provider was configured with (the suite checks it never leaks). */
    protected abstract String apiKey();

    /** A request the provider accepts, for a model whose vendor runs tasks (polled). */
    protected abstract ProviderRequest typicalRequest();

    /** Every vendor task state word, and the state it must map to. */
    protected abstract Map<String, ProviderTaskState> vendorStates();

    /** Every vendor task failure code the adapter knows, and the code it must map to. */
    protected abstract Map<String, ErrorCode> taskFailures();

    /** Every HTTP error class of the vendor's submit endpoint and the code it must map to. */
    protected abstract List<HttpErrorCase> httpErrors();

    /**
     * A configuration of this provider with the simulator's API key, pointed at another base URL (a fault server
     * for the transport cases), with this read timeout and a connect timeout of a few seconds.
     */
    protected abstract ProviderConfig configAt(URI baseUrl, Duration readTimeout);

    @BeforeEach
    void resetSimulator() {
        simulator().reset();
    }

    @Test
    void factory_is_found_by_service_loader_under_its_id() {
        ProviderRegistry registry = ProviderRegistry.load(factory().getClass().getClassLoader());
        assertEquals(factory().getClass(), registry.factory(factory().id()).getClass());
    }

    @Test
    void descriptor_names_the_factory_id_and_serves_the_typical_model() {
        ProviderDescriptor descriptor = provider().descriptor();
        assertEquals(factory().id(), descriptor.id());
        assertTrue(descriptor.serves(typicalRequest().model()),
                () -> descriptor.id() + " must serve " + typicalRequest().model());
    }

    /**
     * The adapter holds to what its descriptor declares (the core refuses the same first): for every served model, a
     * request for more images than it declares, or with a seed where it declares none, is refused before any call
     * with UNSUPPORTED_PARAMETER (a vendor's refusal would be INVALID_REQUEST).
     */
    @TestFactory
    Stream<DynamicTest> each_served_model_is_refused_beyond_its_declaration_before_any_call() {
        return provider().descriptor().models().stream().flatMap(offer -> {
            ModelCapabilities declared = offer.capabilities();
            List<Reference> required = IntStream.range(0, declared.references().minCount())
                    .mapToObj(i -> (Reference) Reference.url("https://example.com/ref-" + i + ".png")).toList();
            ProviderRequest.Builder base = ProviderRequest.builder(offer.model().value(), "a lighthouse at dusk")
                    .references(required);
            Stream<DynamicTest> images = Stream.of(DynamicTest.dynamicTest(offer.model() + ": n = "
                    + (declared.maxImages() + 1), () -> assertRefusedBeforeAnyCall(
                    base.n(declared.maxImages() + 1).build())));
            Stream<DynamicTest> seed = declared.seed() ? Stream.empty()
                    : Stream.of(DynamicTest.dynamicTest(offer.model() + ": a seed", () -> assertRefusedBeforeAnyCall(
                    ProviderRequest.builder(offer.model().value(), "a lighthouse at dusk").references(required)
                            .seed(42L).build())));
            return Stream.concat(images, seed);
        });
    }

    private void assertRefusedBeforeAnyCall(ProviderRequest request) {
        ProviderException e = failureOf(() -> provider().submit(request).toCompletableFuture().join());
        assertEquals(ErrorCode.UNSUPPORTED_PARAMETER, e.code(), e::getMessage);
    }

    @Test
    void config_keys_are_documented_prefixed_and_the_api_key_is_a_secret() {
        String prefix = factory().id().value().toUpperCase().replace('-', '_') + "_";
        List<ConfigKey> keys = factory().configKeys();
        assertFalse(keys.isEmpty());
        for (ConfigKey key : keys) {
            assertTrue(key.name().startsWith(prefix), () -> key.name() + " must start with " + prefix);
            assertFalse(key.doc().isBlank(), () -> key.name() + " needs a doc line");
        }
        ConfigKey apiKey = keys.stream().filter(k -> k.name().equals(prefix + "API_KEY")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "API_KEY"));
        assertTrue(apiKey.secret());
        for (ConfigKey taskKey : provider().taskSettings().configKeys(factory().id())) {
            assertTrue(keys.contains(taskKey), () -> "configKeys() must list " + taskKey.name());
        }
        assertFalse(factory().enabled(ProviderConfig.of(Map.of())), "disabled without a key");
        assertTrue(factory().enabled(ProviderConfig.of(Map.of(apiKey.name(), "k"))), "enabled with a key");
    }

    @Test
    void typical_request_succeeds_with_images_that_can_be_fetched() throws Exception {
        List<GeneratedImage> images = generate(typicalRequest());
        assertFalse(images.isEmpty());
        for (GeneratedImage image : images) {
            byte[] body = fetch(image.url());
            assertTrue(startsWith(body, PNG_MAGIC) || startsWith(body, JPEG_MAGIC),
                    () -> image.url() + " did not serve a PNG or JPEG");
        }
    }

    @TestFactory
    Stream<DynamicTest> every_vendor_task_state_is_mapped() {
        return vendorStates().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " -> " + e.getValue(),
                () -> {
                    simulator().reset();
                    simulator().pinTasksTo(e.getKey());
                    TaskSnapshot snapshot = provider().poll(submitForTask(typicalRequest()))
                            .toCompletableFuture().get(10, TimeUnit.SECONDS);
                    assertEquals(e.getValue(), snapshot.state(), () -> "vendor state " + e.getKey());
                }));
    }

    @TestFactory
    Stream<DynamicTest> a_failed_vendor_task_maps_to_its_error_code() {
        return taskFailures().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " -> " + e.getValue(),
                () -> {
                    simulator().reset();
                    simulator().failTasksWith(e.getKey());
                    TaskSnapshot end = awaitTerminal(submitForTask(typicalRequest()));
                    assertEquals(ProviderTaskState.FAILED, end.state());
                    assertEquals(e.getValue(), end.failure().code());
                    assertEquals(e.getKey(), end.failure().providerCode());
                    assertNoSecret(end.failure().message());
                }));
    }

    @TestFactory
    Stream<DynamicTest> each_http_error_class_maps_to_its_error_code() {
        return httpErrors().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            simulator().reset();
            simulator().failNextSubmit(c.status(), c.vendorCode(), c.retryAfterSeconds());
            ProviderException e = failureOf(() -> provider().submit(typicalRequest()).toCompletableFuture().join());
            assertEquals(c.expected(), e.code(), () -> "HTTP " + c);
            if (c.retryAfterSeconds() != null) {
                assertEquals(Duration.ofSeconds(c.retryAfterSeconds()), e.retryAfter().orElse(null));
            }
            assertNoSecret(e.getMessage());
            assertNoSecret(String.valueOf(e));
        }));
    }

    /**
     * Every class of HTTP error has a case; a 504 to a submit leaves the outcome unknown (a gateway gave up waiting
     * while the vendor may have gone on to generate and bill), so the engine never resubmits it blindly.
     */
    @Test
    void http_errors_cover_every_class() {
        List<Integer> statuses = httpErrors().stream().map(HttpErrorCase::status).toList();
        for (int status : new int[] {400, 401, 429, 500, 504}) {
            assertTrue(statuses.contains(status), () -> "no case for HTTP " + status);
        }
        List<ErrorCode> codes = httpErrors().stream().map(HttpErrorCase::expected).toList();
        assertTrue(codes.contains(ErrorCode.RATE_LIMITED) && codes.contains(ErrorCode.PROVIDER_UNAVAILABLE)
                && codes.contains(ErrorCode.AUTHENTICATION_FAILED));
        assertTrue(httpErrors().stream().filter(c -> c.status() == 504)
                .allMatch(c -> c.expected() == ErrorCode.OUTCOME_UNKNOWN), "a 504 to a submit is OUTCOME_UNKNOWN");
    }

    /**
     * The same network failure ends the same way with every adapter: never sent (refused, a failed TLS handshake)
     * is PROVIDER_UNAVAILABLE, safe to retry or fall back; a submit sent and then cut off (reset, read timeout) is
     * OUTCOME_UNKNOWN; a status call is always PROVIDER_UNAVAILABLE. The key never appears in the message.
     */
    @TestFactory
    Stream<DynamicTest> transport_failures_say_whether_the_call_was_sent() {
        return TransportCase.all().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            try (TransportCase.Fault fault = c.fault().get();
                 ImageProvider faulty = factory().create(configAt(fault.baseUrl(), TRANSPORT_READ_TIMEOUT))) {
                ProviderTaskRef task = new ProviderTaskRef(factory().id(), typicalRequest().model(), "task-1");
                ProviderException e = failureOf(() -> (c.submit() ? faulty.submit(typicalRequest())
                        : faulty.poll(task)).toCompletableFuture().join());
                assertEquals(c.expected(), e.code(), () -> c + ", but got " + e.code() + ": " + e.getMessage()
                        + "; causes: " + causes(e));
                if (c.sent()) {
                    assertTrue(fault.requestsRead() > 0, "the fault server must have read the request");
                }
                assertNoSecret(e.getMessage());
                assertNoSecret(String.valueOf(e));
            }
        }));
    }

    @Test
    void vendor_states_include_a_success_a_failure_and_a_pending_state() {
        assertTrue(vendorStates().containsValue(ProviderTaskState.SUCCEEDED));
        assertTrue(vendorStates().containsValue(ProviderTaskState.FAILED));
        assertTrue(vendorStates().containsValue(ProviderTaskState.QUEUED)
                || vendorStates().containsValue(ProviderTaskState.RUNNING));
    }

    /** Submits and polls until terminal; returns the images of a success, fails the test otherwise. */
    protected List<GeneratedImage> generate(ProviderRequest request) throws Exception {
        Submission submission = provider().submit(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (submission instanceof Submission.Completed done) {
            return done.images();
        }
        TaskSnapshot end = awaitTerminal(((Submission.Accepted) submission).task());
        assertEquals(ProviderTaskState.SUCCEEDED, end.state(), () -> "task ended " + end);
        return end.images();
    }

    /** Submits a request that must be accepted as a task (not answered synchronously). */
    protected ProviderTaskRef submitForTask(ProviderRequest request) throws Exception {
        Submission submission = provider().submit(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
        return assertInstanceOf(Submission.Accepted.class, submission, "the typical request must be a task").task();
    }

    /** Polls a task every 50 ms until it is terminal, for at most 20 s. */
    protected TaskSnapshot awaitTerminal(ProviderTaskRef task) throws Exception {
        long deadline = System.nanoTime() + TASK_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            TaskSnapshot snapshot = provider().poll(task).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertNotNull(snapshot);
            if (snapshot.state().terminal()) {
                return snapshot;
            }
            Thread.sleep(50);
        }
        return fail("task " + task.taskId() + " not terminal after " + TASK_DEADLINE);
    }

    /** The provider failure a call ends with; fails the test when it succeeds or fails otherwise. */
    protected static ProviderException failureOf(Runnable call) {
        try {
            call.run();
        } catch (CompletionException e) {
            return ProviderException.find(e).orElseThrow(() -> new AssertionError("not a ProviderException", e));
        } catch (ProviderException e) {
            return e;
        }
        return fail("expected a ProviderException");
    }

    protected void assertNoSecret(String text) {
        assertFalse(text != null && text.contains(apiKey()), () -> "the API key leaked into: " + text);
    }

    private static byte[] fetch(URI url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = IMAGE_CLIENT.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> "GET " + url);
        return response.body();
    }

    private static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure.getCause(); t != null && chain.length() < 2000; t = t.getCause()) {
            chain.append(" <- ").append(t.getClass().getName());
        }
        return chain.toString();
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return body.length >= prefix.length && Arrays.equals(Arrays.copyOf(body, prefix.length), prefix);
    }
}
