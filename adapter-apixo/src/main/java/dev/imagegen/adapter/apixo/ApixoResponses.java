package dev.imagegen.adapter.apixo;

import dev.imagegen.adapter.apixo.ApixoErrors.Call;
import dev.imagegen.adapter.apixo.wire.ApixoEnvelope;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.RetryAfter;
import dev.imagegen.spi.Secret;
import io.micronaut.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns the answer of one exchange into an envelope to read or the {@link ProviderException} that says what
 * happened. Messages never carry the API key.
 */
final class ApixoResponses {

    private static final int MAX_RAW_BODY = 200;

    private final Secret apiKey;
    private final Clock clock;

    ApixoResponses(Secret apiKey, Clock clock) {
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /**
     * The envelope of a successful answer: HTTP 2xx and a body {@code code} of 200 (or none).
     *
     * @throws ProviderException for an error status, an error {@code code} in a 200 body, or an unreadable body
     */
    ApixoEnvelope accept(Call call, HttpResponse<byte[]> response) {
        byte[] body = response.getBody(byte[].class).orElse(new byte[0]);
        Optional<ApixoEnvelope> envelope = ApixoJson.envelope(body);
        String retryAfter = response.getHeaders().get("Retry-After");
        int status = response.code();
        if (status < 200 || status > 299) {
            throw error(call, status, envelope, body, retryAfter);
        }
        ApixoEnvelope read = envelope.orElseThrow(() -> unreadable(call, status, body));
        if (read.code() != null && read.code() != 200) {
            throw error(call, read.code(), envelope, body, retryAfter);
        }
        return read;
    }

    private ProviderException error(Call call, int status, Optional<ApixoEnvelope> envelope, byte[] body,
                                    String retryAfter) {
        String message = envelope.map(ApixoEnvelope::message).orElse(null);
        ErrorCode code = ApixoErrors.httpStatus(call, status, message);
        String detail = envelope.map(ApixoResponses::describe).orElseGet(() -> raw(body));
        return new ProviderException(code, Integer.toString(status),
                redact("Apixo answered " + name(call) + " with " + status + ": " + detail),
                RetryAfter.parse(retryAfter, clock).orElse(null), null);
    }

    private ProviderException unreadable(Call call, int status, byte[] body) {
        ErrorCode code = call == Call.SUBMIT ? ErrorCode.OUTCOME_UNKNOWN : ErrorCode.PROVIDER_UNAVAILABLE;
        return new ProviderException(code, Integer.toString(status),
                redact("Apixo answered " + name(call) + " with " + status + " and a body that is not its envelope: "
                        + raw(body)));
    }

    /** A submit answered 200 without a task id: Apixo may have accepted the task, but it cannot be followed. */
    ProviderException missingTaskId(ApixoEnvelope envelope) {
        return new ProviderException(ErrorCode.OUTCOME_UNKNOWN, null,
                redact("Apixo accepted generateTask without a taskId: " + describe(envelope)));
    }

    private static String describe(ApixoEnvelope envelope) {
        String message = envelope.message() == null ? "(no message)" : envelope.message();
        return ApixoJson.text(envelope.data(), "error").map(e -> message + " (" + e + ")").orElse(message);
    }

    private static String raw(byte[] body) {
        if (body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_RAW_BODY ? text : text.substring(0, MAX_RAW_BODY) + "...";
    }

    private static String name(Call call) {
        return call == Call.SUBMIT ? "generateTask" : "statusTask";
    }

    private String redact(String message) {
        return apiKey.redact(message);
    }
}
