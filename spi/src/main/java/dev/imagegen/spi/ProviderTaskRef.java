package dev.imagegen.spi;

import java.util.Objects;

/**
 * A task a vendor accepted: enough to poll it, durable across restarts (the worker stores it).
 * Immutable and thread-safe.
 *
 * @param provider the provider that submitted it, never null
 * @param model    the model it runs (some vendors poll per model), never null
 * @param taskId   the vendor's task id, never blank
 */
public record ProviderTaskRef(ProviderId provider, ModelId model, String taskId) {
    public ProviderTaskRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(taskId, "taskId");
        if (taskId.isBlank()) {
            throw new IllegalArgumentException("taskId must not be blank");
        }
    }
}
