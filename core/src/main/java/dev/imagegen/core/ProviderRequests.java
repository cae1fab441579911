package dev.imagegen.core;

import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.ProviderRequest;
import java.net.URI;

/** Maps a validated request onto what one provider is asked to submit. Stateless. */
public final class ProviderRequests {

    private ProviderRequests() {
    }

    /**
     * The request as the given provider sees it: only that provider's vendor options travel with it.
     *
     * @param callbackUrl where the vendor should report, or null
     */
    public static ProviderRequest forProvider(GenerationRequest request, ProviderId provider, URI callbackUrl) {
        return new ProviderRequest(request.id().value(), request.model(), request.prompt(), request.negativePrompt(),
                request.aspectRatio(), request.resolution(), request.outputFormat(), request.n(), request.seed(),
                request.references(), request.optionsFor(provider), callbackUrl);
    }
}
