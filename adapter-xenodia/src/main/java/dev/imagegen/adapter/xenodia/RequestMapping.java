package dev.imagegen.adapter.xenodia;

import dev.imagegen.adapter.xenodia.wire.ImageGenerationRequest;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ModelCapabilities;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.Reference;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The unified request onto {@code POST /v1/images/generations}: JSON for prompt-only and URL references,
 * multipart as soon as a reference is inline bytes (files as repeated {@code image[]} parts, URLs as repeated
 * {@code image_input[]} parts, every other field a text part).
 *
 * <p>Always sent: {@code response_format=url} (the only value), {@code n=1} (the only value) and
 * {@code async=true}, so both doc generations answer with a task (the newer ignores it, the older would
 * otherwise hold the connection for the whole generation). Left to Xenodia's defaults when the request leaves
 * them open: {@code aspect_ratio} (1:1), {@code resolution} (1K), {@code output_format} (png, nano-banana-pro).
 * Xenodia has no callback field, so a request's callback URL is not sent: its tasks are polled. Xenodia counts
 * URLs and files together but takes them in two fields, so their relative order is not kept.
 */
final class RequestMapping {

    static final String SUBMIT_PATH = "/v1/images/generations";
    static final String CHANNEL_ID = "channel_id";

    /** Fields this mapping writes from the request itself; provider options may not set them. */
    private static final Set<String> MAPPED_FIELDS = Set.of("model", "prompt", "n", "async", "response_format",
            "aspect_ratio", "resolution", "output_format", "image_input", "image");

    private RequestMapping() {
    }

    /**
     * The HTTP request for a submit.
     *
     * @throws ProviderException (no call made) when the request asks for what Xenodia cannot do
     */
    static MutableHttpRequest<?> toHttp(ProviderRequest request) {
        XenodiaModel model = XenodiaModel.of(request.model()).orElseThrow(() -> new ProviderException(
                ErrorCode.UNSUPPORTED_MODEL, null, "xenodia does not serve model " + request.model()));
        refuseWhatXenodiaLacks(request, model);
        Long channelId = channelId(request);
        Map<String, Object> vendorFields = vendorFields(request);
        String outputFormat = request.outputFormat() == null ? null : XenodiaModel.spell(request.outputFormat());
        List<String> urls = new ArrayList<>();
        for (Reference reference : request.references()) {
            if (reference instanceof Reference.Url url) {
                urls.add(url.uri().toString());
            }
        }
        ImageGenerationRequest body = new ImageGenerationRequest(model.id().value(), request.prompt(), 1, true, "url",
                request.aspectRatio() == null ? null : request.aspectRatio().toString(),
                request.resolution() == null ? null : request.resolution().label(), outputFormat,
                urls.isEmpty() ? null : urls, channelId, vendorFields);
        if (!request.hasInlineReferences()) {
            return HttpRequest.POST(SUBMIT_PATH, body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpRequest.POST(SUBMIT_PATH, multipart(body, request.references()))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
    }

    private static MultipartBody multipart(ImageGenerationRequest body, List<Reference> references) {
        MultipartBody.Builder parts = MultipartBody.builder();
        addText(parts, "model", body.model());
        addText(parts, "prompt", body.prompt());
        addText(parts, "n", body.n());
        addText(parts, "async", body.async());
        addText(parts, "response_format", body.responseFormat());
        addText(parts, "aspect_ratio", body.aspectRatio());
        addText(parts, "resolution", body.resolution());
        addText(parts, "output_format", body.outputFormat());
        addText(parts, CHANNEL_ID, body.channelId());
        body.vendorFields().forEach((name, value) -> addText(parts, name, value));
        if (body.imageInput() != null) {
            body.imageInput().forEach(url -> parts.addPart("image_input[]", url));
        }
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i) instanceof Reference.Inline file) {
                parts.addPart("image[]", file.fileName(i), MediaType.of(file.mimeType()), file.bytes());
            }
        }
        return parts.build();
    }

    /** Scalars as text; a list as one part per item; a map as its JSON. */
    private static void addText(MultipartBody.Builder parts, String name, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> items) {
            items.forEach(item -> addText(parts, name, item));
        } else if (value instanceof Map<?, ?>) {
            parts.addPart(name, Json.write(value));
        } else {
            parts.addPart(name, String.valueOf(value));
        }
    }

    /**
     * The core checks the model's declared capabilities first; this keeps a field Xenodia refuses off the wire
     * regardless, reading the same declaration.
     */
    private static void refuseWhatXenodiaLacks(ProviderRequest request, XenodiaModel model) {
        ModelCapabilities capabilities = model.capabilities();
        if (request.n() > capabilities.maxImages()) {
            throw unsupported("n", request.n(), "Xenodia generates exactly " + capabilities.maxImages()
                    + " image per request (n=" + capabilities.maxImages() + ")");
        }
        if (request.outputFormat() != null && !capabilities.outputFormats().contains(request.outputFormat())) {
            throw unsupported("outputFormat", request.outputFormat(), capabilities.outputFormats().isEmpty()
                    ? model.id() + " on Xenodia takes no output format"
                    : model.id() + " on Xenodia takes " + capabilities.outputFormats());
        }
        if (request.negativePrompt() != null && !capabilities.negativePrompt()) {
            throw unsupported("negativePrompt", "(set)", "Xenodia has no negative prompt");
        }
        if (request.seed() != null && !capabilities.seed()) {
            throw unsupported("seed", request.seed(), "Xenodia has no seed");
        }
    }

    private static ProviderException unsupported(String field, Object value, String allowed) {
        return new ProviderException(ErrorCode.UNSUPPORTED_PARAMETER, null, field + " '" + value + "': " + allowed);
    }

    /** {@code channel_id}, a whole number naming one of {@code available_channels[].id} of discovery. */
    private static Long channelId(ProviderRequest request) {
        Object value = request.options().get(CHANNEL_ID);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        if (value instanceof Number || value instanceof String) {
            try {
                return Long.parseLong(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ProviderException(ErrorCode.INVALID_REQUEST, null, "providerOptions.xenodia.channel_id '" + text
                + "' must be a whole number (a channel id of /v1/models)");
    }

    /** Every other option, passed through unchanged, unless it would override a field the request maps itself. */
    private static Map<String, Object> vendorFields(ProviderRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        request.options().forEach((name, value) -> {
            String field = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
            if (MAPPED_FIELDS.contains(field.toLowerCase(Locale.ROOT))) {
                throw new ProviderException(ErrorCode.INVALID_REQUEST, null, "providerOptions.xenodia." + name
                        + " may not be set: the adapter writes '" + field + "' from the request itself");
            }
            if (!field.equals(CHANNEL_ID)) {
                fields.put(name, value);
            }
        });
        return fields;
    }
}
