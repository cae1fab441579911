package dev.imagegen.core;

import dev.imagegen.spi.ProviderId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-task tokens in vendors' callback URLs: {@code <taskId>~<mac>}, the mac being 128 bits of HMAC-SHA256 over
 * the provider and the task id under the engine's callback secret. Whoever holds the secret (every worker of a group,
 * across restarts) can check a token and learn its task without any shared state; nobody else can make one.
 * Thread-safe (a {@link Mac} per call).
 */
final class CallbackTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '~';
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    /** @param secret at least 16 bytes */
    CallbackTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a callback secret has at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The callback URL for a task's submit, or null when its provider takes no callbacks. */
    URI urlFor(RunningTask rt) {
        URI base = rt.lane.provider.descriptor().callbackBase();
        if (base == null) {
            return null;
        }
        return URI.create(base + CallbackRoutes.path(rt.provider(), token(rt.provider(), rt.task.id())));
    }

    String token(ProviderId provider, TaskId task) {
        return task.value() + SEPARATOR + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(provider, task));
    }

    /** The task a token was made for, when it was made with this secret for this provider. */
    Optional<TaskId> verify(ProviderId provider, String token) {
        int at = token.lastIndexOf(SEPARATOR);
        if (at <= 0 || !TaskId.isValid(token.substring(0, at))) {
            return Optional.empty();
        }
        TaskId task = TaskId.of(token.substring(0, at));
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(at + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, mac(provider, task)) ? Optional.of(task) : Optional.empty();
    }

    private byte[] mac(ProviderId provider, TaskId task) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(provider.value().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return Arrays.copyOf(mac.doFinal(task.value().getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }
}
