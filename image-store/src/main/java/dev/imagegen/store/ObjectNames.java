package dev.imagegen.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name of a stored image: {@code <task>/<index>.<ext>}, deterministic in the task id and the index, so a copy
 * repeated after a crash overwrites the same object.
 *
 * <p>The task part is safe on any filesystem and in any S3 key, and injective: {@code a-z}, {@code 0-9} and
 * {@code -} stand for themselves; every other ASCII character (upper case letters, dots and slashes included) is
 * written {@code _XX} and every other UTF-16 unit {@code _uXXXX}, in upper-case hex, so there is no path traversal,
 * no hidden file and no clash between {@code A} and {@code a} on a case-insensitive filesystem. Where that is longer
 * than {@value #MAX_PART} characters, its first {@value #KEPT} characters are followed by {@code ~} and the first 16
 * hex digits of the SHA-256 of the id's UTF-16 units ({@code ~} never appears in an escaped name, so a shortened
 * name never equals a full one). Stateless.
 */
final class ObjectNames {

    static final int MAX_TASK_ID = 256;
    static final int MAX_PART = 120;
    static final int KEPT = 96;

    private ObjectNames() {
    }

    /**
     * The name without its extension: {@code <task>/<index>}.
     *
     * @throws IllegalArgumentException for an empty or too long task id, or a negative index
     */
    static String stem(String taskId, int index) {
        if (taskId == null || taskId.isEmpty() || taskId.length() > MAX_TASK_ID) {
            throw new IllegalArgumentException("a task id has 1 to " + MAX_TASK_ID + " characters, got "
                    + (taskId == null ? "null" : taskId.length() + " characters"));
        }
        if (index < 0) {
            throw new IllegalArgumentException("an image index is 0 or more, got " + index);
        }
        return taskPart(taskId) + "/" + index;
    }

    static String taskPart(String taskId) {
        HexFormat hex = HexFormat.of().withUpperCase();
        StringBuilder out = new StringBuilder(taskId.length());
        for (int i = 0; i < taskId.length(); i++) {
            char c = taskId.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                out.append(c);
            } else if (c < 0x80) {
                out.append('_').append(hex.toHexDigits((byte) c));
            } else {
                out.append("_u").append(hex.toHexDigits(c));
            }
        }
        if (out.length() <= MAX_PART) {
            return out.toString();
        }
        return out.substring(0, KEPT) + "~" + HexFormat.of().formatHex(sha256(taskId), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                sha.update((byte) (c >> 8));
                sha.update((byte) c);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
