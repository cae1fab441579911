package dev.imagegen.adapter.xenodia;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.imagegen.adapter.xenodia.wire.ModelList;
import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.ModelId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live refinements from {@code GET /v1/models}, cached with Caffeine and refreshed in the background once they
 * are older than the TTL. {@link #current()} never waits: it serves the last reading (none before the first
 * arrives). A failed reading keeps the last one, so the declared capabilities ({@link XenodiaModel}) stand when
 * discovery never worked; the first failure of an outage is logged as a warning, the rest at debug.
 */
final class ModelDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDiscovery.class);
    private static final String KEY = "models";

    private final Supplier<CompletableFuture<ModelList>> fetch;
    private final AsyncLoadingCache<String, Map<ModelId, CapabilityRefinement>> cache;
    private final AtomicReference<Map<ModelId, CapabilityRefinement>> lastKnown = new AtomicReference<>(Map.of());
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    ModelDiscovery(Supplier<CompletableFuture<ModelList>> fetch, Duration ttl) {
        this.fetch = fetch;
        this.cache = Caffeine.newBuilder()
                .refreshAfterWrite(ttl)
                .buildAsync((key, executor) -> read());
    }

    /** The refinements as last read; empty until the first reading succeeds. Starts a reading when due. */
    Map<ModelId, CapabilityRefinement> current() {
        return closed.get() ? lastKnown.get() : cache.get(KEY).getNow(lastKnown.get());
    }

    /** Stops reading; a reading under way ends quietly. */
    void close() {
        closed.set(true);
    }

    private CompletableFuture<Map<ModelId, CapabilityRefinement>> read() {
        CompletableFuture<ModelList> reading;
        try {
            reading = fetch.get();
        } catch (RuntimeException e) {
            reading = CompletableFuture.failedFuture(e);
        }
        return reading.thenApply(DiscoveryMapping::refinements).handle((refinements, failure) -> {
            if (failure == null) {
                lastKnown.set(Map.copyOf(refinements));
                if (failing.getAndSet(false)) {
                    LOG.info("Xenodia model discovery works again; capabilities refined for {}",
                            refinements.keySet());
                }
                return lastKnown.get();
            }
            if (closed.get()) {
                return lastKnown.get();
            }
            String reason = (failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure).getMessage();
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Xenodia model discovery (GET /v1/models) failed, keeping the {} capabilities: {}",
                        lastKnown.get().isEmpty() ? "declared" : "last discovered", reason);
            } else {
                LOG.debug("Xenodia model discovery still failing: {}", reason);
            }
            return lastKnown.get();
        });
    }
}
