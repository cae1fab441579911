package dev.imagegen.testkit.apixo;

import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Apixo's checks of a {@code generateTask} body for nano-banana-pro (seed 004, VENDORS.md), strictly: unknown
 * fields, wrong types, unknown enum values and inconsistent combinations are refused, so adapter bugs surface as
 * 400s. One check is stricter than documented: {@code callback_url} with {@code request_type: async} is refused.
 */
final class SubmitValidator {

    static final Set<String> TOP_LEVEL = Set.of("request_type", "callback_url", "provider", "input");
    static final Set<String> INPUT_FIELDS = Set.of("mode", "prompt", "aspect_ratio", "resolution", "image_urls",
            "output_format");
    static final Set<String> REQUEST_TYPES = Set.of("async", "callback");
    static final Set<String> PROVIDERS = Set.of("auto", "value", "official");
    static final Set<String> MODES = Set.of("text-to-image", "image-to-image");
    static final Set<String> ASPECT_RATIOS = Set.of("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9",
            "21:9", "auto");
    static final Set<String> RESOLUTIONS = Set.of("1K", "2K", "4K");
    static final Set<String> OUTPUT_FORMATS = Set.of("png", "jpeg");
    static final int MAX_IMAGE_URLS = 10;
    static final int MAX_PROMPT = 5000;

    /**
     * A body that passed.
     *
     * @param callbackUrl  where to deliver the finished task, or null
     * @param outputFormat the format of the results
     */
    record Accepted(URI callbackUrl, String outputFormat) {
    }

    /** Why a body is refused, worded like Apixo's {@code data.error}. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private SubmitValidator() {
    }

    static Accepted check(JsonNode body) throws Refused {
        if (body == null || !body.isObject()) {
            throw new Refused("Request body must be a JSON object");
        }
        unknownFields(body, TOP_LEVEL, "");
        String requestType = optionalEnum(body, "request_type", REQUEST_TYPES, "request_type");
        String callback = optionalString(body, "callback_url", "callback_url");
        optionalEnum(body, "provider", PROVIDERS, "provider");
        URI callbackUrl = null;
        if ("callback".equals(requestType)) {
            if (callback == null || callback.isBlank()) {
                throw new Refused("callback_url is required when request_type is callback");
            }
            callbackUrl = httpUrl(callback, "callback_url");
        } else if (callback != null) {
            throw new Refused("callback_url is only allowed when request_type is callback");
        }
        JsonNode input = body.get("input");
        if (input == null || input.isNull()) {
            throw new Refused("Missing required field: input");
        }
        if (!input.isObject()) {
            throw new Refused("input must be an object");
        }
        unknownFields(input, INPUT_FIELDS, "input.");
        String mode = optionalEnum(input, "mode", MODES, "input.mode");
        if (mode == null) {
            throw new Refused("Missing required field: input.mode");
        }
        String prompt = optionalString(input, "prompt", "input.prompt");
        if (prompt == null || prompt.isBlank()) {
            throw new Refused("Missing required field: input.prompt");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw new Refused("input.prompt must be at most " + MAX_PROMPT + " characters");
        }
        optionalEnum(input, "aspect_ratio", ASPECT_RATIOS, "input.aspect_ratio");
        optionalEnum(input, "resolution", RESOLUTIONS, "input.resolution");
        String format = optionalEnum(input, "output_format", OUTPUT_FORMATS, "input.output_format");
        List<String> urls = imageUrls(input);
        if (mode.equals("image-to-image") && urls.isEmpty()) {
            throw new Refused("input.image_urls is required for mode image-to-image");
        }
        if (mode.equals("text-to-image") && !urls.isEmpty()) {
            throw new Refused("input.image_urls is not allowed for mode text-to-image");
        }
        return new Accepted(callbackUrl, format == null ? "png" : format);
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String prefix) throws Refused {
        for (Map.Entry<String, JsonNode> field : node.entries()) {
            if (!allowed.contains(field.getKey())) {
                throw new Refused("Unknown field: " + prefix + field.getKey());
            }
        }
    }

    private static String optionalString(JsonNode node, String field, String name) throws Refused {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw new Refused(name + " must be a string");
        }
        return value.getStringValue();
    }

    private static String optionalEnum(JsonNode node, String field, Set<String> allowed, String name)
            throws Refused {
        String value = optionalString(node, field, name);
        if (value != null && !allowed.contains(value)) {
            throw new Refused("Invalid " + name + ": '" + value + "'; allowed: " + String.join(", ",
                    allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static List<String> imageUrls(JsonNode input) throws Refused {
        JsonNode value = input.get("image_urls");
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new Refused("input.image_urls must be an array of URLs");
        }
        if (value.size() > MAX_IMAGE_URLS) {
            throw new Refused("input.image_urls allows at most " + MAX_IMAGE_URLS + " images, got " + value.size());
        }
        List<String> urls = new ArrayList<>();
        int index = 0;
        for (JsonNode url : value.values()) {
            if (!url.isString()) {
                throw new Refused("input.image_urls[" + index + "] must be a string");
            }
            httpUrl(url.getStringValue(), "input.image_urls[" + index + "]");
            urls.add(url.getStringValue());
            index++;
        }
        return urls;
    }

    private static URI httpUrl(String text, String name) throws Refused {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new Refused(name + " must be an absolute http(s) URL, got '" + text + "'");
    }
}
