package dev.imagegen.worker.testing;

import dev.imagegen.spi.ErrorCode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of the test vendor, shared by every {@link TestProvider} in the JVM (as a real vendor's server is
 * shared by every worker), so that a worker can poll a task another worker submitted.
 *
 * <p>A command's prompt scripts what the vendor does, with words starting with {@code @}:
 * <ul>
 *   <li>{@code @sync}: the submit answers with an image at once;</li>
 *   <li>{@code @ms=N}: the task runs N milliseconds, then succeeds (default 300);</li>
 *   <li>{@code @forever}: the task never finishes;</li>
 *   <li>{@code @fail=CODE}: the task fails with CODE when it is done;</li>
 *   <li>{@code @[provider:]reject=CODE}: the submit fails with CODE (at that provider only);</li>
 *   <li>{@code @leak}: the submit fails with a message that (wrongly) carries the API key;</li>
 *   <li>{@code @hang}: the submit never answers (the outcome stays unknown);</li>
 *   <li>{@code @hangonce}: the command's first submit never answers, later ones go ahead.</li>
 * </ul>
 *
 * <p>Result images are at {@code https://images.test/...}, or under {@link #serveImagesFrom} when a test serves them.
 */
public final class TestVendor {

    /** One task the vendor accepted. */
    record VendorTask(String provider, String correlationId, String prompt, long submittedAtNanos) {
    }

    private static final Pattern WORD = Pattern.compile("@(?:([a-z]+):)?([a-z]+)(?:=([A-Za-z0-9_]+))?");
    static final Map<String, VendorTask> TASKS = new ConcurrentHashMap<>();
    static final List<String> SUBMITS = new CopyOnWriteArrayList<>();
    static final AtomicInteger NUMBERS = new AtomicInteger();
    /** By commandId: the vendor task id and the callback URL the worker gave, when it gave one. */
    static final Map<String, String[]> CALLBACKS = new ConcurrentHashMap<>();
    /** By commandId: when each status call of its task came ({@link System#nanoTime()}). */
    static final Map<String, List<Long>> POLLS = new ConcurrentHashMap<>();
    private static volatile URI imageBase;

    private TestVendor() {
    }

    /** Every submit that reached the vendor, as {@code provider/commandId}. */
    public static List<String> submits() {
        return List.copyOf(SUBMITS);
    }

    /** The vendor task id and callback URL of a command's task, or null. */
    public static String[] callbackOf(String commandId) {
        return CALLBACKS.get(commandId);
    }

    /** When the status calls of a command's task came ({@link System#nanoTime()}), in order. */
    public static List<Long> pollsOf(String commandId) {
        return List.copyOf(POLLS.getOrDefault(commandId, List.of()));
    }

    public static long submitsOf(String commandId) {
        return SUBMITS.stream().filter(s -> s.endsWith("/" + commandId)).count();
    }


    /**
     * Result image URLs become {@code <base>/images/<name>} (a test's image server); null restores
     * {@code https://images.test/<name>}.
     */
    public static void serveImagesFrom(URI base) {
        imageBase = base;
    }

    static URI imageUrl(String name) {
        URI base = imageBase;
        return URI.create(base == null ? "https://images.test/" + name : base + "/images/" + name);
    }

    /** The value of {@code @name=value} in the prompt meant for this provider, or null. */
    static String directive(String prompt, String provider, String name) {
        Matcher m = WORD.matcher(prompt);
        while (m.find()) {
            if (m.group(2).equals(name) && (m.group(1) == null || m.group(1).equals(provider))) {
                return m.group(3) == null ? "" : m.group(3);
            }
        }
        return null;
    }

    static ErrorCode code(String value) {
        return ErrorCode.valueOf(value);
    }
}
