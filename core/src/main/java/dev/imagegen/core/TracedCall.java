package dev.imagegen.core;

import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One vendor call or result download of a task, in a span of the engine's {@link Tracing}: the span opens before
 * the call, as a child of the request's trace context, with the provider, model, commandId and (where known) vendor
 * task id; it ends when the call answers, failed with the error code when the call failed or the vendor reported the
 * task failed. Stateless.
 */
final class TracedCall {

    private TracedCall() {
    }

    /** Runs {@code call} (a throw becomes a failed stage) in a span named {@code name}; returns the call's stage. */
    static <T> CompletionStage<T> run(Engine e, RunningTask rt, String name, Supplier<CompletionStage<T>> call,
                                      Function<T, String> answerFailure) {
        if (e.tracing == Tracing.NONE) {
            return call(call);
        }
        Tracing.Span span = e.tracing.start(name, rt.task.request().trace(), attributes(rt));
        CompletionStage<T> stage = call(call);
        stage.whenComplete((value, error) -> {
            String failure = error != null ? errorCode(error) : answerFailure.apply(value);
            if (failure != null) {
                span.failed(failure);
            }
            if (value instanceof Submission.Accepted accepted) {
                span.attribute(Tracing.VENDOR_TASK_ID, accepted.task().taskId());
            }
            span.end();
        });
        return stage;
    }

    private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException thrown) {
            return CompletableFuture.failedFuture(thrown);
        }
    }

    /** A call whose answer is never a failure by itself (only a failed stage is). */
    static <T> Function<T, String> noAnswerFailure() {
        return value -> null;
    }

    /** The failure of a status answer: the vendor reported the task failed. */
    static String snapshotFailure(TaskSnapshot snapshot) {
        return snapshot == null ? Tracing.INTERNAL_ERROR : snapshot.failureIfAny().map(f -> f.code().name()).orElse(null);
    }

    static String errorCode(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return ProviderException.find(cause).map(p -> p.code().name()).orElse(Tracing.INTERNAL_ERROR);
    }

    private static Map<String, String> attributes(RunningTask rt) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (rt.lane != null) {
            attributes.put(Tracing.PROVIDER, rt.provider().value());
        }
        attributes.put(Tracing.MODEL, rt.task.request().model().value());
        attributes.put(Tracing.COMMAND_ID, rt.task.id().value());
        ProviderTaskRef ref = rt.task.providerTask();
        if (ref != null) {
            attributes.put(Tracing.VENDOR_TASK_ID, ref.taskId());
        }
        return attributes;
    }
}
