package dev.imagegen.testkit.xenodia;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A submit as the simulator received it, for field-mapping assertions.
 *
 * @param contentType the request's media type ({@code application/json} or {@code multipart/form-data})
 * @param fields      JSON: the body's fields with their JSON types; multipart: each text part's value, a list
 *                    for a repeated name, under the name as sent (such as {@code image_input[]})
 * @param files       the uploaded files, in order (empty for JSON)
 * @param status      the HTTP status the simulator answered
 */
public record ReceivedSubmit(String contentType, Map<String, Object> fields, List<UploadedFile> files, int status) {

    public ReceivedSubmit {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        files = List.copyOf(files);
    }

    public boolean multipart() {
        return contentType.startsWith("multipart/form-data");
    }

    public Object field(String name) {
        return fields.get(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The reference URLs, from the JSON {@code image_input} array or the {@code image_input}/{@code image_input[]} parts. */
    public List<String> imageInputs() {
        List<String> urls = new ArrayList<>();
        for (String name : List.of("image_input", "image_input[]")) {
            Object value = fields.get(name);
            if (value instanceof List<?> list) {
                list.forEach(v -> urls.add(String.valueOf(v)));
            } else if (value != null) {
                urls.add(String.valueOf(value));
            }
        }
        return urls;
    }
}
