package dev.imagegen.adapter.apixo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callback mode end to end on loopback: the simulator POSTs to a receiver, the adapter reads the task id from what
 * arrived, and a status poll (what the core does on a callback) gives the outcome.
 */
class ApixoCallbackTest {

    private static final String TOKEN_PATH = "/callbacks/apixo/q7RkT2mZ9xw";

    private ApixoSimulator simulator;
    private CallbackReceiver receiver;
    private ImageProvider provider;

    @BeforeEach
    void start() {
        simulator = ApixoSimulator.start();
        receiver = new CallbackReceiver();
        provider = new ApixoProviderFactory().create(Fixtures.config(simulator,
                Map.of("APIXO_CALLBACK_URL", receiver.baseUrl() + "/callbacks/apixo")));
    }

    @AfterEach
    void stop() {
        provider.close();
        receiver.close();
        simulator.close();
    }

    @Test
    void the_descriptor_announces_the_configured_callback_base() {
        assertEquals(URI.create(receiver.baseUrl() + "/callbacks/apixo"), provider.descriptor().callbackBase());
    }

    @Test
    void a_finished_task_is_posted_to_its_callback_url_and_the_body_names_the_task() throws Exception {
        ProviderTaskRef task = submitWithCallback();

        CallbackReceiver.Delivery delivery = receiver.next();

        assertNotNull(delivery, "no callback arrived");
        assertEquals(TOKEN_PATH, delivery.path());
        assertEquals(Optional.of(task.taskId()), provider.callbackTaskId(delivery.body()));
        TaskSnapshot confirmed = provider.poll(task).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(ProviderTaskState.SUCCEEDED, confirmed.state());
    }

    @Test
    void a_failed_task_callback_names_the_task_too() throws Exception {
        simulator.failTasksWith("NSFW_DETECTED");
        ProviderTaskRef task = submitWithCallback();

        CallbackReceiver.Delivery delivery = receiver.next();

        assertTrue(new String(delivery.body(), StandardCharsets.UTF_8).contains("\"failCode\":\"NSFW_DETECTED\""));
        assertEquals(Optional.of(task.taskId()), provider.callbackTaskId(delivery.body()));
        TaskSnapshot confirmed = provider.poll(task).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(ErrorCode.CONTENT_VIOLATION, confirmed.failure().code());
    }

    @Test
    void a_callback_the_receiver_refuses_is_retried_with_increasing_delays_until_it_answers_200() throws Exception {
        receiver.answer(500, 503);
        ProviderTaskRef task = submitWithCallback();

        CallbackReceiver.Delivery first = receiver.next();
        CallbackReceiver.Delivery second = receiver.next();
        CallbackReceiver.Delivery third = receiver.next();

        long firstGap = TimeUnit.NANOSECONDS.toMillis(second.receivedNanos() - first.receivedNanos());
        long secondGap = TimeUnit.NANOSECONDS.toMillis(third.receivedNanos() - second.receivedNanos());
        assertTrue(firstGap >= 100 && secondGap >= 200 && secondGap > firstGap, firstGap + " ms, then " + secondGap);
        assertEquals(Optional.of(task.taskId()), provider.callbackTaskId(third.body()));
        awaitCount(simulator::callbacksDelivered, 1);
        assertEquals(3, simulator.callbackAttempts());
    }

    @Test
    void delivery_stops_after_three_retries() throws Exception {
        receiver.answerAlways(500);
        submitWithCallback();

        awaitCount(simulator::callbacksAbandoned, 1);

        assertEquals(4, simulator.callbackAttempts());
        assertEquals(0, simulator.callbacksDelivered());
    }

    @Test
    void duplicate_callbacks_carry_the_same_task_id_and_reading_them_is_idempotent() throws Exception {
        simulator.duplicateCallbacks(2);
        ProviderTaskRef task = submitWithCallback();

        byte[] first = receiver.next().body();
        byte[] second = receiver.next().body();
        simulator.resendCallback(task.taskId());
        byte[] third = receiver.next().body();

        for (byte[] body : List.of(first, second, third, first)) {
            assertEquals(Optional.of(task.taskId()), provider.callbackTaskId(body));
        }
    }

    @Test
    void a_lost_callback_leaves_polling_to_finish_the_task() throws Exception {
        simulator.dropCallbacks(true);
        ProviderTaskRef task = submitWithCallback();

        awaitCount(simulator::callbacksDropped, 1);
        TaskSnapshot end = provider.poll(task).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertNull(receiver.next(300), "a dropped callback must not arrive");
        assertEquals(ProviderTaskState.SUCCEEDED, end.state());
    }

    @Test
    void garbage_bodies_yield_no_task_id() {
        for (String body : List.of("", "not json", "[1,2]", "null", "{}", "{\"data\":null}", "{\"data\":\"task_1\"}",
                "{\"data\":{}}", "{\"data\":{\"taskId\":\"  \"}}", "{\"data\":{\"taskId\":[\"task_1\"]}}",
                "{\"code\":200,\"data\":{\"taskId\":")) {
            assertEquals(Optional.empty(), provider.callbackTaskId(body.getBytes(StandardCharsets.UTF_8)), body);
        }
        assertEquals(Optional.empty(), provider.callbackTaskId(new byte[] {(byte) 0xFF, 0, 1, 2}));
        assertEquals(Optional.empty(), provider.callbackTaskId(null));
    }

    @Test
    void without_a_callback_url_configured_the_descriptor_has_no_callback_base() {
        try (ImageProvider polling = new ApixoProviderFactory().create(Fixtures.config(simulator))) {
            assertNull(polling.descriptor().callbackBase());
        }
    }

    private ProviderTaskRef submitWithCallback() throws Exception {
        URI callback = URI.create(provider.descriptor().callbackBase() + "/q7RkT2mZ9xw");
        Submission submission = provider.submit(ProviderRequest.builder("nano-banana-pro", "a cat")
                .callbackUrl(callback).build()).toCompletableFuture().get(5, TimeUnit.SECONDS);
        return assertInstanceOf(Submission.Accepted.class, submission).task();
    }

    private static void awaitCount(LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, counter.getAsLong());
    }
}
