package dev.imagegen.bench;

import dev.imagegen.core.GenerationRequest;
import dev.imagegen.core.ProviderRequests;
import dev.imagegen.core.routing.RouteDecision;
import dev.imagegen.core.routing.Router;
import dev.imagegen.spi.ProviderDescriptor;
import dev.imagegen.spi.ProviderRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library's own cost per request before any vendor call: build and validate a request, route it (capability
 * check included) across the three configured providers, and map it to the provider request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RequestPathBenchmark {

    private Router router;
    private List<ProviderDescriptor> providers;

    @Setup
    public void setUp() {
        router = new Router();
        providers = List.of(
                ProviderDescriptor.of("xenodia", List.of(BenchModels.nanoBananaPro(), BenchModels.gptImage2())),
                ProviderDescriptor.of("apixo", List.of(BenchModels.nanoBananaPro())),
                ProviderDescriptor.of("bailian", List.of(BenchModels.declared("wan2.2-t2i-flash"),
                        BenchModels.declared("qwen-image-plus"), BenchModels.declared("doubao-seedream-4-5-251128"))));
    }

    /** A typical request: named model, ratio, resolution, format, two URL references. */
    @Benchmark
    public ProviderRequest validateRouteMap() {
        GenerationRequest request = GenerationRequest.builder()
                .id("order-42-hero").model("nano-banana-pro")
                .prompt("A cinematic banana pilot on a wet neon runway")
                .aspectRatio("16:9").resolution("2K").outputFormat("png")
                .referenceUrl("https://example.com/ref-1.png").referenceUrl("https://example.com/ref-2.png")
                .metadata(Map.of("tenant", "acme"))
                .build();
        RouteDecision decision = router.route(request, providers, Set.of());
        return ProviderRequests.forProvider(request, ((RouteDecision.To) decision).provider(), null);
    }

    /** The same request on the model with the most rules (gpt-image-2: forbidden combinations). */
    @Benchmark
    public RouteDecision validateAndRouteRefused() {
        GenerationRequest request = GenerationRequest.builder()
                .id("order-43").model("gpt-image-2").prompt("A crisp technical illustration")
                .aspectRatio("1:1").resolution("4K").outputFormat("png").build();
        return router.route(request, providers, Set.of());
    }
}
