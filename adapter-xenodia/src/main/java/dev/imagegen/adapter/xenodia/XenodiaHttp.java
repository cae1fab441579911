package dev.imagegen.adapter.xenodia;

import dev.imagegen.adapter.http.VendorHttp;
import dev.imagegen.adapter.xenodia.ErrorTable.Call;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.RetryAfter;
import dev.imagegen.spi.Secret;
import dev.imagegen.spi.TransportFailure;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client of a Xenodia provider: one exchange per call, answers as status and body, failures as
 * {@link ProviderException}s whose messages never carry the key (the vendor's own words are redacted too).
 */
final class XenodiaHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XenodiaHttp.class);

    /** A 2xx answer. */
    record Answer(int status, String body) {
    }

    private final VendorHttp http;
    private final Secret apiKey;
    private final Clock clock;

    XenodiaHttp(XenodiaConfig config) {
        this.http = VendorHttp.create(XenodiaConfig.PROVIDER_ID.value(), config.baseUrl(), config.connectTimeout(),
                config.readTimeout(), config.apiKey(), settings -> { });
        this.apiKey = config.apiKey();
        this.clock = config.clock();
    }

    /** Sends one request; {@code authenticated} adds the Bearer key. */
    CompletableFuture<Answer> send(Call call, MutableHttpRequest<?> request, boolean authenticated) {
        String what = request.getMethodName() + " " + request.getPath();
        if (authenticated) {
            request.bearerAuth(apiKey.reveal());
        }
        return http.exchange(request, Argument.STRING, call == Call.SUBMIT ? TransportFailure.Call.SUBMIT
                        : TransportFailure.Call.STATUS)
                .handle((response, failure) -> {
                    ProviderException mapped = failure != null ? ProviderException.find(failure).orElseThrow()
                            : response.code() < 200 || response.code() > 299 ? fromStatus(call, what, response)
                            : null;
                    if (mapped != null) {
                        LOG.debug("{} failed: {} ({})", what, mapped.code(), mapped.getMessage());
                        throw mapped;
                    }
                    LOG.debug("{} -> {}", what, response.code());
                    return new Answer(response.code(), response.body());
                });
    }

    private ProviderException fromStatus(Call call, String what, HttpResponse<String> response) {
        int status = response.code();
        VendorError vendor = VendorError.ofBody(response.getBody().orElse(""));
        ErrorCode code = ErrorTable.forStatus(call, status, vendor.code());
        Duration retryAfter = RetryAfter.parse(response.getHeaders().get("Retry-After"), clock).orElse(null);
        String message = "Xenodia answered HTTP " + status + (vendor.code() == null ? "" : " " + vendor.code())
                + " to " + what + (vendor.message() == null ? "" : ": " + vendor.message());
        String providerCode = vendor.code() != null ? vendor.code() : Integer.toString(status);
        return new ProviderException(code, apiKey.redact(providerCode), apiKey.redact(message), retryAfter, null);
    }

    @Override
    public void close() {
        http.close();
    }
}
