package dev.imagegen.adapter.bailian;

import dev.imagegen.adapter.bailian.Envelope.Phase;
import dev.imagegen.adapter.http.VendorHttp;
import dev.imagegen.spi.CancelOutcome;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSettings;
import dev.imagegen.spi.TaskSnapshot;
import dev.imagegen.spi.TransportFailure;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bailian provider: one HTTP client, one exchange per call, answers mapped by the mappers. Thread-safe. */
final class BailianProvider implements ImageProvider {

    private static final Logger LOG = LoggerFactory.getLogger(BailianProvider.class);
    /** DashScope's refusal to cancel a task that is no longer PENDING. */
    private static final String UNSUPPORTED_OPERATION = "UnsupportedOperation";

    private final BailianSettings settings;
    private final ProviderDescriptor descriptor;
    private final ObjectMapper json = ObjectMapper.getDefault();
    private final BailianResponses responses;
    private final VendorHttp http;

    BailianProvider(BailianSettings settings) {
        this.settings = settings;
        this.descriptor = new ProviderDescriptor(BailianConfig.ID, settings.style().offers(), null);
        this.responses = new BailianResponses(BailianConfig.ID, new Envelope(json, settings.clock(),
                settings.apiKey()), settings.clock(), settings.familyEtas() ? settings.taskSettings().pollInitialDelay()
                : null);
        this.http = VendorHttp.create(BailianConfig.ID.value(), settings.root(), settings.connectTimeout(),
                settings.readTimeout(), settings.apiKey(), configuration -> { });
    }

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public TaskSettings taskSettings() {
        return settings.taskSettings();
    }

    @Override
    public CompletionStage<Submission> submit(ProviderRequest request) {
        try {
            ModelFamily family = ModelFamily.of(request.model()).orElseThrow(() -> new ProviderException(
                    ErrorCode.UNSUPPORTED_MODEL, null, "bailian does not serve model " + request.model()));
            ApiStyle.Route route = settings.style().route(family);
            Object body = family.dashScope() ? BailianRequests.dashScope(request, family)
                    : BailianRequests.ark(request, family);
            MutableHttpRequest<String> http = HttpRequest.POST(settings.basePath() + route.path(),
                    json.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
            if (route.asyncHeader()) {
                http.header(ApiStyle.ASYNC_HEADER, "enable");
            }
            LOG.debug("bailian submit {}: model {} to {}", request.correlationId(), request.model(), route.path());
            return exchange(http, Phase.SUBMIT).thenApply(raw -> responses.submission(raw, request, family))
                    .whenComplete((submission, failure) -> logSubmit(request.correlationId(), submission, failure));
        } catch (ProviderException e) {
            logSubmit(request.correlationId(), null, e);
            return CompletableFuture.failedFuture(e);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.INVALID_REQUEST, null,
                    "bailian: the request cannot be written as JSON (check providerOptions): " + e.getMessage(),
                    null, e));
        }
    }

    @Override
    public CompletionStage<TaskSnapshot> poll(ProviderTaskRef task) {
        LOG.debug("bailian poll {}", task.taskId());
        MutableHttpRequest<?> http = HttpRequest.GET(settings.basePath() + ApiStyle.taskPath(task.taskId()));
        return exchange(http, Phase.POLL).thenApply(responses::snapshot).whenComplete((snapshot, failure) -> {
            if (failure != null) {
                LOG.debug("bailian poll {} failed: {}", task.taskId(), describe(failure));
            } else {
                LOG.debug("bailian poll {}: {}", task.taskId(), snapshot.vendorState());
            }
        });
    }

    /**
     * Cancels a PENDING task in the native DashScope style; the gateway has no per-task cancel. DashScope refuses
     * (UnsupportedOperation) any task that is no longer PENDING; one status call then tells a finished task (too
     * late) from a running one (it cannot be cancelled any more and goes on).
     */
    @Override
    public CompletionStage<CancelOutcome> cancel(ProviderTaskRef task) {
        if (settings.style() != ApiStyle.DASHSCOPE) {
            return CompletableFuture.completedFuture(CancelOutcome.NOT_SUPPORTED);
        }
        MutableHttpRequest<String> http = HttpRequest.POST(settings.basePath() + ApiStyle.cancelPath(task.taskId()),
                "{}").contentType(MediaType.APPLICATION_JSON_TYPE);
        return exchange(http, Phase.POLL).thenCompose(raw -> {
            if (raw.successful()) {
                return CompletableFuture.completedFuture(CancelOutcome.CANCELLED);
            }
            ProviderException refused = responses.error(raw);
            if (!UNSUPPORTED_OPERATION.equals(refused.providerCode().orElse(null))) {
                LOG.debug("bailian cancel {} failed: {}", task.taskId(), describe(refused));
                return CompletableFuture.completedFuture(CancelOutcome.FAILED);
            }
            return poll(task).thenApply(snapshot -> snapshot.state().terminal() ? CancelOutcome.TOO_LATE
                    : CancelOutcome.NOT_SUPPORTED);
        }).exceptionally(failure -> {
            LOG.debug("bailian cancel {} failed: {}", task.taskId(), describe(failure));
            return CancelOutcome.FAILED;
        });
    }

    @Override
    public void close() {
        http.close();
    }

    private CompletableFuture<RawResponse> exchange(MutableHttpRequest<?> request, Phase phase) {
        request.bearerAuth(settings.apiKey().reveal()).accept(MediaType.APPLICATION_JSON_TYPE);
        return http.exchange(request, Argument.STRING, phase == Phase.SUBMIT ? TransportFailure.Call.SUBMIT
                : TransportFailure.Call.STATUS).thenApply(BailianProvider::raw);
    }

    private static RawResponse raw(HttpResponse<?> response) {
        return new RawResponse(response.code(), response.getBody(String.class).orElse(""),
                response.getHeaders().get("Retry-After"));
    }

    private static void logSubmit(String correlationId, Submission submission, Throwable failure) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        if (failure != null) {
            LOG.debug("bailian submit {} failed: {}", correlationId, describe(failure));
        } else {
            LOG.debug("bailian submit {}: {}", correlationId, submission instanceof Submission.Accepted accepted
                    ? "task " + accepted.task().taskId() : "completed");
        }
    }

    private static String describe(Throwable failure) {
        return ProviderException.find(failure)
                .map(e -> e.code() + " " + e.providerCode().orElse("-") + " " + e.getMessage())
                .orElseGet(() -> failure.getClass().getSimpleName());
    }
}
