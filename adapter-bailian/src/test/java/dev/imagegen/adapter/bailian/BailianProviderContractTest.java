package dev.imagegen.adapter.bailian;

import dev.imagegen.testkit.bailian.BailianSimulator;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The provider contract against the simulator, in one API style per subclass. The typical request is
 * {@code wan2.2-t2i-flash}, which runs as a task.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BailianProviderContractTest extends ImageProviderContractTest {

    private Fixture fixture;

    abstract BailianSimulator.Style style();

    @BeforeAll
    void startSimulator() {
        fixture = Fixture.start(style());
    }

    @AfterAll
    void stopSimulator() {
        fixture.close();
    }

    @Override
    protected ImageProviderFactory factory() {
        return new BailianProviderFactory();
    }

    @Override
    protected ImageProvider provider() {
        return fixture.provider;
    }

    @Override
    protected VendorSimulator simulator() {
        return fixture.sim;
    }

    @Override
    protected String apiKey() {
        return fixture.sim.apiKey();
    }

    @Override
    protected ProviderConfig configAt(URI baseUrl, Duration readTimeout) {
        Map<String, String> config = new HashMap<>(fixture.sim.providerConfig());
        config.put("BAILIAN_BASE_URL", baseUrl.toString());
        config.put("BAILIAN_CONNECT_TIMEOUT", "2s");
        config.put("BAILIAN_READ_TIMEOUT", Durations.format(readTimeout));
        return ProviderConfig.of(config);
    }

    @Override
    protected ProviderRequest typicalRequest() {
        return ProviderRequest.builder("wan2.2-t2i-flash", "a lighthouse at dawn, oil painting")
                .aspectRatio("16:9").build();
    }

    @Override
    protected Map<String, ProviderTaskState> vendorStates() {
        Map<String, ProviderTaskState> states = new LinkedHashMap<>();
        states.put("PENDING", ProviderTaskState.QUEUED);
        states.put("SUSPENDED", ProviderTaskState.QUEUED);
        states.put("RUNNING", ProviderTaskState.RUNNING);
        states.put("SUCCEEDED", ProviderTaskState.SUCCEEDED);
        states.put("FAILED", ProviderTaskState.FAILED);
        states.put("CANCELED", ProviderTaskState.FAILED);
        states.put("UNKNOWN", ProviderTaskState.FAILED);
        return states;
    }

    @Override
    protected Map<String, ErrorCode> taskFailures() {
        Map<String, ErrorCode> failures = new LinkedHashMap<>();
        failures.put("DataInspectionFailed", ErrorCode.CONTENT_VIOLATION);
        failures.put("IPInfringementSuspect", ErrorCode.CONTENT_VIOLATION);
        failures.put("OutputImageSensitiveContentDetected", ErrorCode.CONTENT_VIOLATION);
        failures.put("InvalidParameter", ErrorCode.INVALID_REQUEST);
        failures.put("InvalidURL", ErrorCode.INVALID_REFERENCE);
        failures.put("BadRequest.InputDownloadFailed", ErrorCode.INVALID_REFERENCE);
        failures.put("InternalError.Algo.InvalidParameter", ErrorCode.INVALID_REFERENCE);
        failures.put("Arrearage", ErrorCode.INSUFFICIENT_BALANCE);
        failures.put("InternalError.Timeout", ErrorCode.GENERATION_FAILED);
        failures.put("InternalError", ErrorCode.GENERATION_FAILED);
        failures.put("SomethingNobodyDocumented", ErrorCode.GENERATION_FAILED);
        return failures;
    }

    @Override
    protected List<HttpErrorCase> httpErrors() {
        return List.of(
                HttpErrorCase.of(400, ErrorCode.INVALID_REQUEST),
                HttpErrorCase.of(400, "InvalidParameter", ErrorCode.INVALID_REQUEST),
                HttpErrorCase.of(400, "BadRequest.EmptyInput", ErrorCode.INVALID_REQUEST),
                HttpErrorCase.of(400, "DataInspectionFailed", ErrorCode.CONTENT_VIOLATION),
                HttpErrorCase.of(400, "InvalidURL", ErrorCode.INVALID_REFERENCE),
                HttpErrorCase.of(400, "BadRequest.InputDownloadFailed", ErrorCode.INVALID_REFERENCE),
                HttpErrorCase.of(400, "Arrearage", ErrorCode.INSUFFICIENT_BALANCE),
                HttpErrorCase.of(401, ErrorCode.AUTHENTICATION_FAILED),
                HttpErrorCase.of(401, "InvalidApiKey", ErrorCode.AUTHENTICATION_FAILED),
                HttpErrorCase.of(403, "AccessDenied", ErrorCode.PERMISSION_DENIED),
                HttpErrorCase.of(403, "AccessDenied.Unpurchased", ErrorCode.PERMISSION_DENIED),
                HttpErrorCase.of(404, "ModelNotFound", ErrorCode.UNSUPPORTED_MODEL),
                HttpErrorCase.throttled(7),
                HttpErrorCase.of(429, "Throttling.RateQuota", ErrorCode.RATE_LIMITED),
                HttpErrorCase.of(500, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(500, "InternalError.Timeout", ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(502, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(503, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(504, ErrorCode.OUTCOME_UNKNOWN));
    }
}
