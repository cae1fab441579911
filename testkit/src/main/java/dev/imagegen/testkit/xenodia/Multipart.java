package dev.imagegen.testkit.xenodia;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict reader of {@code multipart/form-data} bodies (RFC 7578), as a server of Xenodia's would parse them. */
final class Multipart {

    /** One part: its form field name, file name (null for a text field), media type (null when not given), bytes. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        boolean isFile() {
            return fileName != null;
        }
    }

    /** The body is not well-formed multipart. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    private Multipart() {
    }

    static List<Part> parse(String contentType, byte[] body) throws MalformedException {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!m.find()) {
            throw new MalformedException("multipart/form-data without a boundary");
        }
        String boundary = m.group(2) != null ? m.group(2) : m.group(3);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new MalformedException("no multipart delimiter in the body");
        }
        List<Part> parts = new ArrayList<>();
        int cursor = at + delimiter.length;
        while (true) {
            if (startsWith(body, cursor, new byte[] {'-', '-'})) {
                return parts;
            }
            if (!startsWith(body, cursor, CRLF)) {
                throw new MalformedException("malformed multipart delimiter line");
            }
            int headersStart = cursor + 2;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw new MalformedException("multipart part without a header end");
            }
            int contentEnd = indexOf(body, separator, headersEnd + 4);
            if (contentEnd < 0) {
                throw new MalformedException("multipart body without a closing delimiter");
            }
            Map<String, String> headers = headers(new String(body, headersStart, headersEnd - headersStart,
                    StandardCharsets.UTF_8));
            parts.add(part(headers, Arrays.copyOfRange(body, headersEnd + 4, contentEnd)));
            cursor = contentEnd + separator.length;
        }
    }

    private static Part part(Map<String, String> headers, byte[] content) throws MalformedException {
        String disposition = headers.get("content-disposition");
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new MalformedException("a multipart part without Content-Disposition: form-data");
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw new MalformedException("a multipart part without a field name");
        }
        Matcher fileName = FILE_NAME.matcher(disposition);
        String type = headers.get("content-type");
        return new Part(name.group(1), fileName.find() ? fileName.group(1) : null,
                type == null ? null : type.split(";")[0].trim().toLowerCase(Locale.ROOT), content);
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = from; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
