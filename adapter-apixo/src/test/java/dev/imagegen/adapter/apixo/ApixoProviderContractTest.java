package dev.imagegen.adapter.apixo;

import dev.imagegen.testkit.apixo.ApixoSimulator;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ImageProvider;
import dev.imagegen.spi.ImageProviderFactory;
import dev.imagegen.spi.ProviderRequest;
import dev.imagegen.spi.ProviderTaskState;
import dev.imagegen.spi.Resolution;
import dev.imagegen.spi.OutputFormat;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ApixoProviderContractTest extends ImageProviderContractTest {

    private static ApixoSimulator simulator;
    private static ImageProvider provider;

    @BeforeAll
    static void start() {
        simulator = ApixoSimulator.start();
        provider = new ApixoProviderFactory().create(Fixtures.config(simulator));
    }

    @AfterAll
    static void stop() {
        provider.close();
        simulator.close();
    }

    @Override
    protected ImageProviderFactory factory() {
        return new ApixoProviderFactory();
    }

    @Override
    protected ImageProvider provider() {
        return provider;
    }

    @Override
    protected VendorSimulator simulator() {
        return simulator;
    }

    @Override
    protected String apiKey() {
        return simulator.apiKey();
    }

    @Override
    protected ProviderConfig configAt(URI baseUrl, Duration readTimeout) {
        return Fixtures.config(simulator, Map.of("APIXO_BASE_URL", baseUrl.toString(),
                "APIXO_READ_TIMEOUT", Durations.format(readTimeout)));
    }

    @Override
    protected ProviderRequest typicalRequest() {
        return ProviderRequest.builder("nano-banana-pro", "a cozy cyberpunk cafe with neon lights")
                .aspectRatio("16:9").resolution(Resolution.TWO_K).outputFormat(OutputFormat.PNG).build();
    }

    @Override
    protected Map<String, ProviderTaskState> vendorStates() {
        return Map.of("pending", ProviderTaskState.QUEUED, "processing", ProviderTaskState.RUNNING,
                "success", ProviderTaskState.SUCCEEDED, "failed", ProviderTaskState.FAILED,
                "archived", ProviderTaskState.UNKNOWN);
    }

    @Override
    protected Map<String, ErrorCode> taskFailures() {
        Map<String, ErrorCode> failures = new LinkedHashMap<>();
        for (String code : List.of("CONTENT_VIOLATION", "NSFW_DETECTED", "SensitiveContent", "SensitiveContentDetected",
                "SensitiveContentDetected.SevereViolation", "InputImageSensitiveContentDetected",
                "InputOutputSensitiveContentDetected", "OutputImageSensitiveContentDetected",
                "ProhibitedContentDetected", "NSFW")) {
            failures.put(code, ErrorCode.CONTENT_VIOLATION);
        }
        for (String code : List.of("INVALID_IMAGE_URL", "IMAGE_DOWNLOAD_FAILED", "IMAGE_TOO_LARGE",
                "UNSUPPORTED_FORMAT")) {
            failures.put(code, ErrorCode.INVALID_REFERENCE);
        }
        for (String code : List.of("PROMPT_TOO_LONG", "INVALID_PROMPT", "PromptLengthExceeded")) {
            failures.put(code, ErrorCode.INVALID_REQUEST);
        }
        failures.put("INSUFFICIENT_CREDITS", ErrorCode.INSUFFICIENT_BALANCE);
        failures.put("PROCESSING_TIMEOUT", ErrorCode.TIMEOUT);
        failures.put("MODEL_UNAVAILABLE", ErrorCode.GENERATION_FAILED);
        failures.put("GENERATION_FAILED", ErrorCode.GENERATION_FAILED);
        failures.put("SomethingApixoAddsLater", ErrorCode.GENERATION_FAILED);
        return failures;
    }

    @Override
    protected List<HttpErrorCase> httpErrors() {
        return List.of(
                HttpErrorCase.of(400, ErrorCode.INVALID_REQUEST),
                HttpErrorCase.of(400, "Insufficient credits", ErrorCode.INSUFFICIENT_BALANCE),
                HttpErrorCase.of(401, ErrorCode.AUTHENTICATION_FAILED),
                HttpErrorCase.of(402, ErrorCode.INSUFFICIENT_BALANCE),
                HttpErrorCase.of(403, ErrorCode.PERMISSION_DENIED),
                HttpErrorCase.of(404, ErrorCode.UNSUPPORTED_MODEL),
                HttpErrorCase.throttled(7),
                HttpErrorCase.of(429, ErrorCode.RATE_LIMITED),
                HttpErrorCase.of(500, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(502, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(503, ErrorCode.PROVIDER_UNAVAILABLE),
                HttpErrorCase.of(504, ErrorCode.OUTCOME_UNKNOWN));
    }
}
