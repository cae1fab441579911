package dev.imagegen.core;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The unguessable per-task tokens in vendors' callback URLs. Confined to the engine's thread. */
final class CallbackTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, RunningTask> byToken = new HashMap<>();

    /** The callback URL for a task's submit, or null when its provider takes no callbacks. */
    URI urlFor(RunningTask rt) {
        URI base = rt.lane.provider.descriptor().callbackBase();
        if (base == null) {
            return null;
        }
        if (rt.callbackToken == null) {
            byte[] random = new byte[18];
            RANDOM.nextBytes(random);
            rt.callbackToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            byToken.put(rt.callbackToken, rt);
        }
        return URI.create(base + CallbackRoutes.path(rt.provider(), rt.callbackToken));
    }

    /** The task a token belongs to, or null. */
    RunningTask find(String token) {
        return byToken.get(token);
    }

    void retire(RunningTask rt) {
        if (rt.callbackToken != null) {
            byToken.remove(rt.callbackToken, rt);
        }
    }
}
