package dev.imagegen.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The key that signs vendors' callback tokens, the same on every worker of a group and across restarts without any
 * setting of its own: the SHA-256 of the group id and the vendors' API keys (secrets every worker of the group holds
 * already, and nobody else). A callback URL made by one worker is therefore genuine to all of them; rotating an API
 * key retires the callback URLs of the tasks in flight, whose safety-net polls then finish them.
 */
final class CallbackSecret {

    private CallbackSecret() {
    }

    static byte[] derive(String groupId, List<String> providerSecrets) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("imagegen callback secret v1\n".getBytes(StandardCharsets.UTF_8));
            sha256.update(groupId.getBytes(StandardCharsets.UTF_8));
            for (String secret : providerSecrets.stream().sorted().toList()) {
                sha256.update((byte) '\n');
                sha256.update(secret.getBytes(StandardCharsets.UTF_8));
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
