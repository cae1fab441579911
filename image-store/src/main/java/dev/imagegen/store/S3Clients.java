package dev.imagegen.store;

import dev.imagegen.spi.ConfigException;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the sync S3 client a store uses: the JDK's {@code HttpURLConnection} underneath (no Netty, no Apache client,
 * no threads of its own), credentials from the AWS default chain (environment, system properties, profile,
 * container or instance role), and the endpoint, region and addressing style of {@link StoreOptions}. Stateless.
 */
final class S3Clients {

    /** The longest wait for the store's answer to one upload request. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

    private S3Clients() {
    }

    static S3Client create(StoreOptions options) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(options.connectTimeout())
                        .socketTimeout(SOCKET_TIMEOUT))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .forcePathStyle(options.s3PathStyle());
        options.s3Endpoint().ifPresent(builder::endpointOverride);
        if (options.s3Region().isPresent()) {
            builder.region(Region.of(options.s3Region().get()));
        } else if (options.s3Endpoint().isPresent()) {
            builder.region(Region.US_EAST_1);
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new ConfigException(StoreOptions.S3_REGION.name(),
                    "no S3 region is known: set it, or AWS_REGION, or an AWS profile's region");
        }
    }
}
