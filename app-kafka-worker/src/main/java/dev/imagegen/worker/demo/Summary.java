package dev.imagegen.worker.demo;

import dev.imagegen.worker.codec.JsonTree;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few lines {@code demo} ends with: one per sample command, in the order sent, with its provider, model, final
 * status, its cost where the vendor reported or published one, and the file its image was stored in or its error
 * code and message.
 */
final class Summary {

    private static final int MESSAGE_CHARS = 100;

    private final Map<String, Map<?, ?>> samples = new LinkedHashMap<>();
    private final Map<String, Map<?, ?>> terminal = new LinkedHashMap<>();

    /** @param samples the sample commands by commandId, in the order sent */
    Summary(Map<String, String> samples) {
        samples.forEach((id, json) -> this.samples.put(id, parse(json)));
    }

    /** Takes an event line; returns whether it is the terminal event of a sample command. */
    boolean record(String commandId, String eventJson) {
        Map<?, ?> event = parse(eventJson);
        if (!samples.containsKey(commandId) || !Boolean.TRUE.equals(event.get("terminal"))) {
            return false;
        }
        terminal.put(commandId, event);
        return true;
    }

    boolean complete() {
        return terminal.keySet().containsAll(samples.keySet());
    }

    /** The summary lines, paths shown relative to {@code workingDirectory} where they are under it. */
    List<String> lines(Path workingDirectory) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, Map<?, ?>> sample : samples.entrySet()) {
            Map<?, ?> command = sample.getValue();
            Map<?, ?> event = terminal.get(sample.getKey());
            String status = event == null ? "NO TERMINAL EVENT" : (String) event.get("status");
            rows.add(new String[] {text(command.get("provider")), text(command.get("model")), status,
                    event == null ? "" : cost(event), event == null ? "" : outcome(event, workingDirectory)});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        long succeeded = terminal.values().stream().filter(e -> "SUCCEEDED".equals(e.get("status"))).count();
        List<String> lines = new ArrayList<>();
        lines.add("imagegen demo: " + samples.size() + " sample commands, " + succeeded + " succeeded:");
        for (String[] row : rows) {
            lines.add(String.format("  %-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %-"
                    + widths[3] + "s  %s", row[0], row[1], row[2], row[3], row[4]).stripTrailing());
        }
        return lines;
    }

    /** {@code 0.167 USDC} where the event carries a cost, else empty. */
    private static String cost(Map<?, ?> event) {
        return event.get("cost") instanceof Map<?, ?> cost ? cost.get("amount") + " " + cost.get("currency") : "";
    }

    private static String outcome(Map<?, ?> event, Path workingDirectory) {
        if (event.get("error") instanceof Map<?, ?> error) {
            String message = text(error.get("message"));
            return error.get("code") + " (" + (message.length() > MESSAGE_CHARS
                    ? message.substring(0, MESSAGE_CHARS - 3) + "..." : message) + ")";
        }
        List<String> files = new ArrayList<>();
        if (event.get("images") instanceof List<?> images) {
            for (Object image : images) {
                Map<?, ?> fields = (Map<?, ?>) image;
                files.add(fields.get("stored") instanceof Map<?, ?> stored
                        ? shown(URI.create((String) stored.get("uri")), workingDirectory)
                        : text(fields.get("url")));
            }
        }
        if (event.get("warnings") instanceof List<?> warnings && !warnings.isEmpty()) {
            files.add("(" + warnings.get(0) + ")");
        }
        return String.join(" ", files);
    }

    private static String shown(URI uri, Path workingDirectory) {
        if (!"file".equals(uri.getScheme())) {
            return uri.toString();
        }
        Path file = Path.of(uri);
        Path base = workingDirectory.toAbsolutePath().normalize();
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static Map<?, ?> parse(String json) {
        try {
            return (Map<?, ?>) JsonTree.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonTree.Unreadable | ClassCastException e) {
            return Map.of();
        }
    }
}
