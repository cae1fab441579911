package dev.imagegen.adapter.bailian;

import dev.imagegen.adapter.bailian.Envelope.Phase;
import dev.imagegen.adapter.bailian.wire.ArkImagesResponse;
import dev.imagegen.adapter.bailian.wire.DashScopeRequest;
import dev.imagegen.adapter.bailian.wire.DashScopeResponse;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.GeneratedImage;
import dev.imagegen.spi.PollHint;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSnapshot;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vendor answers as submissions and snapshots. A submit's answer is read by its shape, not by what the model
 * usually does: images make a {@link Submission.Completed}, a task id (read from {@code output.task_id}, else
 * {@code task_id}, else {@code taskId}) an {@link Submission.Accepted}. DashScope and Ark result URLs live 24 hours.
 *
 * <p>Task states: {@code PENDING}, {@code SUSPENDED} → QUEUED; {@code RUNNING} → RUNNING; {@code SUCCEEDED} →
 * SUCCEEDED with the images that exist (failed items of a partial success become a warning); {@code FAILED} → the
 * task's code through the error table; {@code CANCELED} and {@code UNKNOWN} (an expired or unknown id) → FAILED
 * with GENERATION_FAILED; anything else → UNKNOWN, and the core keeps polling.
 */
final class BailianResponses {

    static final Duration URL_LIFETIME = Duration.ofHours(24);

    private final ProviderId provider;
    private final Envelope envelope;
    private final Clock clock;
    private final Duration firstWait;

    /** @param firstWait the default first wait the families' ETAs multiply; null: no ETA hints (a wait was set) */
    BailianResponses(ProviderId provider, Envelope envelope, Clock clock, Duration firstWait) {
        this.provider = provider;
        this.envelope = envelope;
        this.clock = clock;
        this.firstWait = firstWait;
    }

    Submission submission(RawResponse response, ProviderRequest request, ModelFamily family) {
        JsonNode upstream = envelope.upstream(response, Phase.SUBMIT);
        if (family.protocol() == ModelFamily.Protocol.ARK) {
            return ark(envelope.read(upstream, ArkImagesResponse.class, Phase.SUBMIT));
        }
        DashScopeResponse answer = envelope.read(upstream, DashScopeResponse.class, Phase.SUBMIT);
        Images images = images(answer.output());
        if (!images.urls().isEmpty()) {
            return new Submission.Completed(images.urls(), images.warnings());
        }
        String status = status(answer);
        if (images.firstFailure() != null || "FAILED".equals(status)) {
            ProviderFailure failure = images.firstFailure() != null ? images.firstFailure()
                    : BailianErrors.ofTask(answer.output().code(), answer.output().message());
            throw new ProviderException(failure.code(), failure.providerCode(), "bailian: " + failure.message());
        }
        String taskId = taskId(answer);
        if (taskId == null) {
            throw new ProviderException(ErrorCode.OUTCOME_UNKNOWN, null,
                    "bailian: the vendor answered without a task id or images");
        }
        PollHint hint = firstWait == null ? PollHint.NONE
                : family.eta(firstWait).map(PollHint::eta).orElse(PollHint.NONE);
        return new Submission.Accepted(new ProviderTaskRef(provider, request.model(), taskId), hint);
    }

    ProviderException error(RawResponse response) {
        return envelope.error(response);
    }

    TaskSnapshot snapshot(RawResponse response) {
        if (response.status() == 404) {
            return TaskSnapshot.failed("HTTP 404", new ProviderFailure(ErrorCode.GENERATION_FAILED, "404",
                    "bailian: the vendor does not know this task (HTTP 404)"));
        }
        DashScopeResponse answer = envelope.read(envelope.upstream(response, Phase.POLL), DashScopeResponse.class,
                Phase.POLL);
        String status = status(answer);
        if (status == null) {
            return TaskSnapshot.pending(ProviderTaskState.UNKNOWN, "(none)", null, PollHint.NONE);
        }
        return switch (status) {
            case "PENDING", "SUSPENDED" -> TaskSnapshot.pending(ProviderTaskState.QUEUED, status, null, PollHint.NONE);
            case "RUNNING" -> TaskSnapshot.pending(ProviderTaskState.RUNNING, status, null, PollHint.NONE);
            case "SUCCEEDED" -> succeeded(answer.output());
            case "FAILED" -> TaskSnapshot.failed(status,
                    BailianErrors.ofTask(answer.output().code(), answer.output().message()));
            case "CANCELED" -> TaskSnapshot.failed(status, new ProviderFailure(ErrorCode.GENERATION_FAILED,
                    "CANCELED", "bailian: the task was canceled at the vendor before it made any image"));
            case "UNKNOWN" -> TaskSnapshot.failed(status, new ProviderFailure(ErrorCode.GENERATION_FAILED, "UNKNOWN",
                    "bailian: the vendor does not know this task: the id is wrong or the task expired"
                            + " (DashScope keeps tasks for 24 hours)"));
            default -> TaskSnapshot.pending(ProviderTaskState.UNKNOWN, status, null, PollHint.NONE);
        };
    }

    private TaskSnapshot succeeded(DashScopeResponse.Output output) {
        Images images = images(output);
        if (!images.urls().isEmpty()) {
            return TaskSnapshot.succeeded("SUCCEEDED", images.urls(), images.warnings());
        }
        ProviderFailure failure = images.firstFailure() != null ? images.firstFailure()
                : new ProviderFailure(ErrorCode.GENERATION_FAILED, null,
                "bailian: the task SUCCEEDED without any image");
        return TaskSnapshot.failed("SUCCEEDED", failure);
    }

    private Submission ark(ArkImagesResponse answer) {
        List<GeneratedImage> urls = new ArrayList<>();
        List<ProviderFailure> failed = new ArrayList<>();
        for (ArkImagesResponse.Image image : answer.data() == null ? List.<ArkImagesResponse.Image>of()
                : answer.data()) {
            if (image.url() != null && !image.url().isBlank()) {
                add(image.url(), urls, failed);
            } else if (image.error() != null) {
                failed.add(BailianErrors.ofTask(image.error().code(), image.error().message()));
            } else {
                failed.add(new ProviderFailure(ErrorCode.GENERATION_FAILED, null, "an image came without a URL"));
            }
        }
        Images images = new Images(urls, failed);
        if (urls.isEmpty()) {
            ProviderFailure failure = images.firstFailure() != null ? images.firstFailure()
                    : new ProviderFailure(ErrorCode.GENERATION_FAILED, null, "the vendor answered without images");
            throw new ProviderException(failure.code(), failure.providerCode(), "bailian: " + failure.message());
        }
        return new Submission.Completed(urls, images.warnings());
    }

    private Images images(DashScopeResponse.Output output) {
        List<GeneratedImage> urls = new ArrayList<>();
        List<ProviderFailure> failed = new ArrayList<>();
        if (output == null) {
            return new Images(urls, failed);
        }
        if (output.results() != null) {
            for (DashScopeResponse.Result result : output.results()) {
                if (result.url() != null && !result.url().isBlank()) {
                    add(result.url(), urls, failed);
                } else {
                    failed.add(BailianErrors.ofTask(result.code(), result.message()));
                }
            }
        }
        if (output.choices() != null) {
            for (DashScopeResponse.Choice choice : output.choices()) {
                if (choice.message() != null && choice.message().content() != null) {
                    choice.message().content().stream().map(DashScopeRequest.Content::image)
                            .filter(url -> url != null && !url.isBlank()).forEach(url -> add(url, urls, failed));
                }
            }
        }
        return new Images(urls, failed);
    }

    private void add(String url, List<GeneratedImage> urls, List<ProviderFailure> failed) {
        try {
            urls.add(new GeneratedImage(URI.create(url.strip()), clock.instant().plus(URL_LIFETIME)));
        } catch (IllegalArgumentException e) {
            failed.add(new ProviderFailure(ErrorCode.GENERATION_FAILED, null, "an image URL is not a URI"));
        }
    }

    private static String status(DashScopeResponse answer) {
        if (answer.output() == null || answer.output().taskStatus() == null) {
            return null;
        }
        return answer.output().taskStatus().trim().toUpperCase(Locale.ROOT);
    }

    private static String taskId(DashScopeResponse answer) {
        if (answer.output() != null && present(answer.output().taskId())) {
            return answer.output().taskId();
        }
        if (present(answer.taskId())) {
            return answer.taskId();
        }
        return present(answer.taskIdCamel()) ? answer.taskIdCamel() : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** The images an answer holds and the items that failed instead. */
    private record Images(List<GeneratedImage> urls, List<ProviderFailure> failed) {

        ProviderFailure firstFailure() {
            return failed.isEmpty() ? null : failed.get(0);
        }

        List<String> warnings() {
            if (failed.isEmpty()) {
                return List.of();
            }
            ProviderFailure first = failed.get(0);
            return List.of("bailian: " + failed.size() + " of " + (failed.size() + urls.size())
                    + " images failed: " + (first.providerCode() == null ? "" : first.providerCode() + " ")
                    + "(" + first.message() + ")");
        }
    }
}
