package dev.imagegen.adapter.apixo;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.Secret;
import dev.imagegen.spi.TaskSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of the Apixo provider: every key it reads, defined once with its default and doc, and the
 * values read from a {@link ProviderConfig}.
 *
 * <p>Task defaults follow Apixo's own guidance for {@code nano-banana-pro} (seed 004): wait 20 s after the submit,
 * then poll every 3 s (so the poll interval and its maximum are both 3 s, which makes the core's doubling cadence
 * a flat 3 s); a task still running after 5 minutes times out (Apixo's polling guide); at most 1,000 concurrent
 * tasks and 10,000 requests a minute (166 a second) per account.
 *
 * <p>Callbacks: when {@link #CALLBACK_URL} is set, the provider's descriptor announces it as its
 * {@code callbackBase}. The core then gives each submission a callback URL made of that base and an unguessable
 * per-task token, and the adapter sends it as {@code request_type: callback} with that {@code callback_url}
 * (without one, {@code request_type: async}). Apixo signs nothing, so a callback is never trusted on its own: the
 * core matches the token, checks the task id that {@code ImageProvider.callbackTaskId} reads from the body, and
 * then polls the task at once; only that poll's answer moves the task. Polling continues as a back-up for lost
 * callbacks.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApixoConfig {

    /** The provider id, also the prefix of every key. */
    public static final ProviderId ID = ProviderId.of("apixo");

    public static final ConfigKey API_KEY = ConfigKey.secret("APIXO_API_KEY",
            "Apixo API key, sent as a Bearer token; the provider is enabled exactly when it is set");
    public static final ConfigKey BASE_URL = ConfigKey.of("APIXO_BASE_URL", "https://api.apixo.ai",
            "Apixo API base URL (the /api/v1/... paths are appended)");
    public static final ConfigKey CALLBACK_URL = ConfigKey.of("APIXO_CALLBACK_URL", null,
            "public base URL that reaches the worker's callback route; when set, tasks use request_type callback"
                    + " and polling only backs it up");
    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.of("APIXO_CONNECT_TIMEOUT", "5s",
            "how long to wait for a connection to Apixo; a submit that cannot connect was never sent");
    public static final ConfigKey READ_TIMEOUT = ConfigKey.of("APIXO_READ_TIMEOUT", "30s",
            "how long to wait for Apixo's answer; a submit that times out has an unknown outcome");

    /**
     * Apixo's own cadence, timeout and limits, overridable by the six {@code APIXO_*} task keys. A task reported by
     * callback is backed up by a status call every 30 s at most: Apixo retries a lost callback first after 30 s, so
     * a lost one is caught about as soon as Apixo itself would try again.
     */
    public static final TaskSettings TASK_DEFAULTS = new TaskSettings(Duration.ofSeconds(20), Duration.ofSeconds(3),
            Duration.ofSeconds(3), Duration.ofMinutes(5), 1000, 166, Duration.ofSeconds(30));

    private final Secret apiKey;
    private final URI baseUrl;
    private final URI callbackUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final TaskSettings taskSettings;
    private final Clock clock;

    private ApixoConfig(ProviderConfig config) {
        this.apiKey = config.secret(API_KEY);
        this.baseUrl = config.url(BASE_URL);
        this.callbackUrl = config.isSet(CALLBACK_URL) ? config.url(CALLBACK_URL) : null;
        this.connectTimeout = config.duration(CONNECT_TIMEOUT);
        this.readTimeout = config.duration(READ_TIMEOUT);
        this.taskSettings = TASK_DEFAULTS.read(config, ID);
        this.clock = config.clock();
    }

    /**
     * Reads and checks every key.
     *
     * @throws dev.imagegen.spi.ConfigException naming the first key that is missing or malformed
     */
    public static ApixoConfig read(ProviderConfig config) {
        return new ApixoConfig(Objects.requireNonNull(config, "config"));
    }

    /** Every key this provider reads, in the order {@code --help} lists them. */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(List.of(API_KEY, BASE_URL, CALLBACK_URL, CONNECT_TIMEOUT,
                READ_TIMEOUT));
        keys.addAll(TASK_DEFAULTS.configKeys(ID));
        return List.copyOf(keys);
    }

    Secret apiKey() {
        return apiKey;
    }

    /** The API base URL, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The public callback base, when callbacks are configured. */
    public Optional<URI> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public TaskSettings taskSettings() {
        return taskSettings;
    }

    /** The clock that stamps result URL expiry. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ApixoConfig[baseUrl=" + baseUrl + ", callbackUrl=" + callbackUrl + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", " + taskSettings + "]";
    }
}
