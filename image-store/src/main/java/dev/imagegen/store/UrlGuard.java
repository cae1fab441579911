package dev.imagegen.store;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks one URL before it is fetched: {@code http} or {@code https} only, a host, and (unless private URLs are
 * allowed) every address the host resolves to outside the ranges {@link AddressPolicy} refuses.
 *
 * <p>Residual risk: the JDK's HTTP client resolves the host again when it connects, so a DNS server that answers a
 * public address here and a private one a moment later (DNS rebinding) could still steer that connection. The window
 * is the time between this check and the connect; closing it needs a client that connects to a checked address,
 * which the JDK's client on Java 17 cannot do for HTTPS. Stateless.
 */
final class UrlGuard {

    /** Name resolution; the system's in production. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    UrlGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    UrlGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** @throws FetchFailure saying why the URL may not be fetched */
    void check(URI url) throws FetchFailure {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchFailure.fatal("refused a " + (scheme.isEmpty() ? "relative" : "'" + scheme + "'")
                    + " URL: only http and https are downloaded");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw FetchFailure.fatal("refused a URL without a host");
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw FetchFailure.transientFailure("host " + host + " did not resolve", null);
        }
        for (InetAddress address : addresses) {
            Optional<String> why = AddressPolicy.refusal(address);
            if (why.isPresent()) {
                throw FetchFailure.fatal("refused host " + host + ": it resolves to " + address.getHostAddress()
                        + ", " + why.get() + " (IMAGEGEN_STORE_ALLOW_PRIVATE_URLS=true allows it)");
            }
        }
    }
}
