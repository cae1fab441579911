package dev.imagegen.adapter.xenodia;

import dev.imagegen.adapter.xenodia.ErrorTable.Call;
import dev.imagegen.adapter.xenodia.wire.ModelList;
import dev.imagegen.spi.CapabilityRefinement;
import dev.imagegen.spi.Cost;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ModelId;
import dev.imagegen.spi.ModelOffer;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskRef;
import dev.imagegen.spi.Submission;
import dev.imagegen.spi.TaskSettings;
import dev.imagegen.spi.TaskSnapshot;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Xenodia behind the {@link ImageProvider} port: one exchange per call, tasks followed by the core's polls. */
final class XenodiaProvider implements ImageProvider {

    private static final Logger LOG = LoggerFactory.getLogger(XenodiaProvider.class);
    private static final String MODELS_PATH = "/v1/models";

    private final XenodiaConfig config;
    private final XenodiaHttp http;
    private final ResponseMapping responses;
    private final ModelDiscovery discovery;
    private final PollPaths pollPaths;
    /** The descriptor built from the last refinements read: rebuilt only when discovery reads new ones. */
    private volatile Described described;

    /** A descriptor and the refinements (the very map instance) it was built from. */
    private record Described(Map<ModelId, CapabilityRefinement> refinements, ProviderDescriptor descriptor) {
    }

    XenodiaProvider(XenodiaConfig config) {
        this.config = config;
        this.http = new XenodiaHttp(config);
        this.responses = new ResponseMapping(config.baseUrl());
        this.discovery = new ModelDiscovery(this::readModels, config.discoveryTtl());
        this.pollPaths = new PollPaths(config.baseUrl(), config.taskSettings().taskTimeout());
        discovery.current();
    }

    @Override
    public ProviderDescriptor descriptor() {
        Map<ModelId, CapabilityRefinement> refinements = discovery.current();
        Described last = described;
        if (last != null && last.refinements() == refinements) {
            return last.descriptor();
        }
        List<ModelOffer> offers = Arrays.stream(XenodiaModel.values())
                .map(model -> model.offer().refinedBy(refinements.getOrDefault(model.id(), CapabilityRefinement.NONE)))
                .toList();
        ProviderDescriptor descriptor = ProviderDescriptor.of(XenodiaConfig.PROVIDER_ID.value(), offers);
        described = new Described(refinements, descriptor);
        return descriptor;
    }

    @Override
    public TaskSettings taskSettings() {
        return config.taskSettings();
    }

    @Override
    public CompletionStage<Submission> submit(ProviderRequest request) {
        MutableHttpRequest<?> call;
        try {
            call = RequestMapping.toHttp(request);
        } catch (ProviderException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.INVALID_REQUEST, null,
                    "the request could not be encoded for Xenodia: " + e.getMessage(), null, e));
        }
        LOG.debug("submit {} model {} as {} with {} reference(s)", request.correlationId(), request.model(),
                request.hasInlineReferences() ? "multipart" : "json", request.references().size());
        Cost price = price(request);
        return http.send(Call.SUBMIT, call, true).thenApply(answer -> {
            ResponseMapping.Answered answered = responses.toSubmission(request.model(), answer.body(), price);
            if (answered.submission() instanceof Submission.Accepted accepted) {
                pollPaths.remember(accepted.task().taskId(), answered.pollUrl());
            }
            return answered.submission();
        });
    }

    @Override
    public CompletionStage<TaskSnapshot> poll(ProviderTaskRef task) {
        if (!XenodiaConfig.PROVIDER_ID.equals(task.provider())) {
            return CompletableFuture.failedFuture(new ProviderException(ErrorCode.INVALID_REQUEST, null,
                    "task " + task.taskId() + " belongs to provider " + task.provider() + ", not xenodia"));
        }
        return http.send(Call.POLL, HttpRequest.GET(pollPaths.pathOf(task.taskId())), true)
                .thenApply(answer -> {
                    TaskSnapshot snapshot = responses.toSnapshot(answer.body());
                    LOG.debug("task {} is {} ({})", task.taskId(), snapshot.vendorState(), snapshot.state());
                    if (snapshot.state().terminal()) {
                        pollPaths.forget(task.taskId());
                    }
                    return snapshot;
                });
    }

    /** The request's price by the tiers discovery last read; null when they say nothing (never an exception). */
    private Cost price(ProviderRequest request) {
        try {
            return new PriceList(discovery.current()).price(request.model(), request.resolution(), request.n())
                    .orElse(null);
        } catch (RuntimeException e) {
            LOG.debug("no price for {}: {}", request.correlationId(), e.toString());
            return null;
        }
    }

    private CompletableFuture<ModelList> readModels() {
        return http.send(Call.DISCOVERY, HttpRequest.GET(MODELS_PATH), false).thenApply(answer -> {
            try {
                return Json.read(answer.body(), ModelList.class);
            } catch (IOException e) {
                throw new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, null,
                        "unreadable " + MODELS_PATH + " answer: " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        discovery.close();
        http.close();
    }
}
