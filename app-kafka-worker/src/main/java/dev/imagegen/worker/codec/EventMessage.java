package dev.imagegen.worker.codec;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.task.Attempt;
import dev.imagegen.core.task.TaskEvent;
import dev.imagegen.core.task.TaskState;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code imagegen.task.v1} event as it goes on the wire (CONTRACT.md 3.2).
 *
 * @param commandId      the command, never null
 * @param status         the task state entered, never null
 * @param provider       the provider id, or null
 * @param model          the model id, or null
 * @param providerTaskId the vendor's task id, or null
 * @param images         on SUCCEEDED
 * @param error          on FAILED, else null
 * @param warnings       never null
 * @param attempts       never null
 * @param occurredAt     never null
 * @param metadata       the command's metadata, echoed, never null
 * @param progress       the vendor's progress 0-100 on RUNNING events where it reports one, else null
 * @param vendorCancellation on CANCELLED and on FAILED/TIMEOUT where a vendor task existed, else null
 * @param cost           on terminal events where the vendor reports or publishes what the task cost, else null
 */
public record EventMessage(String commandId, TaskState status, String provider, String model, String providerTaskId,
                           List<GeneratedImage> images, ProviderFailure error, List<String> warnings,
                           List<Attempt> attempts, Instant occurredAt, Map<String, String> metadata,
                           Integer progress, CancelOutcome vendorCancellation, Cost cost) {

    public static final String TYPE = "imagegen.task.v1";
    static final int REDUCED_MESSAGE_CHARS = 500;

    public EventMessage {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        images = List.copyOf(images);
        warnings = List.copyOf(warnings);
        attempts = List.copyOf(attempts);
        metadata = Map.copyOf(metadata);
        if (cost != null && !status.terminal()) {
            throw new IllegalArgumentException("a " + status + " event carries no cost: only terminal events do");
        }
    }

    /** An event without a cost. */
    public EventMessage(String commandId, TaskState status, String provider, String model, String providerTaskId,
                        List<GeneratedImage> images, ProviderFailure error, List<String> warnings,
                        List<Attempt> attempts, Instant occurredAt, Map<String, String> metadata,
                        Integer progress, CancelOutcome vendorCancellation) {
        this(commandId, status, provider, model, providerTaskId, images, error, warnings, attempts, occurredAt,
                metadata, progress, vendorCancellation, null);
    }

    public static EventMessage of(TaskEvent event) {
        return new EventMessage(event.taskId().value(), event.status(), value(event.provider()),
                event.model() == null ? null : event.model().value(), event.providerTaskId(), event.images(),
                event.failure(), event.warnings(), event.attempts(), event.occurredAt(), event.metadata(),
                event.status() == TaskState.RUNNING ? event.progress() : null, event.vendorCancellation(),
                event.terminal() ? event.cost() : null);
    }

    /** The one event a command that breaks the contract gets. */
    public static EventMessage invalid(Decoded.Invalid invalid, Instant now) {
        return new EventMessage(invalid.commandId(), TaskState.FAILED, invalid.provider(), invalid.model(), null,
                List.of(), new ProviderFailure(ErrorCode.INVALID_REQUEST, null, invalid.message()), List.of(),
                List.of(), now, invalid.metadata(), null, null);
    }

    /** The CANCELLED event of a command whose cancel came first: it never reached the engine or a vendor. */
    public static EventMessage cancelledBeforeStart(GenerationRequest request, String reason, Instant now) {
        return new EventMessage(request.id().value(), TaskState.CANCELLED, value(request.provider()),
                request.model().value(), null, List.of(), null, reason == null ? List.of() : List.of(reason),
                List.of(), now, request.metadata(), null, null);
    }

    /** A FAILED event the worker answers itself, without the engine. */
    public static EventMessage failed(String commandId, ErrorCode code, String message, Map<String, String> metadata,
                                      Instant now) {
        return new EventMessage(commandId, TaskState.FAILED, null, null, null, List.of(),
                new ProviderFailure(code, null, message), List.of(), List.of(), now, metadata, null, null);
    }

    /**
     * This event without what the worker may leave out when the whole is too large to write: its warnings become
     * the one given, its metadata is dropped, its error message is cut to {@value #REDUCED_MESSAGE_CHARS} characters.
     */
    public EventMessage reduced(String warning) {
        ProviderFailure failure = error == null ? null : new ProviderFailure(error.code(), error.providerCode(),
                Text.capped(error.message(), REDUCED_MESSAGE_CHARS));
        return new EventMessage(commandId, status, provider, model, providerTaskId, images, failure,
                List.of(warning), attempts, occurredAt, Map.of(), progress, vendorCancellation, cost);
    }

    public boolean terminal() {
        return status.terminal();
    }

    private static String value(ProviderId id) {
        return id == null ? null : id.value();
    }
}
