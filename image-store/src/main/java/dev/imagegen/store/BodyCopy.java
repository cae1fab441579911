package dev.imagegen.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Streams a response body into a temporary file through one {@value #BUFFER_BYTES}-byte buffer, counting (refused
 * past the size limit), hashing (SHA-256) and reading the first bytes' magic (refused unless PNG, JPEG or WebP) as
 * it goes. A read that waits longer than the read timeout ends the copy. The temporary file is deleted on any
 * failure. Stateless.
 */
final class BodyCopy {

    static final int BUFFER_BYTES = 64 * 1024;

    private BodyCopy() {
    }

    static Download copy(HttpResponse<InputStream> response, Path dir, String host, StoreOptions options,
                         ScheduledExecutorService timer) throws FetchFailure {
        long limit = options.maxImageBytes();
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limit) {
            Downloader.closeQuietly(response.body());
            throw tooLarge(host, limit);
        }
        Path temp = createTemp(dir);
        boolean kept = false;
        try (InputStream in = response.body();
             ReadWatchdog dog = ReadWatchdog.watch(timer, options.readTimeout(), in)) {
            try (OutputStream out = Files.newOutputStream(temp)) {
                Download download = stream(in, out, dog, temp, host, limit);
                kept = true;
                return download;
            } catch (IOException e) {
                if (dog.fired()) {
                    throw FetchFailure.transientFailure("host " + host + " sent nothing for "
                            + options.readTimeout().toMillis() + " ms", e);
                }
                throw FetchFailure.transientFailure("the download from host " + host + " broke off ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        } catch (IOException e) {
            throw FetchFailure.transientFailure("the download from host " + host + " broke off ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (!kept) {
                deleteQuietly(temp);
            }
        }
    }

    private static Download stream(InputStream in, OutputStream out, ReadWatchdog dog, Path temp, String host,
                                   long limit) throws IOException, FetchFailure {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        byte[] head = new byte[ImageType.HEAD_BYTES];
        int headLength = 0;
        ImageType type = null;
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            dog.progress();
            total += n;
            if (total > limit) {
                throw tooLarge(host, limit);
            }
            if (type == null) {
                int take = Math.min(n, head.length - headLength);
                System.arraycopy(buffer, 0, head, headLength, take);
                headLength += take;
                if (headLength == head.length) {
                    type = sniffed(head, headLength, host);
                }
            }
            sha.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        if (total == 0) {
            throw FetchFailure.fatal("host " + host + " sent an empty body");
        }
        if (type == null) {
            type = sniffed(head, headLength, host);
        }
        return new Download(temp, HexFormat.of().formatHex(sha.digest()), total, type);
    }

    private static ImageType sniffed(byte[] head, int length, String host) throws FetchFailure {
        return ImageType.sniff(head, length).orElseThrow(() -> FetchFailure.fatal(
                "host " + host + " sent something that is not a PNG, JPEG or WebP image (by its first bytes)"));
    }

    private static FetchFailure tooLarge(String host, long limit) {
        return FetchFailure.fatal("the image from host " + host + " is larger than the limit of " + limit + " bytes");
    }

    private static Path createTemp(Path dir) throws FetchFailure {
        try {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, ".download-", ".part");
        } catch (IOException e) {
            throw FetchFailure.transientFailure("could not create a temporary file in the store ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file; its name starts with a dot and ends .part
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
