package dev.imagegen.testkit.bailian;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Ark refuses in a Seedream 4.x body. Stricter than Ark in one place on purpose: a field outside Ark's
 * parameter list (such as {@code n}) is refused rather than ignored.
 */
final class ArkRules {

    static final int MAX_REFERENCES = 14;
    private static final long MAX_PIXELS = 4096L * 4096L;
    private static final Pattern PIXELS = Pattern.compile("(\\d{2,5})x(\\d{2,5})");
    private static final Pattern DATA_URI = Pattern.compile("data:image/[a-z]+;base64,[A-Za-z0-9+/=]+");
    private static final Set<String> FIELDS = Set.of("model", "prompt", "image", "size", "seed", "guidance_scale",
            "sequential_image_generation", "sequential_image_generation_options", "response_format",
            "output_format", "watermark", "stream", "optimize_prompt_options", "tools");
    private static final Set<String> NOT_FOR_4X = Set.of("seed", "guidance_scale", "output_format", "tools");

    private ArkRules() {
    }

    /** The refusal of this body, or null when Ark takes it. */
    static Refusal check(SimFamily family, Map<String, Object> body) {
        String model = (String) body.get("model");
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                return invalid("The parameter `" + field + "` is not a parameter of " + model);
            }
            if (NOT_FOR_4X.contains(field)) {
                return invalid("The parameter `" + field + "` is not supported by model " + model);
            }
        }
        if (!(body.get("prompt") instanceof String prompt) || prompt.isBlank()) {
            return new Refusal(400, "MissingParameter", "The request failed because it is missing the `prompt`"
                    + " parameter");
        }
        Object format = body.get("response_format");
        if (format != null && !"url".equals(format) && !"b64_json".equals(format)) {
            return invalid("The parameter `response_format` must be url or b64_json");
        }
        if (body.containsKey("watermark") && !(body.get("watermark") instanceof Boolean)) {
            return invalid("The parameter `watermark` must be a boolean");
        }
        if (Boolean.TRUE.equals(body.get("stream"))) {
            return invalid("The simulator does not stream");
        }
        Refusal images = images(body.get("image"));
        if (images != null) {
            return images;
        }
        return body.containsKey("size") ? size(family, body.get("size")) : null;
    }

    private static Refusal images(Object image) {
        if (image == null) {
            return null;
        }
        List<?> images = image instanceof List<?> list ? list : List.of(image);
        if (images.size() > MAX_REFERENCES) {
            return invalid("too many reference images: " + images.size() + " given, at most "
                    + MAX_REFERENCES);
        }
        for (Object one : images) {
            boolean ok = one instanceof String text && (text.startsWith("https://") || text.startsWith("http://")
                    || DATA_URI.matcher(text).matches());
            if (!ok) {
                return new Refusal(400, "InvalidImageURL.InvalidFormat", "The parameter `image` holds something"
                        + " that is neither a URL nor a data:image/<format>;base64, URI");
            }
        }
        return null;
    }

    private static Refusal size(SimFamily family, Object value) {
        String model = family == SimFamily.SEEDREAM_45 ? "doubao-seedream-4-5" : "doubao-seedream-4-0";
        if (!(value instanceof String size)) {
            return invalid("The parameter `size` must be a string");
        }
        Set<String> presets = family == SimFamily.SEEDREAM_45 ? Set.of("2K", "4K") : Set.of("1K", "2K", "4K");
        if (size.matches("[1-9]K")) {
            return presets.contains(size) ? null : invalid("The parameter `size` specified in the request"
                    + " is not valid: the specified size is not supported for model " + model);
        }
        Matcher m = PIXELS.matcher(size);
        if (!m.matches()) {
            boolean mixed = size.matches(".*\\dK.*") && size.matches(".*\\d{3,}.*");
            return invalid("The parameter `size` specified in the request is not valid: " + (mixed
                    ? "a preset (1K, 2K, 4K) and pixels (WxH) cannot be mixed" : "write 1K, 2K, 4K or WxH"));
        }
        long width = Long.parseLong(m.group(1));
        long height = Long.parseLong(m.group(2));
        long min = family == SimFamily.SEEDREAM_45 ? 3_686_400 : 921_600;
        double ratio = (double) width / height;
        if (width * height < min) {
            return invalid("The parameter `size` specified in the request is not valid: image size must"
                    + " be at least " + min + " pixels");
        }
        if (width * height > MAX_PIXELS || ratio < 1.0 / 16 || ratio > 16) {
            return invalid("The parameter `size` specified in the request is not valid: at most "
                    + MAX_PIXELS + " pixels, ratio 1:16 to 16:1");
        }
        return null;
    }

    private static Refusal invalid(String message) {
        return new Refusal(400, "InvalidParameter", message);
    }
}
