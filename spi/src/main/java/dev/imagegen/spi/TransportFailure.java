package dev.imagegen.spi;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Objects;
import javax.net.ssl.SSLHandshakeException;

/**
 * A vendor call that got no HTTP answer, classified once for every adapter by whether the request can have reached
 * the vendor.
 *
 * <ul>
 *   <li>{@link Delivery#NOT_SENT}: no connection was made (refused, unknown host, no route, a failed TLS handshake).
 *       The vendor never saw the call: {@link ErrorCode#PROVIDER_UNAVAILABLE}, safe to retry or to fall back.</li>
 *   <li>{@link Delivery#MAYBE_SENT}: anything else (a reset or a read timeout after the request was written). A
 *       submit may have been accepted and billed: {@link ErrorCode#OUTCOME_UNKNOWN}, never retried blindly. A status
 *       call is safe to repeat: {@link ErrorCode#PROVIDER_UNAVAILABLE}.</li>
 * </ul>
 *
 * <p>The JDK's types decide ({@link #delivery(Throwable)} looks through every cause, since HTTP clients wrap them).
 * An HTTP client that knows more (that a failure happened while it was still opening the connection) says so with
 * {@link #of(Delivery, Call, String, String, Throwable, Secret)}. Stateless and thread-safe.
 */
public final class TransportFailure {

    /** Whether the request can have reached the vendor. */
    public enum Delivery { NOT_SENT, MAYBE_SENT }

    /** Which kind of call failed: only a submit can leave an outcome unknown. */
    public enum Call { SUBMIT, STATUS }

    private TransportFailure() {
    }

    /** NOT_SENT when the failure or any of its causes is a connection that could not be made; else MAYBE_SENT. */
    public static Delivery delivery(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof UnresolvedAddressException
                    || t instanceof SSLHandshakeException) {
                return Delivery.NOT_SENT;
            }
        }
        return Delivery.MAYBE_SENT;
    }

    /** The code a call ends with. */
    public static ErrorCode code(Delivery delivery, Call call) {
        return delivery == Delivery.MAYBE_SENT && call == Call.SUBMIT ? ErrorCode.OUTCOME_UNKNOWN
                : ErrorCode.PROVIDER_UNAVAILABLE;
    }

    /**
     * The exception a call that got no answer ends with; its message says what was tried and what failed, never the
     * key.
     *
     * @param provider the provider id, for the message
     * @param what     the call, such as {@code POST /v1/images/generations}
     * @param failure  what the HTTP client reported (kept as the cause)
     * @param key      the API key to keep out of the message
     */
    public static ProviderException of(Delivery delivery, Call call, String provider, String what, Throwable failure,
                                       Secret key) {
        Objects.requireNonNull(failure, "failure");
        String cause = failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                : ": " + failure.getMessage());
        String message = switch (code(delivery, call)) {
            case OUTCOME_UNKNOWN -> provider + ": " + what + " was sent and its answer was lost (" + cause
                    + "); the vendor may have accepted (and billed) the task";
            default -> provider + ": " + what + (delivery == Delivery.NOT_SENT
                    ? " was not sent: no connection (" : " got no answer (") + cause + ")";
        };
        return new ProviderException(code(delivery, call), null, key.redact(message), null, failure);
    }
}
