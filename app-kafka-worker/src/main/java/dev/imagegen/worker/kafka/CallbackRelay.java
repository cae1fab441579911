package dev.imagegen.worker.kafka;

import dev.imagegen.core.CallbackAnswer;
import dev.imagegen.core.GenerationHost;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.worker.WorkerMetrics;
import dev.imagegen.worker.codec.CallbackRecord;
import dev.imagegen.worker.http.HttpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vendor callbacks across the workers of a group: a callback whose task this worker drives is acted on here; one
 * whose (genuine) token names a task driven elsewhere is handed to its owner as a small internal record on the
 * commands topic, keyed by the commandId, so it lands on the partition the owner consumes; a forged token is refused
 * without any Kafka write. Thread-safe.
 */
public final class CallbackRelay implements HttpEndpoint.Callbacks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackRelay.class);

    private final GenerationHost engine;
    private final WorkerMetrics metrics;
    private final String commandsTopic;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private Producer<byte[], byte[]> producer;

    public CallbackRelay(GenerationHost engine, String commandsTopic, Supplier<Producer<byte[], byte[]>> producers,
                         WorkerMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
        this.commandsTopic = commandsTopic;
        this.producers = producers;
    }

    @Override
    public CompletionStage<Integer> onCallback(ProviderId provider, String token, byte[] body) {
        return engine.onCallback(provider, token, body).thenCompose(answer -> {
            metrics.callback(answer.verdict().name());
            return switch (answer.verdict()) {
                case POLLED -> CompletableFuture.completedFuture(200);
                case REFUSED -> CompletableFuture.completedFuture(404);
                case NOT_HERE -> handOn(answer, provider, token, body);
            };
        });
    }

    private CompletionStage<Integer> handOn(CallbackAnswer answer, ProviderId provider, String token, byte[] body) {
        String commandId = answer.task().value();
        byte[] value = CallbackRecord.write(new CallbackRecord(commandId, provider.value(), token, body));
        CompletableFuture<Integer> status = new CompletableFuture<>();
        try {
            producer().send(new ProducerRecord<>(commandsTopic, commandId.getBytes(StandardCharsets.UTF_8), value),
                    (metadata, error) -> {
                        if (error != null) {
                            LOG.warn("could not hand the callback of task {} to its worker: {}", commandId,
                                    error.toString());
                        }
                        status.complete(error == null ? 200 : 503);
                    });
        } catch (RuntimeException e) {
            LOG.warn("could not hand the callback of task {} to its worker: {}", commandId, e.toString());
            status.complete(503);
        }
        return status;
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }
}
