package dev.imagegen.testkit.bailian;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DashScope refuses in a body ({@code model}, {@code input}, {@code parameters}), per family. Stricter than
 * DashScope in one place on purpose: {@code parameters.n} is required, since DashScope's default of 4 bills four
 * images and an adapter that forgets it must fail here.
 */
final class DashScopeRules {

    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})\\*(\\d{2,5})");
    private static final Set<String> TOP_LEVEL = Set.of("model", "input", "parameters");
    private static final Set<String> QWEN_SIZES = Set.of("1664*928", "1472*1104", "1328*1328", "1104*1472",
            "928*1664");
    private static final Pattern DATA_URI = Pattern.compile("data:image/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+");

    private DashScopeRules() {
    }

    /** The refusal of this body, or null when DashScope takes it. */
    static Refusal check(SimFamily family, Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!TOP_LEVEL.contains(field)) {
                return Refusal.invalid("Unknown field '" + field + "': a DashScope body has model, input, parameters");
            }
        }
        Map<String, Object> input = Json.objectAt(body, "input");
        if (input == null) {
            return new Refusal(400, "BadRequest.EmptyInput", "Required input parameter missing from request.");
        }
        Map<String, Object> parameters = Json.objectAt(body, "parameters");
        if (parameters == null || !parameters.containsKey("n")) {
            return Refusal.invalid("parameters.n is required (DashScope's default of 4 bills four images)");
        }
        Refusal refusal = switch (family) {
            case WAN_T2I -> wanT2i(input);
            case WAN_I2I -> wanI2i(input);
            case QWEN_IMAGE -> qwen(input);
            case SEEDREAM_40, SEEDREAM_45 -> Refusal.invalid("Model not exist.");
        };
        return refusal != null ? refusal : parameters(family, parameters);
    }

    private static Refusal wanT2i(Map<String, Object> input) {
        for (String field : input.keySet()) {
            if (!Set.of("prompt", "negative_prompt").contains(field)) {
                return Refusal.invalid("input." + field + " is not a parameter of text-to-image models");
            }
        }
        return prompts(input);
    }

    private static Refusal wanI2i(Map<String, Object> input) {
        for (String field : input.keySet()) {
            if (!Set.of("prompt", "negative_prompt", "images").contains(field)) {
                return Refusal.invalid("input." + field + " is not a parameter of wan2.5-i2i-preview");
            }
        }
        if (!(input.get("images") instanceof List<?> images) || images.isEmpty()) {
            return Refusal.invalid("input.images must hold 1 to 3 images");
        }
        if (images.size() > 3) {
            return Refusal.invalid("too many images: " + images.size() + " given, input.images takes at most 3");
        }
        for (Object image : images) {
            if (!reference(image)) {
                return new Refusal(400, "InvalidURL", "input.images holds something that is neither an http(s)"
                        + " URL nor a data:image/...;base64, URI");
            }
        }
        return prompts(input);
    }

    private static Refusal qwen(Map<String, Object> input) {
        if (input.containsKey("prompt") || input.keySet().size() != 1) {
            return Refusal.invalid("qwen-image reads input.messages only");
        }
        if (!(input.get("messages") instanceof List<?> messages) || messages.size() != 1
                || !(messages.get(0) instanceof Map<?, ?> message) || !"user".equals(message.get("role"))
                || !(message.get("content") instanceof List<?> content)) {
            return Refusal.invalid("input.messages must hold one user message with a content list");
        }
        int texts = 0;
        for (Object item : content) {
            if (!(item instanceof Map<?, ?> part) || part.containsKey("image")) {
                return Refusal.invalid("qwen-image takes no reference images");
            }
            if (!(part.get("text") instanceof String text) || text.isBlank()) {
                return Refusal.invalid("a content item must be {\"text\": \"...\"}");
            }
            texts++;
        }
        return texts == 1 ? null : Refusal.invalid("the message must hold exactly one text, got " + texts);
    }

    private static Refusal prompts(Map<String, Object> input) {
        if (!(input.get("prompt") instanceof String prompt) || prompt.isBlank()) {
            return new Refusal(400, "BadRequest.EmptyInput", "input.prompt is required");
        }
        Object negative = input.get("negative_prompt");
        return negative == null || negative instanceof String ? null
                : Refusal.invalid("input.negative_prompt must be a string");
    }

    private static Refusal parameters(SimFamily family, Map<String, Object> parameters) {
        Object n = parameters.get("n");
        int maxN = family == SimFamily.QWEN_IMAGE ? 1 : 4;
        if (!Json.isWhole(n) || ((Number) n).longValue() < 1 || ((Number) n).longValue() > maxN) {
            return Refusal.invalid("parameters.n must be a whole number from 1 to " + maxN + ", got " + n);
        }
        Object seed = parameters.get("seed");
        if (seed != null && (!Json.isWhole(seed) || ((Number) seed).longValue() < 0
                || ((Number) seed).longValue() > 2_147_483_647L)) {
            return Refusal.invalid("parameters.seed must be a whole number from 0 to 2147483647, got " + seed);
        }
        for (String flag : List.of("watermark", "prompt_extend")) {
            if (parameters.containsKey(flag) && !(parameters.get(flag) instanceof Boolean)) {
                return Refusal.invalid("parameters." + flag + " must be true or false");
            }
        }
        Object size = parameters.get("size");
        return size == null ? null : size(family, size);
    }

    private static Refusal size(SimFamily family, Object value) {
        if (!(value instanceof String size)) {
            return Refusal.invalid("parameters.size must be a string such as 1024*1024");
        }
        if (size.contains("x") || size.contains("X")) {
            return Refusal.invalid("parameters.size '" + size + "' must be written W*H with an asterisk");
        }
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            return Refusal.invalid("parameters.size '" + size + "' is not W*H");
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        return switch (family) {
            case WAN_T2I -> width < 512 || width > 1440 || height < 512 || height > 1440
                    ? Refusal.invalid("parameters.size '" + size + "': each side must be 512 to 1440") : null;
            case WAN_I2I -> {
                long pixels = (long) width * height;
                double ratio = (double) width / height;
                yield pixels < 768 * 768 || pixels > 1440 * 1440 || ratio < 0.25 || ratio > 4
                        ? Refusal.invalid("parameters.size '" + size + "': total pixels must be 768*768 to"
                        + " 1440*1440 and the ratio 1:4 to 4:1") : null;
            }
            case QWEN_IMAGE -> QWEN_SIZES.contains(size) ? null : Refusal.invalid("parameters.size '" + size
                    + "' is not one of " + QWEN_SIZES);
            case SEEDREAM_40, SEEDREAM_45 -> Refusal.invalid("Model not exist.");
        };
    }

    static boolean reference(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        return text.startsWith("https://") || text.startsWith("http://") || DATA_URI.matcher(text).matches();
    }
}
