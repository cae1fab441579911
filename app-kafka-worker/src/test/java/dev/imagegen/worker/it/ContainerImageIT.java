package dev.imagegen.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imagegen.worker.codec.JsonTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image of {@code mvn -Pimage package} (jib's Docker-format tarball): its config names the worker as
 * entrypoint with JVM flags that follow the container's memory limit, a non-root user and the HTTP endpoint's port;
 * and its file system alone (no base image) runs the worker, started in a chroot as that user. Runs only in the
 * {@code image} profile, which tells it where the tarball is.
 */
class ContainerImageIT {

    private static Path tar;
    private static Map<String, byte[]> entries;
    private static Map<String, Object> config;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTheTarball() throws Exception {
        String path = System.getProperty("imagegen.image.tar");
        assumeTrue(path != null, "only in the image profile (mvn -Pimage verify)");
        tar = Path.of(path);
        assertTrue(Files.isRegularFile(tar), tar + " was built");
        entries = untar(Files.readAllBytes(tar));
        List<?> manifest = (List<?>) JsonTree.parse(entries.get("manifest.json"));
        Map<String, Object> image = (Map<String, Object>) manifest.get(0);
        assertEquals(List.of("imagegen-worker:" + System.getProperty("imagegen.version", "0.1.0-SNAPSHOT")),
                image.get("RepoTags"));
        Map<String, Object> whole = (Map<String, Object>) JsonTree.parse(entries.get((String) image.get("Config")));
        config = (Map<String, Object>) whole.get("config");
    }

    @Test
    void the_worker_is_the_entrypoint_with_memory_limit_aware_jvm_flags() {
        List<?> entrypoint = (List<?>) config.get("Entrypoint");
        assertEquals("/opt/java/bin/java", entrypoint.get(0));
        assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75"), entrypoint.toString());
        assertTrue(entrypoint.contains("-XX:+ExitOnOutOfMemoryError"), entrypoint.toString());
        assertEquals("dev.imagegen.worker.Main", entrypoint.get(entrypoint.size() - 1));
        assertEquals(List.of("run"), config.get("Cmd"));
    }

    @Test
    void it_runs_as_a_non_root_user_and_exposes_the_http_port() {
        String user = (String) config.get("User");
        assertEquals("65532:65532", user);
        assertFalse(user.startsWith("0") || user.startsWith("root"), user);
        assertEquals(Map.of("8080/tcp", Map.of()), config.get("ExposedPorts"));
        assertTrue(((List<?>) config.get("Env")).contains("IMAGEGEN_HTTP_ADDRESS=0.0.0.0"), config.toString());
    }

    /** Unpacks the layers into an empty directory and runs the entrypoint there: the image needs nothing else. */
    @Test
    @SuppressWarnings("unchecked")
    void its_file_system_alone_runs_the_worker(@TempDir Path root) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare")),
                "chroot needs root and unshare");
        Map<String, Object> image = (Map<String, Object>) ((List<?>) JsonTree.parse(entries.get("manifest.json")))
                .get(0);
        for (Object layer : (List<?>) image.get("Layers")) {
            Path file = root.resolveSibling(root.getFileName() + ".layer");
            Files.write(file, entries.get((String) layer));
            Result untar = run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", file.toString(), "-C",
                    root.toString()));
            assertEquals(0, untar.status, untar.output);
            Files.delete(file);
        }
        Files.createDirectories(root.resolve("proc"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                "--mount-proc=" + root.resolve("proc"), "chroot", "--userspec=" + config.get("User"),
                root.toString()));
        ((List<?>) config.get("Entrypoint")).forEach(arg -> command.add((String) arg));
        command.add("--help");
        Result help = run(command);
        assertEquals(0, help.status, help.output);
        assertTrue(help.output.startsWith("Usage: java -jar app-kafka-worker.jar"), help.output);
    }

    private record Result(int status, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The regular files of a (ustar) tar archive by name. */
    private static Map<String, byte[]> untar(byte[] tar) {
        Map<String, byte[]> files = new HashMap<>();
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            String name = field(tar, at, 100);
            String prefix = field(tar, at + 345, 155);
            long size = Long.parseLong(field(tar, at + 124, 12).trim(), 8);
            byte type = tar[at + 156];
            if (type == '0' || type == 0) {
                String full = prefix.isEmpty() ? name : prefix + "/" + name;
                byte[] content = new byte[(int) size];
                System.arraycopy(tar, at + 512, content, 0, (int) size);
                files.put(full, content);
            }
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        return files;
    }

    private static String field(byte[] tar, int offset, int length) {
        int end = offset;
        while (end < offset + length && tar[end] != 0) {
            end++;
        }
        return new String(tar, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
