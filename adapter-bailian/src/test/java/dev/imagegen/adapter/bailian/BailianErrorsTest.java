package dev.imagegen.adapter.bailian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.imagegen.spi.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BailianErrorsTest {

    @ParameterizedTest(name = "DashScope {1} (HTTP {0}) -> {2}")
    @CsvSource({
        "400, DataInspectionFailed, CONTENT_VIOLATION",
        "400, data_inspection_failed, CONTENT_VIOLATION",
        "400, InputTextSensitiveContentDetected, CONTENT_VIOLATION",
        "400, InvalidParameter, INVALID_REQUEST",
        "400, BadRequest.EmptyInput, INVALID_REQUEST",
        "400, BadRequest.EmptyParameters, INVALID_REQUEST",
        "400, UnsupportedOperation, INVALID_REQUEST",
        "400, InvalidURL, INVALID_REFERENCE",
        "400, BadRequest.InputDownloadFailed, INVALID_REFERENCE",
        "400, InternalError.Algo.InvalidParameter, INVALID_REFERENCE",
        "400, InvalidParameter.DataInspection, INVALID_REFERENCE",
        "400, Arrearage, INSUFFICIENT_BALANCE",
        "401, InvalidApiKey, AUTHENTICATION_FAILED",
        "401, invalid_api_key, AUTHENTICATION_FAILED",
        "403, AccessDenied, PERMISSION_DENIED",
        "403, AccessDenied.Unpurchased, PERMISSION_DENIED",
        "403, Model.AccessDenied, PERMISSION_DENIED",
        "403, AllocationQuota.FreeTierOnly, PERMISSION_DENIED",
        "404, ModelNotFound, UNSUPPORTED_MODEL",
        "404, model_not_found, UNSUPPORTED_MODEL",
        "429, Throttling, RATE_LIMITED",
        "429, Throttling.RateQuota, RATE_LIMITED",
        "429, Throttling.AllocationQuota, RATE_LIMITED",
        "500, InternalError, PROVIDER_UNAVAILABLE",
        "500, InternalError.Timeout, PROVIDER_UNAVAILABLE"})
    void maps_dashscope_codes(int status, String code, ErrorCode expected) {
        assertEquals(expected, BailianErrors.ofCall(status, code, "m"));
    }

    @ParameterizedTest(name = "Ark {1} (HTTP {0}) -> {2}")
    @CsvSource({
        "400, InvalidParameter, INVALID_REQUEST",
        "400, MissingParameter, INVALID_REQUEST",
        "400, SensitiveContentDetected, CONTENT_VIOLATION",
        "400, SensitiveContentDetected.SevereViolation, CONTENT_VIOLATION",
        "400, InputImageSensitiveContentDetected, CONTENT_VIOLATION",
        "400, OutputImageSensitiveContentDetected, CONTENT_VIOLATION",
        "400, InvalidImageURL.EmptyURI, INVALID_REFERENCE",
        "400, InvalidEndpoint.ClosedEndpoint, UNSUPPORTED_MODEL",
        "401, AuthenticationError, AUTHENTICATION_FAILED",
        "403, AccountOverdueError, INSUFFICIENT_BALANCE",
        "403, AccessDenied, PERMISSION_DENIED",
        "404, InvalidEndpointOrModel.NotFound, UNSUPPORTED_MODEL",
        "404, InvalidEndpointOrModel.ModelIDAccessDisabled, UNSUPPORTED_MODEL",
        "429, RateLimitExceeded.EndpointRPMExceeded, RATE_LIMITED",
        "429, ModelAccountRpmRateLimitExceeded, RATE_LIMITED",
        "500, InternalServiceError, PROVIDER_UNAVAILABLE"})
    void maps_ark_codes(int status, String code, ErrorCode expected) {
        assertEquals(expected, BailianErrors.ofCall(status, code, "m"));
    }

    @ParameterizedTest(name = "gateway code {1} with HTTP {0} -> {2}")
    @CsvSource({
        "400, 400, INVALID_REQUEST", "401, 401, AUTHENTICATION_FAILED", "200, 429, RATE_LIMITED",
        "200, 401, AUTHENTICATION_FAILED", "200, 402, INSUFFICIENT_BALANCE", "200, 503, PROVIDER_UNAVAILABLE",
        "401, unauthorized, AUTHENTICATION_FAILED", "200, Arrearage, INSUFFICIENT_BALANCE"})
    void reads_the_gateway_envelope_code_as_a_status_or_a_vendor_code(int status, String code, ErrorCode expected) {
        assertEquals(expected, BailianErrors.ofCall(status, code, "m"));
    }

    @ParameterizedTest(name = "HTTP {0} without a known code -> {1}")
    @CsvSource({"400, INVALID_REQUEST", "401, AUTHENTICATION_FAILED", "402, INSUFFICIENT_BALANCE",
        "403, PERMISSION_DENIED", "404, UNSUPPORTED_MODEL", "408, PROVIDER_UNAVAILABLE", "409, INVALID_REQUEST",
        "429, RATE_LIMITED", "500, PROVIDER_UNAVAILABLE", "502, PROVIDER_UNAVAILABLE", "504, PROVIDER_UNAVAILABLE",
        "200, GENERATION_FAILED"})
    void falls_back_to_the_http_status(int status, ErrorCode expected) {
        assertEquals(expected, BailianErrors.ofCall(status, "NeverHeardOf", "m"));
        assertEquals(expected, BailianErrors.ofCall(status, null, null));
    }

    @Test
    void reads_model_not_exist_as_an_unsupported_model() {
        assertEquals(ErrorCode.UNSUPPORTED_MODEL, BailianErrors.ofCall(400, "InvalidParameter", "Model not exist."));
    }

    @ParameterizedTest
    @CsvSource({"InternalError.Timeout", "InternalError", "Throttling.RateQuota", "Unheard"})
    void a_failed_task_is_never_transient(String code) {
        assertEquals(ErrorCode.GENERATION_FAILED, BailianErrors.ofTask(code, "m").code());
        assertEquals(code, BailianErrors.ofTask(code, "m").providerCode());
    }

    @Test
    void a_failed_task_keeps_its_permanent_code() {
        assertEquals(ErrorCode.CONTENT_VIOLATION, BailianErrors.ofTask("DataInspectionFailed", null).code());
        assertEquals(ErrorCode.INVALID_REFERENCE, BailianErrors.ofTask("InvalidURL", null).code());
    }
}
