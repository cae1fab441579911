package dev.imagegen.adapter.bailian;

import dev.imagegen.adapter.bailian.wire.ArkImageRequest;
import dev.imagegen.adapter.bailian.wire.DashScopeRequest;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.OutputFormat;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated request as the body its family takes. The core has already checked the model's capabilities; this
 * mapper still refuses (never silently drops) anything its vendor would not take, so no unsupported field is sent.
 *
 * <p>Vendor defaults filled in: {@code n} is always sent to DashScope (its default of 4 bills four images);
 * Seedream gets {@code response_format: url} and {@code watermark: false} unless the vendor options say otherwise.
 * The caller's vendor options go into {@code parameters} (DashScope) or the top level (Ark); an option that would
 * replace a field mapped from the unified request is refused.
 */
final class BailianRequests {

    static final long MAX_SEED = 2_147_483_647L;

    private static final Set<String> DASHSCOPE_MAPPED = Set.of("size", "n", "seed", "negative_prompt");
    private static final Set<String> ARK_MAPPED =
            Set.of("model", "prompt", "image", "size", "seed", "response_format", "stream");

    private BailianRequests() {
    }

    static DashScopeRequest dashScope(ProviderRequest request, ModelFamily family) {
        requireDeclared(request, family.capabilities());
        requireSeedInRange(request);
        Map<String, Object> extra = options(request, DASHSCOPE_MAPPED);
        String size = Sizes.dashScope(family, request.aspectRatio(), request.resolution()).orElse(null);
        return switch (family) {
            case WAN_T2I -> new DashScopeRequest(request.model().value(),
                    new DashScopeRequest.Input(request.prompt(), request.negativePrompt(), null, null),
                    new DashScopeRequest.Parameters(size, request.n(), request.seed(), null, extra));
            case WAN_I2I -> new DashScopeRequest(request.model().value(),
                    new DashScopeRequest.Input(request.prompt(), request.negativePrompt(), references(request), null),
                    new DashScopeRequest.Parameters(size, request.n(), request.seed(), null, extra));
            case QWEN_IMAGE -> {
                DashScopeRequest.Message message = new DashScopeRequest.Message("user",
                        List.of(new DashScopeRequest.Content(request.prompt(), null)));
                yield new DashScopeRequest(request.model().value(),
                        new DashScopeRequest.Input(null, null, null, List.of(message)),
                        new DashScopeRequest.Parameters(size, request.n(), request.seed(), request.negativePrompt(),
                                extra));
            }
            case SEEDREAM_40, SEEDREAM_45 -> throw new IllegalArgumentException(family + " takes the Ark body");
        };
    }

    static ArkImageRequest ark(ProviderRequest request, ModelFamily family) {
        requireDeclared(request, family.capabilities());
        Map<String, Object> extra = options(request, ARK_MAPPED);
        Object watermark = extra.containsKey("watermark") ? extra.remove("watermark") : Boolean.FALSE;
        List<String> images = references(request);
        Object image = images.isEmpty() ? null : images.size() == 1 ? images.get(0) : images;
        return new ArkImageRequest(request.model().value(), request.prompt(), image,
                Sizes.ark(family, request.aspectRatio(), request.resolution()), "url", watermark, extra);
    }

    private static List<String> references(ProviderRequest request) {
        return request.references().stream().map(BailianRequests::reference).toList();
    }

    private static String reference(Reference reference) {
        if (reference instanceof Reference.Url url) {
            return url.uri().toString();
        }
        return ((Reference.Inline) reference).dataUri();
    }

    private static Map<String, Object> options(ProviderRequest request, Set<String> mapped) {
        Map<String, Object> extra = new LinkedHashMap<>();
        request.options().forEach((name, value) -> {
            if (mapped.contains(name)) {
                throw new ProviderException(ErrorCode.INVALID_REQUEST, null, "bailian: providerOptions field '"
                        + name + "' is set by the adapter from the request (aspectRatio, resolution, n, seed,"
                        + " negativePrompt, references); use those fields instead");
            }
            extra.put(name, value);
        });
        return extra;
    }

    /** The limits the family declares (the core checks them first), so nothing beyond them reaches the wire. */
    private static void requireDeclared(ProviderRequest request, ModelCapabilities model) {
        if (request.outputFormat() != null && !model.outputFormats().contains(request.outputFormat())) {
            throw unsupported("outputFormat " + request.outputFormat() + " is not offered by " + request.model()
                    + " (it returns " + model.outputFormats().stream().map(OutputFormat::toString)
                    .collect(Collectors.joining(", ")) + " only)");
        }
        if (request.seed() != null && !model.seed()) {
            throw unsupported("seed is not offered by " + request.model());
        }
        if (request.negativePrompt() != null && !model.negativePrompt()) {
            throw unsupported("negativePrompt is not offered by " + request.model());
        }
        int min = model.references().minCount();
        int max = model.references().maxCount();
        int count = request.references().size();
        if (count < min || count > max) {
            throw unsupported(count + " references given; " + request.model() + " takes "
                    + (min == max ? String.valueOf(min) : min + ".." + max));
        }
        if (request.n() > model.maxImages()) {
            throw unsupported("n " + request.n() + " is more than " + request.model() + " makes (at most "
                    + model.maxImages() + ")");
        }
    }

    private static void requireSeedInRange(ProviderRequest request) {
        if (request.seed() != null && (request.seed() < 0 || request.seed() > MAX_SEED)) {
            throw unsupported("seed " + request.seed() + " is outside 0.." + MAX_SEED);
        }
    }

    private static ProviderException unsupported(String message) {
        return new ProviderException(ErrorCode.UNSUPPORTED_PARAMETER, null, "bailian: " + message);
    }
}
