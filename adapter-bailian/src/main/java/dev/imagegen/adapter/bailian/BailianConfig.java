package dev.imagegen.adapter.bailian;

import dev.imagegen.spi.ConfigException;
import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ProviderConfig;
import dev.imagegen.spi.ProviderId;
import dev.imagegen.spi.TaskSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every configuration key of the {@code bailian} provider, each defined once with its default and doc.
 *
 * <p>The provider is enabled exactly when {@link #API_KEY} is set; {@link #BASE_URL} has no default and is then
 * required. {@link #API_STYLE} picks the HTTP API: {@code gateway} (seed 003's
 * {@code POST {BASE_URL}/api/v1/images/generations} with the {@code {success, code, message, data}} envelope,
 * serving the DashScope and the Volcano Engine Seedream models) or {@code dashscope} (Alibaba's native
 * {@code {BASE_URL}/api/v1/services/aigc/...} paths, e.g. {@code BAILIAN_BASE_URL=https://dashscope-intl.aliyuncs.com},
 * serving the DashScope models only). A base URL ending in {@code /api/v1} is accepted too.
 *
 * <p>Task defaults ({@link #TASK_DEFAULTS}), from DashScope's guidance: its SDK polls from 1 s doubling to 5 s,
 * its docs say poll every 5 to 10 s and wan tasks take 1 to 3 minutes, so the first status call comes after 5 s
 * (or the 15 s / 20 s ETA the provider hints for wan text-to-image / image edit), then every 5 s up to 10 s, and
 * a task times out after 10 minutes. DashScope documents 2 concurrent tasks and 2 submissions per second for
 * wan2.1 models (task queries: 20 per second per account), so at most 2 tasks are in flight and 2 calls are made
 * per second; raise both when the account's limits allow. Synchronous models (qwen-image, Seedream) answer
 * within the read timeout, which defaults to the vendors' own 300 s.
 *
 * <p>Immutable constants; thread-safe.
 */
public final class BailianConfig {

    /** The provider id, {@code bailian}. */
    public static final ProviderId ID = ProviderId.of("bailian");

    public static final ConfigKey API_KEY = ConfigKey.secret("BAILIAN_API_KEY",
            "API key sent as 'Authorization: Bearer'; setting it enables the bailian provider");

    public static final ConfigKey BASE_URL = ConfigKey.of("BAILIAN_BASE_URL", null,
            "the gateway's {BASE_URL} (or the DashScope host in dashscope style); required when the key is set");

    public static final ConfigKey API_STYLE = ConfigKey.of("BAILIAN_API_STYLE", "gateway",
            "gateway (seed 003's /api/v1/images/generations + envelope, DashScope and Seedream models) or"
                    + " dashscope (Alibaba's native /api/v1/services/aigc/... paths, DashScope models only)");

    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.of("BAILIAN_CONNECT_TIMEOUT", "10s",
            "how long to wait for a connection to the vendor");

    public static final ConfigKey READ_TIMEOUT = ConfigKey.of("BAILIAN_READ_TIMEOUT", "5m",
            "how long to wait for an answer (synchronous models answer when the image is made; Ark and the"
                    + " DashScope SDK wait 300 s)");

    /** Polling from 5 s every 5 to 10 s, 10 minutes per task, 2 tasks in flight, 2 calls per second. */
    public static final TaskSettings TASK_DEFAULTS = new TaskSettings(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofMinutes(10), 2, 2);

    private BailianConfig() {
    }

    /** Every key, in the order {@code --help} lists them. */
    public static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>(List.of(API_KEY, BASE_URL, API_STYLE, CONNECT_TIMEOUT, READ_TIMEOUT));
        keys.addAll(TASK_DEFAULTS.configKeys(ID));
        return List.copyOf(keys);
    }

    static BailianSettings read(ProviderConfig config) {
        var key = config.secret(API_KEY);
        URI base = config.url(BASE_URL);
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith("/api/v1")) {
            path = path.substring(0, path.length() - "/api/v1".length());
        }
        if (base.getQuery() != null || base.getFragment() != null) {
            throw new ConfigException(BASE_URL.name(), "'" + base + "' must not carry a query or fragment");
        }
        ApiStyle style = ApiStyle.of(config.oneOf(API_STYLE, "gateway", "dashscope"));
        URI root = URI.create(base.getScheme() + "://" + base.getRawAuthority());
        boolean firstWaitSet = TASK_DEFAULTS.configKeys(ID).stream()
                .filter(k -> k.name().equals("BAILIAN_POLL_INITIAL_DELAY")).anyMatch(config::isSet);
        return new BailianSettings(key, root, path, style, config.duration(CONNECT_TIMEOUT),
                config.duration(READ_TIMEOUT), TASK_DEFAULTS.read(config, ID), !firstWaitSet, config.clock());
    }
}
