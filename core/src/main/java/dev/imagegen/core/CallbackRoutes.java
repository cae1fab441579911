package dev.imagegen.core;

import dev.imagegen.spi.ProviderId;

/**
 * The path under a provider's callback base at which a vendor reports one task:
 * {@code /callbacks/<provider>/<token>}, the token being unguessable and per task. A host that receives such a
 * request hands it to {@link GenerationHost#onCallback}. Stateless and thread-safe.
 */
public final class CallbackRoutes {

    public static final String PREFIX = "/callbacks/";

    private CallbackRoutes() {
    }

    public static String path(ProviderId provider, String token) {
        return PREFIX + provider.value() + "/" + token;
    }
}
