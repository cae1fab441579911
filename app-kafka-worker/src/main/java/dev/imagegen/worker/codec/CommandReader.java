package dev.imagegen.worker.codec;

import dev.imagegen.core.TaskId;
import dev.imagegen.spi.ProviderId;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@code imagegen.generate.v1} command (CONTRACT.md 3.1) from untrusted bytes. Every contract break is
 * reported at once, by field; nothing here throws. Thread-safe (stateless but for the known provider ids).
 */
public final class CommandReader {

    public static final String TYPE = "imagegen.generate.v1";
    /** The type of a cancel command (CONTRACT §5.2). */
    public static final String CANCEL_TYPE = "imagegen.cancel.v1";
    /** The longest reason a cancel may give. */
    public static final int MAX_CANCEL_REASON = 256;
    /** The longest commandId that is still echoed on a FAILED event; longer ones are unreadable. */
    public static final int MAX_ECHOED_ID = 1024;
    /** The most metadata, in characters of keys and values together, so that every event stays small. */
    public static final int MAX_METADATA_CHARS = 16 * 1024;

    private final Set<ProviderId> knownProviders;

    /** The providers the contract names; a command may name them whether or not they are on the class path. */
    public static final Set<ProviderId> CONTRACT_PROVIDERS = Set.of(ProviderId.of("xenodia"), ProviderId.of("apixo"),
            ProviderId.of("bailian"));

    /**
     * @param knownProviders the provider ids a command may name besides {@link #CONTRACT_PROVIDERS} (every
     *                       provider on the class path)
     */
    public CommandReader(Set<ProviderId> knownProviders) {
        Set<ProviderId> all = new HashSet<>(CONTRACT_PROVIDERS);
        all.addAll(knownProviders);
        this.knownProviders = Set.copyOf(all);
    }

    public Decoded read(byte[] value) {
        Object root;
        try {
            root = JsonTree.parse(value);
        } catch (JsonTree.Unreadable e) {
            return new Decoded.Unreadable(e.getMessage());
        }
        if (!(root instanceof Map)) {
            return new Decoded.Unreadable("not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) root;
        Object id = fields.get("commandId");
        if (!(id instanceof String commandId) || commandId.isEmpty()) {
            return new Decoded.Unreadable(id == null ? "no commandId" : "commandId is not a non-empty string");
        }
        if (commandId.length() > MAX_ECHOED_ID || Text.hasLoneSurrogate(commandId)) {
            return new Decoded.Unreadable("commandId is not readable (over " + MAX_ECHOED_ID
                    + " characters or not valid Unicode)");
        }
        if (CANCEL_TYPE.equals(fields.get("type"))) {
            return cancel(fields, commandId);
        }
        if (CallbackRecord.TYPE.equals(fields.get("type"))) {
            return callback(fields, commandId);
        }
        return new CommandFields(fields, commandId, knownProviders).decode();
    }

    /** A callback handed on by another worker of the group (internal); malformed, it is unreadable. */
    private static Decoded callback(Map<String, Object> fields, String commandId) {
        if (!(fields.get("provider") instanceof String provider) || !ProviderId.isValid(provider)
                || !(fields.get("token") instanceof String token) || !(fields.get("body") instanceof String body)) {
            return new Decoded.Unreadable(CallbackRecord.TYPE + ": needs provider, token and body");
        }
        try {
            return new Decoded.Callback(new CallbackRecord(commandId, provider, token, Base64.getDecoder()
                    .decode(body)));
        } catch (IllegalArgumentException e) {
            return new Decoded.Unreadable(CallbackRecord.TYPE + ": body is not base64");
        }
    }

    /** A cancel that breaks the contract is unreadable (DLQ): it must not mark its commandId as answered. */
    private static Decoded cancel(Map<String, Object> fields, String commandId) {
        if (!TaskId.isValid(commandId)) {
            return new Decoded.Unreadable(CANCEL_TYPE + ": commandId must be 1-128 characters of [A-Za-z0-9._:-]");
        }
        Object reason = fields.get("reason");
        if (reason != null && !(reason instanceof String text && text.length() <= MAX_CANCEL_REASON
                && !Text.hasLoneSurrogate(text))) {
            return new Decoded.Unreadable(CANCEL_TYPE + ": reason must be a string of at most " + MAX_CANCEL_REASON
                    + " characters");
        }
        return new Decoded.Cancel(commandId, (String) reason);
    }

}
