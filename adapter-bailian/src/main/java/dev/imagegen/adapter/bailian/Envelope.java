package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.RetryAfter;
import dev.imagegen.spi.Secret;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * Reads an answer down to the upstream vendor's JSON, or the error it carries. Understood in either API style:
 * the gateway envelope {@code {success, code, message, data}} (a {@code success:false} is an error even with HTTP
 * 200), the {@code {error:{code, message}}} shape (gateway and Ark), and DashScope's top-level
 * {@code {request_id, code, message}}. An answer without an envelope is taken as the upstream JSON itself.
 */
final class Envelope {

    /** Which call an answer belongs to: an unreadable answer to a submit may hide an accepted task. */
    enum Phase { SUBMIT, POLL }

    private static final int MAX_MESSAGE = 500;
    private static final int GATEWAY_TIMEOUT = 504;
    private static final String GATEWAY_TIMEOUT_CODE = "504";

    private final ObjectMapper json;
    private final Clock clock;
    private final Secret apiKey;

    Envelope(ObjectMapper json, Clock clock, Secret apiKey) {
        this.json = json;
        this.clock = clock;
        this.apiKey = apiKey;
    }

    /**
     * The upstream JSON of a successful answer.
     *
     * @throws ProviderException for an error answer; a 504 to a submit leaves the outcome unknown, since a gateway
     *     gave up waiting while the generation may have gone on and been billed (VENDORS.md reports "504 but quota
     *     charged, no task id")
     */
    JsonNode upstream(RawResponse response, Phase phase) {
        try {
            return successfulUpstream(response, phase);
        } catch (ProviderException error) {
            boolean gatewayTimeout = response.status() == GATEWAY_TIMEOUT
                    || GATEWAY_TIMEOUT_CODE.equals(error.providerCode().orElse(null));
            if (phase == Phase.SUBMIT && gatewayTimeout && error.code() != ErrorCode.OUTCOME_UNKNOWN) {
                throw new ProviderException(ErrorCode.OUTCOME_UNKNOWN, error.providerCode().orElse(null),
                        error.getMessage() + "; the vendor may have gone on to generate and bill it", null, error);
            }
            throw error;
        }
    }

    private JsonNode successfulUpstream(RawResponse response, Phase phase) {
        if (!response.successful()) {
            throw error(response);
        }
        JsonNode root = parse(response.body());
        if (root == null || !root.isObject()) {
            throw new ProviderException(phase == Phase.SUBMIT ? ErrorCode.OUTCOME_UNKNOWN
                    : ErrorCode.PROVIDER_UNAVAILABLE, null, "bailian: HTTP " + response.status()
                    + " with an answer that is not a JSON object: " + snippet(response.body()));
        }
        failIfError(root, response);
        JsonNode success = root.get("success");
        if (success != null && success.isBoolean()) {
            JsonNode data = root.get("data");
            root = data == null || data.isNull() ? JsonNode.createObjectNode(Map.of())
                    : data.isArray() ? JsonNode.createObjectNode(Map.of("data", data)) : data;
            failIfError(root, response);
        }
        return root;
    }

    /** The error an answer with an error status (or an error body) stands for. */
    ProviderException error(RawResponse response) {
        JsonNode root = parse(response.body());
        if (root == null || !root.isObject()) {
            return failure(response, null, snippet(response.body()), null);
        }
        return error(root, response);
    }

    private ProviderException error(JsonNode root, RawResponse response) {
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return failure(response, text(error, "code"), text(error, "message"), text(root, "request_id"));
        }
        return failure(response, text(root, "code"), text(root, "message"), text(root, "request_id"));
    }

    <T> T read(JsonNode node, Class<T> type, Phase phase) {
        try {
            return json.readValueFromTree(node, type);
        } catch (IOException | RuntimeException e) {
            throw new ProviderException(phase == Phase.SUBMIT ? ErrorCode.OUTCOME_UNKNOWN
                    : ErrorCode.PROVIDER_UNAVAILABLE, null, "bailian: unreadable answer (" + e.getMessage() + ")");
        }
    }

    private void failIfError(JsonNode root, RawResponse response) {
        JsonNode success = root.get("success");
        JsonNode error = root.get("error");
        boolean refused = success != null && success.isBoolean() && !success.getBooleanValue();
        boolean dashScopeError = text(root, "code") != null && root.get("output") == null
                && root.get("data") == null && success == null;
        if (refused || dashScopeError || (error != null && error.isObject())) {
            throw error(root, response);
        }
    }

    private ProviderException failure(RawResponse response, String code, String message, String requestId) {
        ErrorCode outcome = BailianErrors.ofCall(response.status(), code, message);
        String providerCode = code != null ? code : String.valueOf(response.status());
        String text = "bailian: " + (message == null || message.isBlank() ? outcome.name() : message)
                + " (" + (code == null ? "" : code + ", ") + "HTTP " + response.status()
                + (requestId == null ? "" : ", request " + requestId) + ")";
        return new ProviderException(outcome, apiKey.redact(providerCode), apiKey.redact(cut(text)),
                RetryAfter.parse(response.retryAfter(), clock).orElse(null), null);
    }

    private JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.coerceStringValue();
        return text == null || text.isBlank() ? null : text;
    }

    private String snippet(String body) {
        return body.isBlank() ? "(empty)" : apiKey.redact(cut(body.strip()));
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
