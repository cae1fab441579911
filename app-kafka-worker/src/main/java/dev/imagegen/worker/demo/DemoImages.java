package dev.imagegen.worker.demo;

import dev.imagegen.worker.codec.JsonTree;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Saves the images of the demo's SUCCEEDED events under {@code ./demo-out/}. Only loopback URLs are fetched (the
 * demo's vendors are local simulators); others are named and skipped.
 */
final class DemoImages {

    private final Path dir;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoImages(Path dir, PrintStream err) {
        this.dir = dir;
        this.err = err;
    }

    /** Saves the images of one event, if it is a SUCCEEDED one. */
    @SuppressWarnings("unchecked")
    void save(byte[] eventJson) {
        Map<String, Object> event;
        try {
            event = (Map<String, Object>) JsonTree.parse(eventJson);
        } catch (JsonTree.Unreadable | ClassCastException e) {
            return;
        }
        if (!"SUCCEEDED".equals(event.get("status")) || !(event.get("images") instanceof List<?> images)) {
            return;
        }
        for (int i = 0; i < images.size(); i++) {
            Object url = images.get(i) instanceof Map<?, ?> image ? image.get("url") : null;
            if (url instanceof String u) {
                fetch(URI.create(u), dir.resolve(event.get("commandId") + "-" + (i + 1) + extension(u)));
            }
        }
    }

    private void fetch(URI url, Path file) {
        try {
            if (url.getHost() == null || !InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
                err.println("imagegen demo: not fetching " + url + " (not a local simulator)");
                return;
            }
            Files.createDirectories(dir);
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                    .build(), HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(file);
                err.println("imagegen demo: " + url + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            err.println("imagegen demo: cannot fetch " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String extension(String url) {
        String path = URI.create(url).getPath();
        if (path == null) {
            return ".img";
        }
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        for (String ext : List.of(".png", ".jpeg", ".jpg", ".webp")) {
            if (lower.endsWith(ext)) {
                return ext;
            }
        }
        return ".img";
    }
}
