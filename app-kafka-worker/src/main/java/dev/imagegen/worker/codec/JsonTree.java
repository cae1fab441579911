package dev.imagegen.worker.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads untrusted JSON bytes into plain values ({@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code Long}, {@code BigInteger}, {@code Double}, {@code java.math.BigDecimal}, {@code Boolean}, {@code null}),
 * within hard bounds: size, nesting depth, number and name length, and token count. Malformed UTF-8, duplicate
 * keys and trailing content are refused. Never throws anything but {@link Unreadable}. Thread-safe.
 */
public final class JsonTree {

    /** The largest document read. */
    public static final int MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
    static final int MAX_DEPTH = 32;
    static final int MAX_TOKENS = 200_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(64)
                    .maxNameLength(1024)
                    .maxStringLength(MAX_DOCUMENT_BYTES)
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonTree() {
    }

    /** The bytes could not be read as JSON; the message says why in a few words (never the content). */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    public static Object parse(byte[] bytes) throws Unreadable {
        if (bytes == null || bytes.length == 0) {
            throw new Unreadable("empty value");
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new Unreadable("value larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            int[] budget = {MAX_TOKENS};
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Unreadable("no JSON value");
            }
            Object value = read(parser, first, budget);
            if (parser.nextToken() != null) {
                throw new Unreadable("content after the JSON value");
            }
            return value;
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not JSON: " + firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new Unreadable("nested too deeply");
        }
    }

    private static Object read(JsonParser parser, JsonToken token, int[] budget) throws IOException, Unreadable {
        if (--budget[0] < 0) {
            throw new Unreadable("more than " + MAX_TOKENS + " JSON tokens");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken(), budget));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t, budget));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getBigIntegerValue();
                }
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT: {
                double d = parser.getDoubleValue();
                return Double.isFinite(d) ? (Object) d : parser.getDecimalValue();
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new Unreadable("unexpected JSON token " + token);
        }
    }

    static boolean isWholeNumber(Object value) {
        return value instanceof Long || value instanceof BigInteger;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String line = message.lines().findFirst().orElse("malformed");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
