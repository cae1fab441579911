package dev.imagegen.testkit.bailian;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the simulator received, as it arrived.
 *
 * @param method  the HTTP method
 * @param path    the path, without the query
 * @param headers header names in lower case, with their values
 * @param body    the body as text, empty when there was none
 */
public record ReceivedRequest(String method, String path, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as a JSON object (maps, lists, strings, numbers, booleans); empty when it is not one. */
    public Map<String, Object> json() {
        Map<String, Object> parsed = Json.parseObject(body);
        return parsed == null ? Map.of() : parsed;
    }
}
