package dev.imagegen.adapter.xenodia;

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

/**
 * The configuration of the Xenodia provider: every key it reads, defined once here with its default and its doc
 * (CONTRACT.md section 4), and the values read from them.
 *
 * <p>The key is held as a {@link Secret} and goes only into the {@code Authorization} header; this module never
 * logs it and redacts it from vendor messages. The Micronaut client masks that header in its own TRACE output but
 * logs response bodies verbatim there, so keep {@code io.micronaut.http.client} below TRACE in production.
 *
 * <p>Immutable and thread-safe.
 */
public final class XenodiaConfig {

    /** The provider id, {@code xenodia}. */
    public static final ProviderId PROVIDER_ID = ProviderId.of("xenodia");

    /** The long-term key, sent as {@code Authorization: Bearer}; the provider is enabled exactly when it is set. */
    public static final ConfigKey API_KEY = ConfigKey.secret("XENODIA_API_KEY",
            "Xenodia API key (Bearer); the provider is enabled exactly when it is set");

    /** Where the API lives; {@code /v1/images/generations}, {@code /v1/tasks/{id}}, {@code /v1/models} are appended. */
    public static final ConfigKey BASE_URL = ConfigKey.of("XENODIA_BASE_URL", "https://api.xenodia.xyz",
            "Xenodia API base URL, without /v1");

    /** How long opening a connection may take; a submit that could not connect was not sent. */
    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.of("XENODIA_CONNECT_TIMEOUT", "5s",
            "connect timeout of every Xenodia call (a submit that cannot connect fails PROVIDER_UNAVAILABLE)");

    /**
     * How long an answer may take once a call was sent. Generous, because an older Xenodia deployment may answer a
     * submit synchronously (20-60 s) and a submit that times out ends OUTCOME_UNKNOWN.
     */
    public static final ConfigKey READ_TIMEOUT = ConfigKey.of("XENODIA_READ_TIMEOUT", "2m",
            "read timeout of every Xenodia call (a submit that times out after sending ends OUTCOME_UNKNOWN)");

    /** How long a reading of {@code GET /v1/models} is used before it is refreshed in the background. */
    public static final ConfigKey DISCOVERY_TTL = ConfigKey.of("XENODIA_DISCOVERY_TTL", "10m",
            "how long the /v1/models discovery is cached before a background refresh");

    /**
     * The defaults of the six task keys ({@code XENODIA_POLL_INITIAL_DELAY} ...
     * {@code XENODIA_MAX_REQUESTS_PER_SECOND}).
     * Cadence from Xenodia's async media guide (wait 1 s, 2 s, 4 s, then 8-15 s): first status call after 1 s,
     * then from 2 s doubling up to 15 s; tasks time out after 10 minutes. Xenodia publishes no rate or concurrency
     * limits, so the caps (200 tasks in flight, 20 calls per second) are this project's own conservative choice.
     */
    public static final TaskSettings DEFAULT_TASK_SETTINGS = new TaskSettings(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(15), Duration.ofMinutes(10), 200, 20);

    private final Secret apiKey;
    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration discoveryTtl;
    private final TaskSettings taskSettings;
    private final Clock clock;

    private XenodiaConfig(ProviderConfig config) {
        this.apiKey = config.secret(API_KEY);
        this.baseUrl = config.url(BASE_URL);
        this.connectTimeout = config.duration(CONNECT_TIMEOUT);
        this.readTimeout = config.duration(READ_TIMEOUT);
        this.discoveryTtl = config.duration(DISCOVERY_TTL);
        this.taskSettings = DEFAULT_TASK_SETTINGS.read(config, PROVIDER_ID);
        this.clock = config.clock();
    }

    /** Every key of the provider, in the order {@code --help} shows them. */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(List.of(API_KEY, BASE_URL, CONNECT_TIMEOUT, READ_TIMEOUT,
                DISCOVERY_TTL));
        keys.addAll(DEFAULT_TASK_SETTINGS.configKeys(PROVIDER_ID));
        return List.copyOf(keys);
    }

    static XenodiaConfig read(ProviderConfig config) {
        return new XenodiaConfig(config);
    }

    Secret apiKey() {
        return apiKey;
    }

    URI baseUrl() {
        return baseUrl;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    Duration discoveryTtl() {
        return discoveryTtl;
    }

    TaskSettings taskSettings() {
        return taskSettings;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "XenodiaConfig[baseUrl=" + baseUrl + ", apiKey=" + apiKey + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", discoveryTtl=" + discoveryTtl + ", " + taskSettings + "]";
    }
}
