package dev.imagegen.adapter.xenodia;

import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.contract.HttpErrorCase;
import dev.imagegen.spi.contract.ImageProviderContractTest;
import dev.imagegen.testkit.VendorSimulator;
import dev.imagegen.spi.Durations;
import dev.imagegen.spi.ProviderConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

class XenodiaProviderContractTest extends ImageProviderContractTest {

    @RegisterExtension
    static final SimulatedXenodia XENODIA = new SimulatedXenodia();

    @Override
    protected ImageProviderFactory factory() {
        return new XenodiaProviderFactory();
    }

    @Override
    protected ImageProvider provider() {
        return XENODIA.provider();
    }

    @Override
    protected VendorSimulator simulator() {
        return XENODIA.simulator();
    }

    @Override
    protected String apiKey() {
        return XENODIA.simulator().apiKey();
    }

    @Override
    protected ProviderConfig configAt(URI baseUrl, Duration readTimeout) {
        Map<String, String> config = Fixtures.config(XENODIA.simulator());
        config.put("XENODIA_BASE_URL", baseUrl.toString());
        config.put("XENODIA_READ_TIMEOUT", Durations.format(readTimeout));
        return ProviderConfig.of(config);
    }

    @Override
    protected ProviderRequest typicalRequest() {
        return Fixtures.typical();
    }

    @Override
    protected Map<String, ProviderTaskState> vendorStates() {
        Map<String, ProviderTaskState> states = new LinkedHashMap<>();
        states.put("waiting", ProviderTaskState.QUEUED);
        states.put("queuing", ProviderTaskState.QUEUED);
        states.put("generating", ProviderTaskState.RUNNING);
        states.put("success", ProviderTaskState.SUCCEEDED);
        states.put("fail", ProviderTaskState.FAILED);
        states.put("succeeded", ProviderTaskState.SUCCEEDED);
        states.put("completed", ProviderTaskState.SUCCEEDED);
        states.put("failed", ProviderTaskState.FAILED);
        states.put("error", ProviderTaskState.FAILED);
        states.put("paused", ProviderTaskState.UNKNOWN);
        return states;
    }

    @Override
    protected Map<String, ErrorCode> taskFailures() {
        return Map.of(
                "content_policy_violation", ErrorCode.CONTENT_VIOLATION,
                "invalid_reference", ErrorCode.INVALID_REFERENCE,
                "image_generation_failed", ErrorCode.GENERATION_FAILED,
                "upstream_timeout", ErrorCode.GENERATION_FAILED);
    }

    @Override
    protected List<HttpErrorCase> httpErrors() {
        return List.of(
                HttpErrorCase.of(400, "bad_request", ErrorCode.INVALID_REQUEST),
                HttpErrorCase.of(400, "unsupported_model", ErrorCode.UNSUPPORTED_MODEL),
                HttpErrorCase.of(401, ErrorCode.AUTHENTICATION_FAILED),
                HttpErrorCase.of(402, ErrorCode.INSUFFICIENT_BALANCE),
                HttpErrorCase.of(403, ErrorCode.PERMISSION_DENIED),
                HttpErrorCase.throttled(7),
                HttpErrorCase.of(429, ErrorCode.RATE_LIMITED),
                HttpErrorCase.of(500, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(502, "image_generation_failed", ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(503, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(504, ErrorCode.OUTCOME_UNKNOWN));
    }
}
