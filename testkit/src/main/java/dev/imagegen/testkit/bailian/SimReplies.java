package dev.imagegen.testkit.bailian;

import com.sun.net.httpserver.HttpExchange;
import dev.imagegen.testkit.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes answers in the simulated style: the gateway's envelope and error shapes, or DashScope's own. */
final class SimReplies {

    private final BailianSimulator.Style style;

    SimReplies(BailianSimulator.Style style) {
        this.style = style;
    }

    /** A success: the upstream JSON, wrapped in the envelope by the gateway. */
    void ok(HttpExchange exchange, Map<String, Object> upstream) throws IOException {
        send(exchange, 200, style == BailianSimulator.Style.GATEWAY ? SimAnswers.envelope(upstream) : upstream,
                null);
    }

    /** A refusal with a named code, in the style's error shape. */
    void refuse(HttpExchange exchange, Refusal refusal, BailianSimulator.ErrorShape shape) throws IOException {
        Map<String, Object> body = style == BailianSimulator.Style.DASHSCOPE
                ? SimAnswers.dashScopeError(refusal.code(), refusal.message())
                : shape == BailianSimulator.ErrorShape.ENVELOPE
                ? SimAnswers.envelopeError(refusal.code(), refusal.message())
                : SimAnswers.errorObject(refusal.code(), refusal.message());
        send(exchange, refusal.status(), body, null);
    }

    /** A refusal by status; without a vendor code the style's usual code for it (the gateway's is the status). */
    void refuseStatus(HttpExchange exchange, int status, String vendorCode, Integer retryAfter,
                      BailianSimulator.ErrorShape shape) throws IOException {
        Map<String, Object> body;
        if (style == BailianSimulator.Style.DASHSCOPE) {
            String code = vendorCode != null ? vendorCode : Refusal.defaultCode(status);
            body = SimAnswers.dashScopeError(code, status == 401 && vendorCode == null
                    ? "Invalid API-key provided." : "Simulated " + code);
        } else if (shape == BailianSimulator.ErrorShape.ENVELOPE) {
            body = SimAnswers.envelopeError(vendorCode != null ? vendorCode : String.valueOf(status),
                    Refusal.defaultMessage(status));
        } else {
            body = SimAnswers.errorObject(vendorCode != null ? vendorCode
                    : status == 401 ? "unauthorized" : Refusal.defaultCode(status), Refusal.defaultMessage(status));
        }
        send(exchange, status, body, retryAfter);
    }

    /** An Ark refusal, which the gateway passes through in Ark's own shape. */
    void ark(HttpExchange exchange, Refusal refusal) throws IOException {
        send(exchange, refusal.status(), SimAnswers.arkError(refusal), null);
    }

    static void send(HttpExchange exchange, int status, Map<String, Object> body, Integer retryAfter)
            throws IOException {
        LoopbackServer.respond(exchange, status, "application/json",
                Json.write(body).getBytes(StandardCharsets.UTF_8),
                retryAfter == null ? Map.of() : Map.of("Retry-After", String.valueOf(retryAfter)));
    }
}
