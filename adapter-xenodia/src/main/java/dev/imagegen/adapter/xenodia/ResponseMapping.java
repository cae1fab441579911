package dev.imagegen.adapter.xenodia;

import dev.imagegen.adapter.xenodia.wire.Billing;
import dev.imagegen.adapter.xenodia.wire.ImageData;
import dev.imagegen.adapter.xenodia.wire.ImageGenerationResponse;
import dev.imagegen.adapter.xenodia.wire.Task;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Xenodia's answers onto the spi: a submit's {@code 200 {created, data[]}} or task envelope, and a task's state,
 * images ({@code result.data[].url}), failure ({@code error.code}) and hints
 * ({@code recommended_poll_interval_ms}, {@code eta_hint_seconds}). The lifetime of result URLs is not published,
 * so images carry no expiry. A finished task's cost is what its {@code billing} says Xenodia charged (basis
 * {@value #BILLED}), once that is final ({@code committed} or {@code released}); otherwise the snapshot has none and
 * the price known at submit stands.
 */
final class ResponseMapping {

    static final String BILLED = "vendor billing";
    private static final Set<String> FINAL_BILLING = Set.of("committed", "released");

    private final URI baseUrl;

    ResponseMapping(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The task states and their meaning; the documented five plus the spellings public clients also accept. */
    static ProviderTaskState state(String vendorState) {
        if (vendorState == null) {
            return ProviderTaskState.UNKNOWN;
        }
        return switch (vendorState.trim().toLowerCase(Locale.ROOT)) {
            case "waiting", "queuing" -> ProviderTaskState.QUEUED;
            case "generating" -> ProviderTaskState.RUNNING;
            case "success", "succeeded", "completed", "complete" -> ProviderTaskState.SUCCEEDED;
            case "fail", "failed", "error", "errored" -> ProviderTaskState.FAILED;
            default -> ProviderTaskState.UNKNOWN;
        };
    }

    /** A submit's answer: the submission, and the {@code poll_url} Xenodia gave with a task (null when none). */
    record Answered(Submission submission, String pollUrl) {
    }

    /**
     * A 2xx answer to a submit. A task envelope (any 2xx carrying {@code task_id}) is to be polled; {@code data[]}
     * is a finished generation. Anything else leaves open whether Xenodia took the task.
     *
     * @param price what the published prices say the request costs, null when they say nothing
     */
    Answered toSubmission(ModelId model, String body, Cost price) {
        ImageGenerationResponse answer;
        try {
            answer = Json.read(body, ImageGenerationResponse.class);
        } catch (IOException | RuntimeException e) {
            throw new ProviderException(ErrorCode.OUTCOME_UNKNOWN, null,
                    "Xenodia accepted the submit with an unreadable answer: " + e.getMessage());
        }
        if (answer.taskId() != null && !answer.taskId().isBlank()) {
            return new Answered(new Submission.Accepted(new ProviderTaskRef(XenodiaConfig.PROVIDER_ID, model,
                    answer.taskId()), hint(answer.recommendedPollIntervalMs(), answer.etaHintSeconds()), price),
                    answer.pollUrl());
        }
        List<String> warnings = new ArrayList<>();
        List<GeneratedImage> images = images(answer.data(), warnings);
        if (images.isEmpty()) {
            throw new ProviderException(ErrorCode.OUTCOME_UNKNOWN, null,
                    "Xenodia answered the submit with neither a task id nor an image URL");
        }
        return new Answered(new Submission.Completed(images, warnings, price), null);
    }

    /** A 2xx answer to {@code GET /v1/tasks/{id}}. */
    TaskSnapshot toSnapshot(String body) {
        Task task;
        try {
            task = Json.read(body, Task.class);
        } catch (IOException | RuntimeException e) {
            throw new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, null,
                    "Xenodia answered a task status call with an unreadable body: " + e.getMessage());
        }
        String vendorState = task.state() == null ? "(none)" : task.state();
        return switch (state(task.state())) {
            case SUCCEEDED -> succeeded(task, vendorState).withCost(billed(task.billing()));
            case FAILED -> TaskSnapshot.failed(vendorState, failure(task)).withCost(billed(task.billing()));
            case QUEUED, RUNNING, UNKNOWN -> TaskSnapshot.pending(state(task.state()), vendorState,
                    progress(task.progress()), hint(task.recommendedPollIntervalMs(), task.etaHintSeconds()));
        };
    }

    private TaskSnapshot succeeded(Task task, String vendorState) {
        List<String> warnings = new ArrayList<>();
        List<GeneratedImage> images = images(task.result() == null ? null : task.result().data(), warnings);
        if (images.isEmpty()) {
            return TaskSnapshot.failed(vendorState, new ProviderFailure(ErrorCode.GENERATION_FAILED, null,
                    "Xenodia reported task " + task.taskId() + " " + vendorState + " without an image URL"));
        }
        return TaskSnapshot.succeeded(vendorState, images, warnings);
    }

    /** What Xenodia charged for a finished task, once its billing is final; null otherwise. */
    static Cost billed(Billing billing) {
        if (billing == null || billing.status() == null || billing.actualAmountMicroUsdc() == null
                || !FINAL_BILLING.contains(billing.status().trim().toLowerCase(Locale.ROOT))) {
            return null;
        }
        try {
            return Cost.ofMicros(billing.actualAmountMicroUsdc(), PriceList.CURRENCY, BILLED);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ProviderFailure failure(Task task) {
        VendorError error = VendorError.ofNode(task.error(), task.message());
        String message = "Xenodia task " + task.taskId() + " failed"
                + (error.code() == null ? "" : " with " + error.code())
                + (error.message() == null ? "" : ": " + error.message());
        return new ProviderFailure(ErrorTable.forTaskFailure(error.code()), error.code(), message);
    }

    private List<GeneratedImage> images(List<ImageData> data, List<String> warnings) {
        List<GeneratedImage> images = new ArrayList<>();
        if (data == null) {
            return images;
        }
        for (ImageData item : data) {
            URI url = item == null ? null : url(item.url());
            if (url == null) {
                warnings.add("Xenodia listed an image without a usable URL");
            } else {
                images.add(new GeneratedImage(url, null));
            }
        }
        return images;
    }

    /** Absolute http(s) URLs as given; a relative one is resolved against the base URL. */
    private URI url(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI url = baseUrl.resolve(text.trim());
            String scheme = url.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme)) && url.getHost() != null ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Zero or absent means no hint, as in the documented examples. */
    private static PollHint hint(Long recommendedPollIntervalMs, Long etaHintSeconds) {
        Duration retryAfter = recommendedPollIntervalMs != null && recommendedPollIntervalMs > 0
                ? Duration.ofMillis(recommendedPollIntervalMs) : null;
        Duration eta = etaHintSeconds != null && etaHintSeconds > 0 ? Duration.ofSeconds(etaHintSeconds) : null;
        return retryAfter == null && eta == null ? PollHint.NONE : new PollHint(retryAfter, eta);
    }

    private static Integer progress(Integer progress) {
        return progress == null ? null : Math.max(0, Math.min(100, progress));
    }
}
