package dev.imagegen.store;

import dev.imagegen.spi.ConfigKey;
import dev.imagegen.spi.ProviderConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link dev.imagegen.spi.ImageStore} made by {@link ImageStores} downloads and stores: the worker's keys of
 * CONTRACT §5.4 (defined here once, with defaults and docs) and the limits that are code defaults.
 *
 * <p>Defaults: private URLs refused; no S3 endpoint (AWS), no region (the AWS default region chain, or
 * {@code us-east-1} when an endpoint is set), virtual-hosted-style addressing; images up to {@value #DEFAULT_MAX_BYTES}
 * bytes (50 MiB); at most 5 redirects; connect timeout 5 s; read timeout 30 s (the longest wait for the answer's
 * headers, and the longest silence while its body flows); 4 attempts per image, waiting 1 s, 2 s, 4 s between them
 * (never past the vendor URL's known expiry); 4 download threads.
 *
 * <p>Immutable and thread-safe. S3 credentials are not options: they come from the AWS default credential chain.
 */
public final class StoreOptions {

    public static final ConfigKey STORE_URL = ConfigKey.of("IMAGEGEN_STORE_URL", null,
            "result custody: unset = none; file:///path/dir = a directory; s3://bucket/prefix = an S3-compatible"
                    + " bucket (AWS default credential chain)");
    public static final ConfigKey S3_ENDPOINT = ConfigKey.of("IMAGEGEN_S3_ENDPOINT", null,
            "endpoint of an S3-compatible store other than AWS, such as http://127.0.0.1:9000");
    public static final ConfigKey S3_REGION = ConfigKey.of("IMAGEGEN_S3_REGION", null,
            "S3 region; unset = the AWS default region chain (us-east-1 when IMAGEGEN_S3_ENDPOINT is set)");
    public static final ConfigKey S3_PATH_STYLE = ConfigKey.of("IMAGEGEN_S3_PATH_STYLE", "false",
            "true = path-style bucket addressing (most S3-compatible servers want it)");
    public static final ConfigKey ALLOW_PRIVATE_URLS = ConfigKey.of("IMAGEGEN_STORE_ALLOW_PRIVATE_URLS", "false",
            "true = result URLs on loopback, link-local or private addresses are downloaded too (demo, tests)");

    /** 50 MiB. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private final boolean allowPrivateUrls;
    private final URI s3Endpoint;
    private final String s3Region;
    private final boolean s3PathStyle;
    private final long maxImageBytes;
    private final int maxRedirects;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int attempts;
    private final Duration firstBackoff;
    private final int threads;
    private final Clock clock;

    private StoreOptions(Builder b) {
        this.allowPrivateUrls = b.allowPrivateUrls;
        this.s3Endpoint = b.s3Endpoint;
        this.s3Region = b.s3Region;
        this.s3PathStyle = b.s3PathStyle;
        this.maxImageBytes = positive(b.maxImageBytes, "maxImageBytes");
        this.maxRedirects = (int) notNegative(b.maxRedirects, "maxRedirects");
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.attempts = (int) positive(b.attempts, "attempts");
        this.firstBackoff = Objects.requireNonNull(b.firstBackoff, "firstBackoff");
        this.threads = (int) positive(b.threads, "threads");
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    public static StoreOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults with {@link #S3_ENDPOINT}, {@link #S3_REGION}, {@link #S3_PATH_STYLE} and
     * {@link #ALLOW_PRIVATE_URLS} read from {@code config}.
     *
     * @throws dev.imagegen.spi.ConfigException naming the first malformed key
     */
    public static StoreOptions read(ProviderConfig config) {
        Builder b = builder()
                .allowPrivateUrls(Boolean.parseBoolean(config.oneOf(ALLOW_PRIVATE_URLS, "true", "false")))
                .s3PathStyle(Boolean.parseBoolean(config.oneOf(S3_PATH_STYLE, "true", "false")));
        if (config.isSet(S3_ENDPOINT)) {
            b.s3Endpoint(config.url(S3_ENDPOINT));
        }
        config.optional(S3_REGION).ifPresent(b::s3Region);
        return b.build();
    }

    /** Every key the worker reads for custody, in the order {@code --help} lists them. */
    public static List<ConfigKey> keys() {
        return List.of(STORE_URL, S3_ENDPOINT, S3_REGION, S3_PATH_STYLE, ALLOW_PRIVATE_URLS);
    }

    public boolean allowPrivateUrls() {
        return allowPrivateUrls;
    }

    public Optional<URI> s3Endpoint() {
        return Optional.ofNullable(s3Endpoint);
    }

    public Optional<String> s3Region() {
        return Optional.ofNullable(s3Region);
    }

    public boolean s3PathStyle() {
        return s3PathStyle;
    }

    /** The largest image downloaded, in bytes; a larger one is refused without being kept. */
    public long maxImageBytes() {
        return maxImageBytes;
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Download attempts per image, the first included. */
    public int attempts() {
        return attempts;
    }

    /** The wait before the second attempt; each later wait doubles. */
    public Duration firstBackoff() {
        return firstBackoff;
    }

    /** Threads that download and store; at most this many copies run at once, the rest wait in line. */
    public int threads() {
        return threads;
    }

    /** The clock that a vendor URL's expiry is compared with. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "StoreOptions[allowPrivateUrls=" + allowPrivateUrls + ", s3Endpoint=" + s3Endpoint + ", s3Region="
                + s3Region + ", s3PathStyle=" + s3PathStyle + ", maxImageBytes=" + maxImageBytes + ", maxRedirects="
                + maxRedirects + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", attempts=" + attempts + ", firstBackoff=" + firstBackoff + ", threads=" + threads + "]";
    }

    private static long positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    private static long notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than 0, got " + value);
        }
        return value;
    }

    /** Collects options; not thread-safe. */
    public static final class Builder {
        private boolean allowPrivateUrls;
        private URI s3Endpoint;
        private String s3Region;
        private boolean s3PathStyle;
        private long maxImageBytes = DEFAULT_MAX_BYTES;
        private int maxRedirects = 5;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int attempts = 4;
        private Duration firstBackoff = Duration.ofSeconds(1);
        private int threads = 4;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder allowPrivateUrls(boolean allow) {
            this.allowPrivateUrls = allow;
            return this;
        }

        public Builder s3Endpoint(URI endpoint) {
            this.s3Endpoint = endpoint;
            return this;
        }

        public Builder s3Region(String region) {
            this.s3Region = region;
            return this;
        }

        public Builder s3PathStyle(boolean pathStyle) {
            this.s3PathStyle = pathStyle;
            return this;
        }

        public Builder maxImageBytes(long bytes) {
            this.maxImageBytes = bytes;
            return this;
        }

        public Builder maxRedirects(int redirects) {
            this.maxRedirects = redirects;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        public Builder attempts(int count) {
            this.attempts = count;
            return this;
        }

        public Builder firstBackoff(Duration backoff) {
            this.firstBackoff = backoff;
            return this;
        }

        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        public StoreOptions build() {
            return new StoreOptions(this);
        }
    }
}
