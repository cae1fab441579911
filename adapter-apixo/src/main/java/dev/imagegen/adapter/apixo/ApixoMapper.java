package dev.imagegen.adapter.apixo;

import dev.imagegen.adapter.apixo.wire.GenerateTaskInput;
import dev.imagegen.adapter.apixo.wire.GenerateTaskRequest;
import dev.imagegen.adapter.apixo.wire.ResultJson;
import dev.imagegen.adapter.apixo.wire.TaskStatus;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Reference;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.TaskSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one mapper: a provider request onto Apixo's generate task, and Apixo's task status onto a snapshot.
 * Open values (aspect ratio, resolution, format, routing strategy) are left out so Apixo's defaults apply.
 */
final class ApixoMapper {

    /** Result URLs live 24 hours (the newer Apixo docs; seed 004's "15 days" is older, VENDORS.md decides). */
    static final Duration RESULT_LIFETIME = Duration.ofHours(24);
    /** Apixo's advice: poll every 3 seconds once the task may be done. */
    static final Duration POLL_EVERY = Duration.ofSeconds(3);

    private final Clock clock;

    ApixoMapper(Clock clock) {
        this.clock = clock;
    }

    GenerateTaskRequest toWire(ProviderRequest request) {
        List<String> imageUrls = request.references().stream()
                .map(r -> ((Reference.Url) r).uri().toString())
                .toList();
        GenerateTaskInput input = new GenerateTaskInput(
                imageUrls.isEmpty() ? "text-to-image" : "image-to-image",
                request.prompt(),
                request.aspectRatio() == null ? null : request.aspectRatio().toString(),
                request.resolution() == null ? null : request.resolution().label().toUpperCase(Locale.ROOT),
                imageUrls.isEmpty() ? null : imageUrls,
                request.outputFormat() == null ? null : outputFormat(request.outputFormat()));
        boolean callback = request.callbackUrl() != null;
        return new GenerateTaskRequest(callback ? "callback" : "async",
                callback ? request.callbackUrl().toString() : null,
                request.option(ApixoRequestRules.PROVIDER_OPTION).orElse(null),
                input);
    }

    private static String outputFormat(OutputFormat format) {
        return switch (format) {
            case PNG -> "png";
            case JPEG -> "jpeg";
        };
    }

    /**
     * When to ask first, from Apixo's timing guidance for nano-banana-pro ("wait 20 seconds, then poll every 3
     * seconds"; 1K about 20-30 s, 2K 30-45 s, 4K 45-60 s): the configured first wait ({@code oneK}, 20 s by
     * default) for 1K, 1.5 times it for 2K, 2.25 times it for 4K; an open resolution is treated as the quickest.
     */
    static PollHint firstPoll(Resolution resolution, Duration oneK) {
        double factor = resolution == null ? 1.0 : switch (resolution) {
            case ONE_K -> 1.0;
            case TWO_K -> 1.5;
            case FOUR_K -> 2.25;
        };
        return PollHint.eta(Duration.ofMillis(Math.round(oneK.toMillis() * factor)));
    }

    TaskSnapshot snapshot(TaskStatus status) {
        String vendorState = status.state() == null ? "" : status.state();
        return switch (vendorState.toLowerCase(Locale.ROOT)) {
            case "pending" -> TaskSnapshot.pending(ProviderTaskState.QUEUED, vendorState, null,
                    PollHint.retryAfter(POLL_EVERY));
            case "processing" -> TaskSnapshot.pending(ProviderTaskState.RUNNING, vendorState, null,
                    PollHint.retryAfter(POLL_EVERY));
            case "success" -> succeeded(vendorState, status);
            case "failed" -> TaskSnapshot.failed(vendorState, new ProviderFailure(
                    ApixoErrors.failCode(status.failCode()), blankToNull(status.failCode()), failMessage(status)));
            default -> TaskSnapshot.pending(ProviderTaskState.UNKNOWN, vendorState, null, PollHint.NONE);
        };
    }

    private TaskSnapshot succeeded(String vendorState, TaskStatus status) {
        List<String> urls = ApixoJson.resultJson(status.resultJson()).map(ResultJson::resultUrls).orElse(List.of());
        Instant expiresAt = (status.completeTime() == null ? clock.instant()
                : Instant.ofEpochMilli(status.completeTime())).plus(RESULT_LIFETIME);
        List<GeneratedImage> images = new ArrayList<>();
        for (String url : urls == null ? List.<String>of() : urls) {
            try {
                if (url != null && !url.isBlank()) {
                    images.add(new GeneratedImage(URI.create(url.trim()), expiresAt));
                }
            } catch (IllegalArgumentException unreadable) {
                // a URL that is not one cannot be handed out; the rest still can
            }
        }
        if (images.isEmpty()) {
            return TaskSnapshot.failed(vendorState, new ProviderFailure(ErrorCode.GENERATION_FAILED, null,
                    "Apixo reported success without a readable result URL: resultJson=" + status.resultJson()));
        }
        return TaskSnapshot.succeeded(vendorState, images, List.of());
    }

    private static String failMessage(TaskStatus status) {
        String message = status.failMsg() == null || status.failMsg().isBlank() ? "task failed" : status.failMsg();
        return "Apixo task " + status.taskId() + " failed: " + message;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
