package dev.imagegen.testkit.xenodia;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Xenodia's rules for {@code POST /v1/images/generations}, strict as the real API: each broken rule is refused with
 * a 400 and Xenodia's body ({@code bad_request}, or {@code unsupported_model}). Fields it does not know are
 * ignored, as JSON APIs commonly do (vendor-native pass-through fields reach it that way).
 */
final class SubmitValidator {

    /** A refusal: the status, Xenodia's error code and message. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;

        Refused(int status, String error, String message) {
            super(message);
            this.status = status;
            this.error = error;
        }

        static Refused badRequest(String message) {
            return new Refused(400, "bad_request", message);
        }
    }

    /** A submit that passed every rule. */
    record Valid(SimulatedModel model, String prompt, String aspectRatio, String resolution, String outputFormat,
                 Boolean async, Long channelId, List<String> imageInputs, List<UploadedFile> files) {
    }

    private static final Set<String> SCALARS = Set.of("model", "prompt", "n", "async", "response_format",
            "aspect_ratio", "resolution", "output_format", "channel_id");

    private SubmitValidator() {
    }

    static Valid json(Map<String, Object> body, Map<String, SimulatedModel> models) throws Refused {
        List<String> urls = new ArrayList<>();
        Object input = body.get("image_input");
        if (input != null) {
            if (!(input instanceof List<?> list)) {
                throw Refused.badRequest("image_input must be an array of URLs");
            }
            for (Object url : list) {
                if (!(url instanceof String text)) {
                    throw Refused.badRequest("image_input must be an array of URLs");
                }
                urls.add(text);
            }
        }
        Object n = body.get("n");
        if (n != null && !(n instanceof Integer || n instanceof Long)) {
            throw Refused.badRequest("n must be an integer");
        }
        Object async = body.get("async");
        if (async != null && !(async instanceof Boolean)) {
            throw Refused.badRequest("async must be a boolean");
        }
        Object channel = body.get("channel_id");
        if (channel != null && !(channel instanceof Integer || channel instanceof Long)) {
            throw Refused.badRequest("channel_id must be an integer");
        }
        return common(string(body, "model"), string(body, "prompt"), n == null ? null : ((Number) n).longValue(),
                (Boolean) async, string(body, "response_format"), string(body, "aspect_ratio"),
                string(body, "resolution"), string(body, "output_format"),
                channel == null ? null : ((Number) channel).longValue(), urls, List.of(), models);
    }

    static Valid multipart(List<Multipart.Part> parts, List<UploadedFile> filesOut, Map<String, SimulatedModel> models)
            throws Refused {
        Map<String, String> scalars = new LinkedHashMap<>();
        List<String> urls = new ArrayList<>();
        for (Multipart.Part part : parts) {
            String name = part.name();
            if (name.equals("image") || name.equals("image[]")) {
                if (!part.isFile()) {
                    throw Refused.badRequest(name + " must be a file field");
                }
                filesOut.add(new UploadedFile(name, part.fileName(), part.contentType(), part.bytes()));
            } else if (name.equals("image_input") || name.equals("image_input[]")) {
                if (part.isFile()) {
                    throw Refused.badRequest(name + " takes URLs; upload files as image[]");
                }
                urls.add(part.text());
            } else if (SCALARS.contains(name)) {
                if (part.isFile()) {
                    throw Refused.badRequest(name + " must be a text field");
                }
                if (scalars.put(name, part.text()) != null) {
                    throw Refused.badRequest(name + " was given more than once");
                }
            }
        }
        return common(scalars.get("model"), scalars.get("prompt"), integer(scalars, "n"), bool(scalars, "async"),
                scalars.get("response_format"), scalars.get("aspect_ratio"), scalars.get("resolution"),
                scalars.get("output_format"), integer(scalars, "channel_id"), urls, filesOut, models);
    }

    private static Valid common(String modelId, String prompt, Long n, Boolean async, String responseFormat,
                                String aspectRatio, String resolution, String outputFormat, Long channelId,
                                List<String> urls, List<UploadedFile> files, Map<String, SimulatedModel> models)
            throws Refused {
        if (modelId == null || modelId.isBlank()) {
            throw Refused.badRequest("model is required");
        }
        SimulatedModel model = models.get(modelId);
        if (model == null) {
            throw new Refused(400, "unsupported_model", "model '" + modelId + "' is not supported on this endpoint");
        }
        if (prompt == null || prompt.isBlank()) {
            throw Refused.badRequest("prompt is required");
        }
        if (n != null && n != 1) {
            throw Refused.badRequest("only n=1 is supported");
        }
        if (responseFormat != null && !responseFormat.equals("url")) {
            throw Refused.badRequest("only response_format=url is supported");
        }
        oneOf("aspect_ratio", aspectRatio, model.aspectRatios(), model);
        oneOf("resolution", resolution, model.resolutions(), model);
        if (outputFormat != null && model.outputFormats().isEmpty()) {
            throw Refused.badRequest("output_format is not supported for " + model.id());
        }
        oneOf("output_format", outputFormat, model.outputFormats(), model);
        if (model.forbids(aspectRatio, resolution)) {
            throw Refused.badRequest("aspect_ratio " + aspectRatio + " cannot be used with resolution " + resolution
                    + " for " + model.id());
        }
        if (channelId != null && !model.channels().contains(channelId.intValue())) {
            throw Refused.badRequest("channel_id " + channelId + " is not an available channel of " + model.id());
        }
        if (urls.size() + files.size() > model.maxReferences()) {
            throw Refused.badRequest("image_input accepts at most " + model.maxReferences() + " references");
        }
        for (String url : urls) {
            checkUrl(url);
        }
        for (UploadedFile file : files) {
            checkFile(file);
        }
        return new Valid(model, prompt, aspectRatio, resolution, outputFormat, async, channelId, urls, files);
    }

    private static void oneOf(String field, String value, List<String> allowed, SimulatedModel model) throws Refused {
        if (value != null && !allowed.contains(value)) {
            throw Refused.badRequest(field + " '" + value + "' is not supported by " + model.id() + "; allowed: "
                    + String.join(", ", allowed));
        }
    }

    private static void checkUrl(String url) throws Refused {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw Refused.badRequest("image_input '" + url + "' is not an http(s) URL");
    }

    private static void checkFile(UploadedFile file) throws Refused {
        if (file.contentType() == null || !SimulatedModel.ACCEPTED_MIME.contains(file.contentType())) {
            throw Refused.badRequest("reference file '" + file.fileName() + "' has unsupported type "
                    + file.contentType() + "; accepted: " + String.join(", ", SimulatedModel.ACCEPTED_MIME));
        }
        if (file.size() > SimulatedModel.MAX_FILE_BYTES) {
            throw Refused.badRequest("reference file '" + file.fileName() + "' exceeds 30MB");
        }
        if (!looksLike(file.contentType(), file.bytes())) {
            throw Refused.badRequest("reference file '" + file.fileName() + "' is not a valid " + file.contentType());
        }
    }

    private static boolean looksLike(String type, byte[] bytes) {
        return switch (type) {
            case "image/png" -> startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 0);
            case "image/jpeg" -> startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0);
            case "image/webp" -> startsWith(bytes, "RIFF".getBytes(), 0) && startsWith(bytes, "WEBP".getBytes(), 8);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        return bytes.length >= at + prefix.length
                && Arrays.equals(Arrays.copyOfRange(bytes, at, at + prefix.length), prefix);
    }

    private static String string(Map<String, Object> body, String name) throws Refused {
        Object value = body.get(name);
        if (value != null && !(value instanceof String)) {
            throw Refused.badRequest(name + " must be a string");
        }
        return (String) value;
    }

    private static Long integer(Map<String, String> scalars, String name) throws Refused {
        String text = scalars.get(name);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw Refused.badRequest(name + " must be an integer");
        }
    }

    private static Boolean bool(Map<String, String> scalars, String name) throws Refused {
        String text = scalars.get(name);
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            throw Refused.badRequest(name + " must be true or false");
        }
        return Boolean.valueOf(text);
    }
}
