package dev.imagegen.adapter.apixo;

import dev.imagegen.adapter.apixo.ApixoErrors.Call;
import dev.imagegen.adapter.http.VendorHttp;
import dev.imagegen.adapter.apixo.wire.ApixoEnvelope;
import dev.imagegen.adapter.apixo.wire.SubmitData;
import dev.imagegen.adapter.apixo.wire.TaskStatus;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderFailure;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class ApixoProvider implements ImageProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ApixoProvider.class);
    private static final Argument<byte[]> BYTES = Argument.of(byte[].class);

    private final ApixoConfig config;
    private final ProviderDescriptor descriptor;
    private final VendorHttp http;
    private final ApixoResponses responses;
    private final ApixoMapper mapper;

    ApixoProvider(ApixoConfig config) {
        this.config = config;
        this.descriptor = new ProviderDescriptor(ApixoConfig.ID,
                ApixoModels.offers(),
                config.callbackUrl().orElse(null));
        this.http = VendorHttp.create(ApixoConfig.ID.value(), config.baseUrl(), config.connectTimeout(),
                config.readTimeout(), config.apiKey(), settings -> settings.setNumOfThreads(2));
        this.responses = new ApixoResponses(config.apiKey(), config.clock());
        this.mapper = new ApixoMapper(config.clock());
    }

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public TaskSettings taskSettings() {
        return config.taskSettings();
    }

    @Override
    public CompletionStage<Submission> submit(ProviderRequest request) {
        Optional<ModelCapabilities> model = ApixoModels.capabilities(request.model());
        if (model.isEmpty()) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.UNSUPPORTED_MODEL, null,
                    "model: '" + request.model() + "' is not served by apixo; allowed: "
                            + ApixoModels.NANO_BANANA_PRO));
        }
        List<String> violations = ApixoRequestRules.violations(request, model.get());
        if (!violations.isEmpty()) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.UNSUPPORTED_PARAMETER, null,
                    String.join("; ", violations)));
        }
        byte[] body = ApixoJson.write(mapper.toWire(request));
        MutableHttpRequest<byte[]> post = authorized(HttpRequest.POST(
                url("/api/v1/generateTask/" + request.model().value()), body)
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        LOG.debug("apixo generateTask {} for {} ({} bytes, callback {})", request.model(), request.correlationId(),
                body.length, request.callbackUrl() != null);
        return http.exchange(post, BYTES, TransportFailure.Call.SUBMIT).handle((response, failure) -> {
            if (failure != null) {
                throw log(request.correlationId(), ProviderException.find(failure).orElseThrow());
            }
            try {
                return accepted(request, response);
            } catch (ProviderException e) {
                throw log(request.correlationId(), e);
            }
        });
    }

    private Submission accepted(ProviderRequest request, HttpResponse<byte[]> response) {
        ApixoEnvelope envelope = responses.accept(Call.SUBMIT, response);
        String taskId = ApixoJson.submitData(envelope.data()).map(SubmitData::taskId)
                .filter(id -> !id.isBlank())
                .orElseThrow(() -> responses.missingTaskId(envelope));
        LOG.debug("apixo accepted {} as task {}", request.correlationId(), taskId);
        return new Submission.Accepted(new ProviderTaskRef(ApixoConfig.ID, request.model(), taskId),
                ApixoMapper.firstPoll(request.resolution(), config.taskSettings().pollInitialDelay()));
    }

    @Override
    public CompletionStage<TaskSnapshot> poll(ProviderTaskRef task) {
        MutableHttpRequest<?> get = authorized(HttpRequest.GET(url("/api/v1/statusTask/" + task.model().value()
                + "?taskId=" + URLEncoder.encode(task.taskId(), StandardCharsets.UTF_8))));
        return http.exchange(get, BYTES, TransportFailure.Call.STATUS).handle((response, failure) -> {
            if (failure != null) {
                throw log(task.taskId(), ProviderException.find(failure).orElseThrow());
            }
            try {
                return snapshot(task, response);
            } catch (ProviderException e) {
                throw log(task.taskId(), e);
            }
        });
    }

    private TaskSnapshot snapshot(ProviderTaskRef task, HttpResponse<byte[]> response) {
        ApixoEnvelope envelope;
        try {
            envelope = responses.accept(Call.STATUS, response);
        } catch (ProviderException e) {
            if (e.providerCode().filter("404"::equals).isPresent()) {
                return TaskSnapshot.failed("not_found", new ProviderFailure(ErrorCode.GENERATION_FAILED, "404",
                        "Apixo does not know task " + task.taskId() + ": " + e.getMessage()));
            }
            throw e;
        }
        TaskStatus status = ApixoJson.taskStatus(envelope.data()).orElseThrow(() -> new ProviderException(
                ErrorCode.PROVIDER_UNAVAILABLE, null, "Apixo answered statusTask for " + task.taskId()
                + " without task data"));
        TaskSnapshot snapshot = mapper.snapshot(status);
        LOG.debug("apixo task {} is {} ({})", task.taskId(), status.state(), snapshot.state());
        return snapshot;
    }

    @Override
    public Optional<String> callbackTaskId(byte[] body) {
        return ApixoJson.envelope(body)
                .flatMap(envelope -> ApixoJson.text(envelope.data(), "taskId"))
                .map(String::strip)
                .filter(id -> !id.isEmpty());
    }

    @Override
    public void close() {
        http.close();
    }

    private URI url(String path) {
        return URI.create(config.baseUrl() + path);
    }

    private <T> MutableHttpRequest<T> authorized(MutableHttpRequest<T> request) {
        return request.bearerAuth(config.apiKey().reveal()).accept(MediaType.APPLICATION_JSON_TYPE);
    }

    private static ProviderException log(String subject, ProviderException e) {
        LOG.debug("apixo call for {} failed: {} {}", subject, e.code(), e.getMessage());
        return e;
    }
}
