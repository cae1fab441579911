package dev.imagegen.adapter.xenodia;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The test log (simplelogger.properties sends every test's log lines to this file). */
final class LogFile {

    private static final Path PATH = Path.of("target", "xenodia-test.log");

    private LogFile() {
    }

    /** Where the log ends now. */
    static long mark() {
        try {
            return Files.exists(PATH) ? Files.size(PATH) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was logged since the mark. */
    static String since(long mark) {
        try {
            byte[] all = Files.readAllBytes(PATH);
            return new String(Arrays.copyOfRange(all, (int) Math.min(mark, all.length), all.length),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
