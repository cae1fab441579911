package dev.imagegen.adapter.xenodia;

import dev.imagegen.adapter.xenodia.ErrorTable.Call;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import dev.imagegen.spi.Secret;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client of a Xenodia provider: one exchange per call, answers as status and body, failures as
 * {@link ProviderException}s whose messages never carry the key (the vendor's own words are redacted too).
 */
final class XenodiaHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(XenodiaHttp.class);
    private static final String REDACTED = "[redacted]";

    /** A 2xx answer. */
    record Answer(int status, String body) {
    }

    private final HttpClient client;
    private final Secret apiKey;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    XenodiaHttp(XenodiaConfig config) {
        DefaultHttpClientConfiguration settings = new DefaultHttpClientConfiguration();
        settings.setConnectTimeout(config.connectTimeout());
        settings.setReadTimeout(config.readTimeout());
        try {
            this.client = HttpClient.create(config.baseUrl().toURL(), settings);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(XenodiaConfig.BASE_URL.name() + " is not a URL", e);
        }
        this.apiKey = config.apiKey();
        this.clock = config.clock();
    }

    /** Sends one request; {@code authenticated} adds the Bearer key. */
    CompletableFuture<Answer> send(Call call, MutableHttpRequest<?> request, boolean authenticated) {
        String what = request.getMethodName() + " " + request.getPath();
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Xenodia provider is closed"));
        }
        if (authenticated) {
            request.bearerAuth(apiKey.reveal());
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        try {
            SingleResult.of(client.exchange(request, Argument.STRING, Argument.STRING))
                    .whenComplete((response, failure) -> settle(answer, call, what, response, failure));
        } catch (RuntimeException e) {
            answer.completeExceptionally(translate(call, what, e));
        }
        return answer;
    }

    private void settle(CompletableFuture<Answer> answer, Call call, String what, HttpResponse<String> response,
                        Throwable failure) {
        if (failure == null) {
            LOG.debug("{} -> {}", what, response.getStatus().getCode());
            answer.complete(new Answer(response.getStatus().getCode(), response.body()));
        } else {
            ProviderException mapped = translate(call, what, unwrap(failure));
            LOG.debug("{} failed: {} ({})", what, mapped.code(), mapped.getMessage());
            answer.completeExceptionally(mapped);
        }
    }

    private ProviderException translate(Call call, String what, Throwable failure) {
        if (failure instanceof HttpClientResponseException e) {
            return fromStatus(call, what, e.getResponse());
        }
        if (isConnectFailure(failure)) {
            return new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, null,
                    "could not connect to Xenodia for " + what + ": " + describe(failure), null, failure);
        }
        boolean timeout = failure instanceof ReadTimeoutException;
        if (call == Call.SUBMIT) {
            return new ProviderException(ErrorCode.OUTCOME_UNKNOWN, null, (timeout ? "no answer in time to "
                    : "the connection failed after sending ") + what + "; Xenodia may have accepted (and billed) "
                    + "the task: " + describe(failure), null, failure);
        }
        return new ProviderException(ErrorCode.PROVIDER_UNAVAILABLE, null,
                (timeout ? "no answer in time to " : "the connection failed during ") + what + ": "
                        + describe(failure), null, failure);
    }

    private ProviderException fromStatus(Call call, String what, HttpResponse<?> response) {
        int status = response.getStatus().getCode();
        VendorError vendor = VendorError.ofBody(response.getBody(String.class).orElse(""));
        ErrorCode code = ErrorTable.forStatus(call, status, vendor.code());
        Duration retryAfter = RetryAfter.parse(response.getHeaders().get("Retry-After"), clock);
        String message = "Xenodia answered HTTP " + status + (vendor.code() == null ? "" : " " + vendor.code())
                + " to " + what + (vendor.message() == null ? "" : ": " + vendor.message());
        String providerCode = vendor.code() != null ? vendor.code() : Integer.toString(status);
        return new ProviderException(code, redact(providerCode), redact(message), retryAfter, null);
    }

    /** The key never leaves in a message, even when a vendor or network layer echoes it. */
    String redact(String text) {
        return text == null ? null : text.replace(apiKey.reveal(), REDACTED);
    }

    private String describe(Throwable failure) {
        return redact(failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                : " " + failure.getMessage()));
    }

    private static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
        }
    }
}
