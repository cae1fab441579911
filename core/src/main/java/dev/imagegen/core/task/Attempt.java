package dev.imagegen.core.task;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderId;
import java.util.Objects;

/**
 * One try to hand a task to a provider, as the events report it. Immutable.
 *
 * @param provider the provider tried
 * @param outcome  {@code ACCEPTED} when the vendor took the task (or answered with images), else the
 *                 {@link ErrorCode} name it failed with
 */
public record Attempt(ProviderId provider, String outcome) {

    public static final String ACCEPTED = "ACCEPTED";

    public Attempt {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Attempt accepted(ProviderId provider) {
        return new Attempt(provider, ACCEPTED);
    }

    public static Attempt failed(ProviderId provider, ErrorCode code) {
        return new Attempt(provider, code.name());
    }
}
