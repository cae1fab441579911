package dev.imagegen.adapter.bailian;

import dev.imagegen.adapter.bailian.Envelope.Phase;
import dev.imagegen.spi.ErrorCode;
import dev.imagegen.spi.ProviderException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Connection failures as outcomes. Nothing was sent when the connection could not be made, so a submit may be
 * repeated (PROVIDER_UNAVAILABLE); a read timeout or a broken connection after a submit was sent may hide a task
 * the vendor accepted and bills (OUTCOME_UNKNOWN). A status call can always be repeated.
 */
final class Transport {

    private Transport() {
    }

    static ProviderException failure(Throwable failure, Phase phase, Redactor redactor) {
        boolean notSent = beforeSending(failure);
        ErrorCode code = phase == Phase.SUBMIT && !notSent ? ErrorCode.OUTCOME_UNKNOWN : ErrorCode.PROVIDER_UNAVAILABLE;
        String what = notSent ? "could not reach the vendor"
                : failure instanceof ReadTimeoutException ? "no answer within the read timeout"
                : "the connection failed after the request was sent";
        return new ProviderException(code, null, redactor.redact("bailian: " + what + " ("
                + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")"), null, failure);
    }

    private static boolean beforeSending(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.startsWith("Connect Error") || message.startsWith("Connect Timeout"))) {
                return true;
            }
        }
        return false;
    }
}
